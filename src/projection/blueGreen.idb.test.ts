// Chapter 14's bench on a real (in-memory) IndexedDB: Stock levels version 1 answering from its own
// store while version 2 is built beside it, a query that waits for a rebuild in place, the cut-over
// refused until version 2 has caught up, and version 1 dropped only after it.
import { afterEach, describe, expect, it } from 'vitest';
import { storyLog } from '../lessons/testing/script';
import { EventStoreDb } from '../eventstore';
import { ReadStoreDb } from '../readstore/readStoreDb';
import { createBlueGreenBench, type Version } from './blueGreen';

const opened: Dexieish[] = [];
type Dexieish = { close: () => void; delete: () => Promise<void> };
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A pace the test opens by hand: each build page waits until `open` is called. */
const gate = () => {
  let waiting: (() => void)[] = [];
  let free = false;
  return {
    pace: () => (free ? Promise.resolve() : new Promise<void>((go) => waiting.push(go))),
    step: () => {
      const next = waiting;
      waiting = [];
      next.forEach((go) => go());
      return next.length;
    },
    open: () => {
      free = true;
      waiting.forEach((go) => go());
      waiting = [];
    },
    waiting: () => waiting.length,
  };
};

const until = async (seen: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 500 && !(await seen()); i += 1) await new Promise((go) => setTimeout(go, 2));
  expect(await seen()).toBe(true);
};

const setUp = async () => {
  const events = new EventStoreDb(`test-${crypto.randomUUID()}`);
  opened.push(events);
  await events.events.bulkAdd(storyLog('blue-green'));
  const stores = new Map<Version, ReadStoreDb>();
  const storeOf = (version: Version) => {
    const found =
      stores.get(version) ?? new ReadStoreDb(`test-bg-${String(version)}-${crypto.randomUUID()}`);
    if (!stores.has(version)) {
      stores.set(version, found);
      opened.push(found);
    }
    return found;
  };
  const paced = gate();
  const bench = createBlueGreenBench({ events, storeOf, pace: paced.pace });
  return { events, bench, paced, head: storyLog('blue-green').length };
};

describe('The blue/green bench', () => {
  it('builds version 1 when the chapter opens, and answers from it', async () => {
    const { bench, head } = await setUp();
    const status = await bench.prepare();
    expect(status).toMatchObject({ head, answering: 1, inPlace: false });
    expect(status.versions).toEqual([
      { version: 1, phase: 'built', checkpoint: head },
      { version: 2, phase: 'absent', checkpoint: 0 },
    ]);
    const asked = await bench.ask('SKU-1');
    expect(asked).toMatchObject({ servedBy: 1, asOfPosition: head, headPosition: head });
    expect(asked.row).toMatchObject({ sku: 'SKU-1' });
    expect(asked.row).not.toHaveProperty('sold');
  });

  it('makes a query wait while the answering view is rebuilt in place', async () => {
    const { bench, paced, head } = await setUp();
    await bench.prepare();
    const rebuilding = bench.rebuildInPlace();
    await until(() => paced.waiting() > 0);
    let answered = false;
    const asking = bench.ask('SKU-1').then((a) => {
      answered = true;
      return a;
    });
    // Pages go by, and the question is still waiting.
    for (let i = 0; i < 3; i += 1) {
      paced.step();
      await until(() => paced.waiting() > 0);
    }
    expect(answered).toBe(false);
    paced.open();
    await rebuilding;
    const asked = await asking;
    expect(asked).toMatchObject({ servedBy: 1, duringInPlace: true, asOfPosition: head });
  });

  it('answers from version 1 at once while version 2 is built beside it, then cuts over', async () => {
    const { bench, paced, head } = await setUp();
    await bench.prepare();
    const building = bench.buildBeside();
    await until(() => paced.waiting() > 0);
    paced.step();
    await until(() => paced.waiting() > 0);
    // Version 2 is part way: version 1 answers, up to date, without waiting for it.
    const asked = await bench.ask('SKU-1');
    expect(asked).toMatchObject({
      servedBy: 1,
      duringBeside: true,
      duringInPlace: false,
      asOfPosition: head,
    });
    const partWay = await bench.status();
    expect(partWay.versions[1]).toMatchObject({ phase: 'building' });
    expect(partWay.versions[1]?.checkpoint).toBeLessThan(head);
    await expect(bench.cutOver()).rejects.toThrow(/not built yet/);
    await expect(bench.dropOld()).rejects.toThrow(/cut over first/);
    paced.open();
    await building;
    const cut = await bench.cutOver();
    expect(cut.answering).toBe(2);
    const after = await bench.ask('SKU-1');
    expect(after).toMatchObject({ servedBy: 2, asOfPosition: head });
    expect(after.row).toHaveProperty('sold');
    const dropped = await bench.dropOld();
    expect(dropped.versions[0]).toMatchObject({ version: 1, phase: 'dropped' });
    expect((await bench.ask('SKU-1')).servedBy).toBe(2);
  });

  it('refuses to cut over to a version 2 that the log has moved past, until it catches up', async () => {
    const { bench, paced, events, head } = await setUp();
    await bench.prepare();
    paced.open();
    await bench.buildBeside();
    // Another part of the lab appends; version 2 catches up as the cut-over asks it to.
    const [last] = storyLog('blue-green').slice(-1);
    if (!last) throw new Error('The story has no events');
    await events.events.add({ ...last, position: head + 1, version: last.version + 100 });
    const cut = await bench.cutOver();
    expect(cut).toMatchObject({ answering: 2, head: head + 1 });
    expect(cut.versions[1]?.checkpoint).toBe(head + 1);
  });
});
