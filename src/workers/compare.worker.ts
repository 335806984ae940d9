import { expose } from 'comlink';
import { createCompareApi } from '../singlemodel/compare';

expose(createCompareApi());
