// Every unit test process gets an in-memory IndexedDB, so *.idb.test.ts files run against Dexie for real.
import 'fake-indexeddb/auto';
