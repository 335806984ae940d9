// The learner's own projection, in a worker that holds nothing else (issue 21): the page hands it
// their code and the log's events, a batch at a time, and asks for the state. It never sees the
// lab's databases; the page stops and replaces it if a batch takes too long (an endless loop).
import { saveCode, savedCode, type LearnerCodeDb } from '../learner/codeStore';
import {
  applyBatch,
  compile,
  isFailure,
  type Compiled,
  type LearnerEvent,
  type LearnerFailure,
} from '../learner/sandbox';
import { syntaxErrorLine } from '../learner/syntax';

export type Loaded = { ok: true } | { ok: false; failure: LearnerFailure };
export type Applied = { ok: true; position: number } | { ok: false; failure: LearnerFailure };

export const createLearnerWorkerApi = (codeDb: LearnerCodeDb) => {
  let compiled: Compiled | undefined;
  let state: unknown;
  /** A copy of `state` as it was after the last batch: what the page is shown. */
  let kept: unknown;
  let position = 0;
  return {
    savedCode: () => savedCode(codeDb),
    saveCode: (code: string) => saveCode(codeDb, code),
    /** Compiles their code and starts from its initialState, before any event. */
    load: (code: string): Loaded => {
      compiled = undefined;
      position = 0;
      const result = compile(code);
      if (isFailure(result)) {
        const line =
          result.line ?? (result.message.startsWith('SyntaxError') ? syntaxErrorLine(code) : null);
        return { ok: false, failure: { ...result, line } };
      }
      compiled = result;
      kept = result.initialState;
      state = structuredClone(kept);
      return { ok: true };
    },
    /** Applies the next events, in order; after a failure nothing more is applied until a load. */
    apply: (events: LearnerEvent[]): Applied => {
      if (!compiled)
        return {
          ok: false,
          failure: { message: 'Run the projection first.', line: null, position: null },
        };
      const result = applyBatch(compiled, state, kept, events);
      if (!result.ok) {
        compiled = undefined;
        return result;
      }
      state = result.state;
      kept = result.kept;
      position = events.at(-1)?.position ?? position;
      return { ok: true, position };
    },
    /** The state after the last batch applied. */
    state: () => kept,
  };
};

export type LearnerWorkerApi = ReturnType<typeof createLearnerWorkerApi>;
