import { expose } from 'comlink';
import { createBusWorkerApi } from './busWorkerApi';

expose(createBusWorkerApi());
