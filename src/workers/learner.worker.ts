import { expose } from 'comlink';
import { LearnerCodeDb } from '../learner/codeStore';
import { hideFromLearner } from '../learner/isolation';
import { createLearnerWorkerApi } from './learnerWorkerApi';

// Taken before the learner's code could run, for the database their code is kept in; then hidden.
const { indexedDB, IDBKeyRange } = self;
const codeDb = new LearnerCodeDb({ indexedDB, IDBKeyRange });
hideFromLearner(self);
expose(createLearnerWorkerApi(codeDb));
