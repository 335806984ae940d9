import { expose } from 'comlink';
import { EventStoreDb } from '../eventstore';
import { letGoOnUpgrade, tellPage } from '../eventstore/upgrade';
import { createWriterWorkerApi } from './writerWorkerApi';

expose(createWriterWorkerApi(letGoOnUpgrade(new EventStoreDb(), tellPage)));
