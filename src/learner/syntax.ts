// Where a syntax error is in a learner's code. V8 names none for code compiled with `new Function`,
// so their code is parsed again with CodeMirror's JavaScript parser, which marks the first place it
// could not read.
import { parser } from '@lezer/javascript';

/** The 1-based line of the first syntax error in `code`, or null if the parser finds none. */
export const syntaxErrorLine = (code: string): number | null => {
  const cursor = parser.parse(code).cursor();
  do {
    if (cursor.type.isError) return code.slice(0, cursor.from).split('\n').length;
  } while (cursor.next());
  return null;
};
