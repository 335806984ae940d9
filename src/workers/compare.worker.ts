import { expose } from 'comlink';
import { createCompareApi } from './compare';

expose(createCompareApi());
