import { expose } from 'comlink';
import { EventStoreDb } from '../eventstore';
import { letGoOnUpgrade, tellPage } from '../eventstore/upgrade';
import { createWriteWorkerApi } from './writeWorkerApi';

expose(createWriteWorkerApi(letGoOnUpgrade(new EventStoreDb(), tellPage)));
