import { expose } from 'comlink';
import { EventStoreDb } from '../eventstore';
import { createWriteWorkerApi } from './writeWorkerApi';

expose(createWriteWorkerApi(new EventStoreDb()));
