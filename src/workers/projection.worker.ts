import { expose } from 'comlink';
import { createProjectionWorkerApi } from './projectionWorkerApi';

expose(createProjectionWorkerApi());
