import { expose } from 'comlink';
import { EventStoreDb } from '../eventstore';
import { createTimeTravel } from './timeTravel';

expose(createTimeTravel(new EventStoreDb()));
