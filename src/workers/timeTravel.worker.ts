import { expose } from 'comlink';
import { EventStoreDb } from '../eventstore';
import { createTimeTravel } from '../projection/timeTravel';
import { letGoOnUpgrade, tellPage } from '../eventstore/upgrade';

expose(createTimeTravel(letGoOnUpgrade(new EventStoreDb(), tellPage)));
