// The write side of a design that keeps state in place, as the bus would drive it (the live design
// switch, issue 17): commands decided by the state model, and what such a design cannot do, said
// plainly. Step back takes a command's events out of the log; here there is no log. The outbox is
// pruned to what some view still needs (the bus says what every view has applied).
import type { WriteApi } from '../bus/protocol';
import { noLogIn } from './designs';
import { deleteRelayed } from './outbox';
import type { StateModel } from './stateModel';
import type { StateModelDb } from './stateModelDb';

/** Why Step back cannot take a command back in `model`'s design. */
export const noStepBack = (model: StateModel) =>
  `Step back (a simulator feature) takes a command’s events out of the lab’s log. ${noLogIn(model.mode)}`;

export const stateWriteApi = (model: StateModel, db: StateModelDb): WriteApi => ({
  handle: (commands) => Promise.all(commands.map((command) => model.dispatch(command))),
  undo: () => Promise.reject(new Error(noStepBack(model))),
  reset: () => model.reset(),
  // Every view has applied these outbox rows: they are no longer on their way, so they go.
  relayed: async (position) => {
    if (model.mode === 'after-commit') await deleteRelayed(db, position);
  },
});
