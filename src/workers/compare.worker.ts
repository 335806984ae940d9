import { expose } from 'comlink';
import { createCompareApi } from '../statemodel/compare';

expose(createCompareApi());
