// The write side of a design that keeps state in place, as the bus would drive it (the live design
// switch, issue 17): commands decided by the state model, and what such a design cannot do, said
// plainly. Step back takes a command's events out of the log; here there is no log.
import type { WriteApi } from '../bus/protocol';
import { DESIGN_NAMES } from './designs';
import { deleteRelayed } from './outbox';
import type { StateModel } from './stateModel';
import { stateHead, type StateModelDb } from './stateModelDb';

/** Why Step back cannot take a command back in `model`'s design. */
export const noStepBack = (model: StateModel) =>
  `The design “${DESIGN_NAMES[model.mode]}” keeps only the current state, overwritten by each write, not the events that led to it: Step back has nothing to take a command back from`;

export const stateWriteApi = (model: StateModel): WriteApi => ({
  handle: (commands) => Promise.all(commands.map((command) => model.dispatch(command))),
  undo: () => Promise.reject(new Error(noStepBack(model))),
  reset: () => model.reset(),
});

/**
 * Deletes the outbox rows every view has applied (at or below the lowest of their checkpoints;
 * with no view, all of them), so the outbox holds only what is still on its way. Returns how many
 * rows are left.
 */
export const pruneOutbox = async (
  db: StateModelDb,
  checkpoints: readonly number[],
): Promise<number> => {
  const applied = checkpoints.length === 0 ? await stateHead(db) : Math.min(...checkpoints);
  await deleteRelayed(db, applied);
  return db.outbox.count();
};
