import { PRODUCTION } from './chapters/production';
import { describeChapters } from './testing/chapterSuite';
import { PRODUCTION_SCRIPTS } from './testing/productionScripts';

describeChapters(PRODUCTION, PRODUCTION_SCRIPTS);
