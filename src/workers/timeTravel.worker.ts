import { expose } from 'comlink';
import { EventStoreDb } from '../eventstore';
import { createTimeTravel } from './timeTravel';
import { letGoOnUpgrade, tellPage } from './upgrade';

expose(createTimeTravel(letGoOnUpgrade(new EventStoreDb(), tellPage)));
