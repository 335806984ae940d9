import { BASICS } from './chapters/basics';
import { BASIC_SCRIPTS } from './testing/basicScripts';
import { describeChapters } from './testing/chapterSuite';

describeChapters(BASICS, BASIC_SCRIPTS);
