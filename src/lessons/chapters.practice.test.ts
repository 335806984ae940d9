import { PRACTICE } from './chapters/practice';
import { describeChapters } from './testing/chapterSuite';
import { PRACTICE_SCRIPTS } from './testing/practiceScripts';

describeChapters(PRACTICE, PRACTICE_SCRIPTS);
