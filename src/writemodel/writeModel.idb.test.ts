// The write model with the real shop rules and a real (in-memory) IndexedDB log: what it accepts,
// rejects and refuses to read, what it publishes, and what two tabs selling the last unit end up with.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventsDelivery, CommandOutcome } from '../bus/protocol';
import { shopCommandSchema, type ShopCommand } from '../domain/shop/commands';
import type { ShopEvent } from '../domain/shop/events';
import { shopDomain } from '../domain/shop/shop.decider';
import type { StoredEvent } from '../domain/types';
import { rebuildView, type Projection } from '../domain/projection';
import { stockLevelsProjection, type StockLevelRow } from '../domain/shop/stockLevels.projection';
import { EventStoreDb, headPosition, readAll, readInline, readStream } from '../eventstore';
import { createWriteModel } from './writeModel';

const NOW = '2025-03-01T10:00:00.000Z';
const ISSUED_AT = '2025-03-01T09:59:59.000Z';

const openDbs: EventStoreDb[] = [];

afterEach(async () => {
  const names = new Set(openDbs.map((db) => db.name));
  for (const db of openDbs.splice(0)) db.close();
  for (const name of names) await new EventStoreDb(name).delete();
});

/** A write model as the write worker builds it, on its own connection to `name` (one per tab). */
const shop = (name = `test-${crypto.randomUUID()}`) => {
  const db = new EventStoreDb(name);
  openDbs.push(db);
  const publish = vi.fn<(delivery: EventsDelivery) => void>();
  const model = createWriteModel({
    db,
    domain: shopDomain,
    schema: shopCommandSchema,
    now: () => NOW,
    publish,
  });
  /** Dispatches commands one after another, then forgets what was published so far. */
  const given = async (...commands: ShopCommand[]) => {
    for (const command of commands) {
      const outcome = await model.dispatch(command);
      if (outcome.status !== 'accepted') throw new Error(`Given command failed: ${outcome.status}`);
    }
    publish.mockClear();
  };
  return { db, publish, dispatch: model.dispatch, given };
};

let commandCount = 0;
const nextCommandId = () => {
  commandCount += 1;
  return `cmd-${commandCount}`;
};

const addProduct = (
  sku: string,
  { stock = 10, price = 2.5, name = `Product ${sku}` } = {},
  commandId = nextCommandId(),
): ShopCommand => ({
  type: 'AddProduct',
  data: { sku, name, price, stock },
  meta: { commandId, issuedAt: ISSUED_AT },
});

const placeOrder = (
  orderId: string,
  lines: { sku: string; quantity: number }[],
  commandId = nextCommandId(),
): ShopCommand => ({
  type: 'PlaceOrder',
  data: { orderId, lines },
  meta: { commandId, issuedAt: ISSUED_AT },
});

const summary = (events: readonly StoredEvent[]) =>
  events.map((e) => ({
    type: e.type,
    streamId: e.streamId,
    version: e.version,
    position: e.position,
  }));

const expectAccepted = (outcome: CommandOutcome) => {
  if (outcome.status !== 'accepted') throw new Error(`Expected accepted, got ${outcome.status}`);
  return outcome;
};

describe('Write model (shop)', () => {
  describe('When a new product is added', () => {
    it('stores ProductAdded on the product stream and returns it', async () => {
      const { db, dispatch } = shop();

      const outcome = await dispatch(addProduct('SKU-1', { stock: 3, price: 4.99 }, 'cmd-add'));

      expect(outcome).toEqual({
        status: 'accepted',
        commandId: 'cmd-add',
        duplicate: false,
        events: [
          {
            type: 'ProductAdded',
            data: { sku: 'SKU-1', name: 'Product SKU-1', price: 4.99, stock: 3 },
            position: 1,
            streamId: 'product-SKU-1',
            version: 1,
            meta: {
              commandId: 'cmd-add',
              correlationId: 'cmd-add',
              causationId: 'cmd-add',
              recordedAt: NOW,
              schemaVersion: 2,
              commandType: 'AddProduct',
            },
          },
        ],
      });
      expect(await readAll(db)).toEqual(expectAccepted(outcome).events);
    });

    it('publishes one delivery, with the new head', async () => {
      const { dispatch, publish, given } = shop();
      await given(addProduct('SKU-0'));

      const { events } = expectAccepted(await dispatch(addProduct('SKU-1')));

      expect(publish).toHaveBeenCalledTimes(1);
      expect(publish).toHaveBeenCalledWith({ kind: 'events', events, head: 2 });
    });

    it('stores the trimmed SKU and name, as the schema cleaned them', async () => {
      const { dispatch } = shop();
      const outcome = await dispatch(addProduct('  SKU-1 ', { name: '  Mug  ' }));
      const [event] = expectAccepted(outcome).events;
      expect(event?.streamId).toBe('product-SKU-1');
      expect(event?.data).toMatchObject({ sku: 'SKU-1', name: 'Mug' });
    });
  });

  describe('When an order is placed for products in stock', () => {
    it('appends OrderPlaced to the order stream, then StockReserved to each product stream', async () => {
      const { dispatch, given } = shop();
      await given(addProduct('SKU-1', { price: 2.5 }), addProduct('SKU-2', { price: 0.1 }));

      const outcome = await dispatch(
        placeOrder('ORD-1', [
          { sku: 'SKU-1', quantity: 2 },
          { sku: 'SKU-2', quantity: 3 },
        ]),
      );

      const { events } = expectAccepted(outcome);
      expect(summary(events)).toEqual([
        { type: 'OrderPlaced', streamId: 'order-ORD-1', version: 1, position: 3 },
        { type: 'StockReserved', streamId: 'product-SKU-1', version: 2, position: 4 },
        { type: 'StockReserved', streamId: 'product-SKU-2', version: 2, position: 5 },
      ]);
      expect(events[0]?.data).toEqual({
        orderId: 'ORD-1',
        lines: [
          { sku: 'SKU-1', name: 'Product SKU-1', quantity: 2, unitPrice: 2.5 },
          { sku: 'SKU-2', name: 'Product SKU-2', quantity: 3, unitPrice: 0.1 },
        ],
        total: 5.3,
        placedAt: ISSUED_AT,
      });
      expect(events.slice(1).map((e) => e.data)).toEqual([
        { sku: 'SKU-1', orderId: 'ORD-1', quantity: 2 },
        { sku: 'SKU-2', orderId: 'ORD-1', quantity: 3 },
      ]);
    });

    it('publishes the whole command as one batch', async () => {
      const { dispatch, publish, given } = shop();
      await given(addProduct('SKU-1'));

      const { events } = expectAccepted(
        await dispatch(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }])),
      );

      expect(events).toHaveLength(2);
      expect(publish.mock.calls).toEqual([[{ kind: 'events', events, head: 3 }]]);
    });

    it('counts earlier reservations against the stock', async () => {
      const { db, dispatch, given } = shop();
      await given(
        addProduct('SKU-1', { stock: 5 }),
        placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 3 }]),
      );

      const outcome = await dispatch(placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: 3 }]));

      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: 'Not enough stock for SKU-1: 2 available, 3 requested',
      });
      expect(
        expectAccepted(await dispatch(placeOrder('ORD-3', [{ sku: 'SKU-1', quantity: 2 }]))),
      ).toBeTruthy();
      expect((await readStream(db, 'product-SKU-1')).map((e) => e.type)).toEqual([
        'ProductAdded',
        'StockReserved',
        'StockReserved',
      ]);
    });
  });

  describe('When the shop says no', () => {
    const rejections: {
      name: string;
      history: () => ShopCommand[];
      command: () => ShopCommand;
      reason: string;
    }[] = [
      {
        name: 'an order for more than is in stock',
        history: () => [addProduct('SKU-1', { stock: 2 })],
        command: () => placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 3 }]),
        reason: 'Not enough stock for SKU-1: 2 available, 3 requested',
      },
      {
        name: 'an order whose second line is short of stock',
        history: () => [addProduct('SKU-1'), addProduct('SKU-2', { stock: 0 })],
        command: () =>
          placeOrder('ORD-1', [
            { sku: 'SKU-1', quantity: 1 },
            { sku: 'SKU-2', quantity: 1 },
          ]),
        reason: 'Not enough stock for SKU-2: 0 available, 1 requested',
      },
      {
        name: 'an order for an unknown SKU',
        history: () => [addProduct('SKU-1')],
        command: () => placeOrder('ORD-1', [{ sku: 'SKU-9', quantity: 1 }]),
        reason: 'There is no product with SKU SKU-9',
      },
      {
        name: 'a product whose SKU already exists',
        history: () => [addProduct('SKU-1', { name: 'Mug' })],
        command: () => addProduct('SKU-1', { name: 'Cup' }),
        reason: 'SKU SKU-1 already exists (“Mug”)',
      },
      {
        name: 'an order id that was used before',
        history: () => [addProduct('SKU-1'), placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }])],
        command: () => placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }]),
        reason: 'Order ORD-1 already exists',
      },
    ];

    it.each(rejections)(
      'rejects $name with a reason the learner can read, and appends and publishes nothing',
      async ({ history, command, reason }) => {
        const { db, dispatch, publish, given } = shop();
        await given(...history());
        const headBefore = await headPosition(db);
        const sent = command();

        const outcome = await dispatch(sent);

        expect(outcome).toEqual({ status: 'rejected', commandId: sent.meta.commandId, reason });
        expect(await headPosition(db)).toBe(headBefore);
        expect(publish).not.toHaveBeenCalled();
      },
    );
  });

  describe('When a command says which versions its sender read', () => {
    const expecting = (command: ShopCommand, expectedVersions: Record<string, number>) => ({
      ...command,
      meta: { ...command.meta, expectedVersions },
    });

    it('goes ahead while the stream is still at the version read', async () => {
      const { dispatch, given, db } = shop();
      await given(addProduct('SKU-1', { stock: 1 }));
      const outcome = expectAccepted(
        await dispatch(
          expecting(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }]), { 'product-SKU-1': 1 }),
        ),
      );
      expect(outcome.events.map((e) => e.type)).toEqual(['OrderPlaced', 'StockReserved']);
      expect(await headPosition(db)).toBe(3);
    });

    it('refuses the second of two clerks who read the same version, and appends nothing for it', async () => {
      const { dispatch, given, db } = shop();
      await given(addProduct('SKU-1', { stock: 5 }));
      const read = { 'product-SKU-1': 1 };
      expectAccepted(
        await dispatch(expecting(placeOrder('ORD-A', [{ sku: 'SKU-1', quantity: 1 }]), read)),
      );
      const second = await dispatch(
        expecting(placeOrder('ORD-B', [{ sku: 'SKU-1', quantity: 1 }]), read),
      );
      expect(second).toMatchObject({
        status: 'rejected',
        reason:
          'product-SKU-1 changed since it was read (read at version 1, now at version 2). Nothing was appended: read it again and retry.',
      });
      expect(await headPosition(db)).toBe(3);
      expect((await readStream(db, 'order-ORD-B')).length).toBe(0);
    });

    it('refuses a sender who read a stream that does not exist yet as if it did', async () => {
      const { dispatch } = shop();
      const outcome = await dispatch(expecting(addProduct('SKU-9'), { 'product-SKU-9': 2 }));
      expect(outcome).toMatchObject({ status: 'rejected' });
    });
  });

  describe('When the input is not a valid command', () => {
    const meta = { commandId: 'cmd-bad', issuedAt: ISSUED_AT };
    const invalidInputs: {
      name: string;
      input: unknown;
      issues: { path: string; message: string }[];
    }[] = [
      {
        name: 'a negative quantity',
        input: {
          type: 'PlaceOrder',
          data: { orderId: 'ORD-1', lines: [{ sku: 'SKU-1', quantity: -1 }] },
          meta,
        },
        issues: [{ path: 'data.lines.0.quantity', message: 'Quantity must be at least 1' }],
      },
      {
        name: 'a fractional quantity on the second line',
        input: {
          type: 'PlaceOrder',
          data: {
            orderId: 'ORD-1',
            lines: [
              { sku: 'SKU-1', quantity: 1 },
              { sku: 'SKU-2', quantity: 1.5 },
            ],
          },
          meta,
        },
        issues: [{ path: 'data.lines.1.quantity', message: 'Quantity must be a whole number' }],
      },
      {
        name: 'an order with its fields missing',
        input: { type: 'PlaceOrder', data: {}, meta },
        issues: [
          { path: 'data.orderId', message: 'Order is required' },
          { path: 'data.lines', message: 'An order needs at least one line' },
        ],
      },
      {
        name: 'the same SKU on two lines',
        input: {
          type: 'PlaceOrder',
          data: {
            orderId: 'ORD-1',
            lines: [
              { sku: 'SKU-1', quantity: 1 },
              { sku: 'SKU-1', quantity: 2 },
            ],
          },
          meta,
        },
        issues: [
          {
            path: 'data.lines.1.sku',
            message: 'SKU-1 is already on another line; put the whole quantity on one line',
          },
        ],
      },
      {
        name: 'a price that is not a number',
        input: {
          type: 'AddProduct',
          data: { sku: 'SKU-1', name: 'Mug', price: Number.NaN, stock: 1 },
          meta,
        },
        issues: [{ path: 'data.price', message: 'Price must be a number' }],
      },
      {
        name: 'a price typed as text',
        input: {
          type: 'AddProduct',
          data: { sku: 'SKU-1', name: 'Mug', price: '3', stock: 1 },
          meta,
        },
        issues: [{ path: 'data.price', message: 'Price must be a number' }],
      },
      {
        name: 'an unknown command type',
        input: { type: 'TeleportOrder', data: { orderId: 'ORD-1' }, meta },
        issues: [{ path: 'type', message: 'Unknown command' }],
      },
      {
        name: 'an issuedAt that is not an ISO date-time',
        input: {
          type: 'AddProduct',
          data: { sku: 'SKU-1', name: 'Mug', price: 1, stock: 1 },
          meta: { commandId: 'cmd-bad', issuedAt: 'yesterday' },
        },
        issues: [{ path: 'meta.issuedAt', message: 'Invalid ISO datetime' }],
      },
    ];

    it.each(invalidInputs)(
      'refuses $name, naming the field, and appends nothing',
      async ({ input, issues }) => {
        const { db, dispatch, publish, given } = shop();
        await given(addProduct('SKU-1'), addProduct('SKU-2'));

        const outcome = await dispatch(input);

        expect(outcome).toEqual({
          status: 'invalid',
          commandId: 'cmd-bad',
          reason: issues.map((issue) => issue.message).join('; '),
          issues,
        });
        expect(await headPosition(db)).toBe(2);
        expect(publish).not.toHaveBeenCalled();
      },
    );

    it.each([
      { name: 'null', input: null },
      { name: 'a number', input: 42 },
      { name: 'a string', input: 'PlaceOrder' },
      { name: 'an array', input: [] },
      { name: 'undefined', input: undefined },
    ])('refuses $name as an unknown command without a command id', async ({ input }) => {
      const { db, dispatch, publish } = shop();

      const outcome = await dispatch(input);

      expect(outcome).toMatchObject({ status: 'invalid', commandId: undefined });
      expect(outcome.status === 'invalid' && outcome.reason).toBe('Unknown command');
      expect(await headPosition(db)).toBe(0);
      expect(publish).not.toHaveBeenCalled();
    });

    it('refuses a command without meta and reports no command id', async () => {
      const { dispatch } = shop();
      const outcome = await dispatch({
        type: 'AddProduct',
        data: { sku: 'SKU-1', name: 'Mug', price: 1, stock: 1 },
      });
      expect(outcome).toMatchObject({ status: 'invalid', commandId: undefined });
      expect(outcome.status === 'invalid' && outcome.issues.map((i) => i.path)).toEqual(['meta']);
    });
  });

  describe('When the same command is sent twice', () => {
    it('appends once; the second answer is the first events, marked duplicate, and is not published', async () => {
      const { db, dispatch, publish, given } = shop();
      await given(addProduct('SKU-1', { stock: 5 }));
      const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }], 'cmd-retry');

      const first = expectAccepted(await dispatch(order));
      const second = expectAccepted(await dispatch(structuredClone(order)));

      expect(first.duplicate).toBe(false);
      expect(second).toEqual({
        status: 'accepted',
        commandId: 'cmd-retry',
        events: first.events,
        duplicate: true,
      });
      expect((await readAll(db)).map((e) => e.position)).toEqual([1, 2, 3]);
      expect(publish).toHaveBeenCalledTimes(1);
    });

    it('answers a retry with the first outcome even if the stock has run out since', async () => {
      const { dispatch, given } = shop();
      const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }], 'cmd-early');
      await given(addProduct('SKU-1', { stock: 1 }), order);

      const retried = await dispatch(order);

      expect(retried).toMatchObject({ status: 'accepted', duplicate: true });
    });

    it('answers with the recorded outcome after a reload, when the new model never saw the command', async () => {
      const name = `test-${crypto.randomUUID()}`;
      const before = shop(name);
      await before.given(addProduct('SKU-1', { stock: 5 }));
      const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }], 'cmd-before-reload');
      const tooMany = placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: 9 }], 'cmd-refused-before');
      const first = expectAccepted(await before.dispatch(order));
      const refused = await before.dispatch(tooMany);
      expect(refused.status).toBe('rejected');

      const after = shop(name); // a fresh write model on the same store: a reload, or another tab
      const again = await after.dispatch(structuredClone(order));
      const refusedAgain = await after.dispatch(structuredClone(tooMany));
      // A new command in the same batch as a known one still goes through once.
      const [retried, fresh] = await Promise.all([
        after.dispatch(structuredClone(order)),
        after.dispatch(placeOrder('ORD-3', [{ sku: 'SKU-1', quantity: 1 }], 'cmd-new')),
      ]);

      expect(again).toEqual({ ...first, duplicate: true });
      expect(refusedAgain).toEqual(refused);
      expect(retried).toMatchObject({ status: 'accepted', duplicate: true });
      expect(fresh).toMatchObject({ status: 'accepted', duplicate: false });
      expect((await readAll(after.db)).map((e) => e.meta.commandId)).toEqual([
        expect.stringMatching(/^cmd-/),
        'cmd-before-reload',
        'cmd-before-reload',
        'cmd-new',
        'cmd-new',
      ]);
    });

    it('appends once when both copies are dispatched at the same time', async () => {
      const { db, dispatch, publish, given } = shop();
      await given(addProduct('SKU-1', { stock: 5 }));
      const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }], 'cmd-twice');

      const outcomes = await Promise.all([dispatch(order), dispatch(order)]);

      expect(outcomes.map((o) => o.status === 'accepted' && o.duplicate)).toEqual([false, true]);
      expect(await headPosition(db)).toBe(3);
      expect(publish).toHaveBeenCalledTimes(1);
    });
  });

  describe('When two tabs send the same command at the same time', () => {
    it('appends it once, and only the tab that appended it publishes', async () => {
      const tab1 = shop();
      const tab2 = shop(tab1.db.name);
      await tab1.given(addProduct('SKU-1', { stock: 5 }));
      await tab2.db.open();
      const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }], 'cmd-both-tabs');

      const [first, second] = await Promise.all([tab1.dispatch(order), tab2.dispatch(order)]);

      const outcomes = [expectAccepted(first), expectAccepted(second)];
      expect(outcomes.map((o) => o.duplicate).sort()).toEqual([false, true]);
      expect(outcomes[0]?.events).toEqual(outcomes[1]?.events);
      expect((await readAll(tab1.db)).map((e) => e.position)).toEqual([1, 2, 3]);
      expect(tab1.publish.mock.calls.length + tab2.publish.mock.calls.length).toBe(1);
    });
  });

  describe('When another tab appends after this one wrote last', () => {
    it('finds its assumed head taken, reads the log again and appends after the other tab', async () => {
      const name = `test-${crypto.randomUUID()}`;
      const tabA = shop(name);
      const tabB = shop(name);
      await tabA.given(addProduct('SKU-1', { stock: 5 })); // A wrote last: it trusts head #1
      await tabB.given(addProduct('SKU-2', { stock: 5 })); // B appends #2 behind A's back
      const order = expectAccepted(
        await tabA.dispatch(placeOrder('ORD-1', [{ sku: 'SKU-2', quantity: 5 }])),
      );
      // A decided on SKU-2's real stock, which it only knows from reading B's event.
      expect(order.events.map((e) => [e.position, e.type])).toEqual([
        [3, 'OrderPlaced'],
        [4, 'StockReserved'],
      ]);
      const refused = await tabA.dispatch(placeOrder('ORD-2', [{ sku: 'SKU-2', quantity: 1 }]));
      expect(refused.status).toBe('rejected');
      expect((await readAll(tabA.db)).map((e) => e.position)).toEqual([1, 2, 3, 4]);
    });
  });

  describe('When two tabs sell the last unit of a product at the same time', () => {
    // Both tabs are open before the orders arrive, as two real tabs would be.
    const raceForLastUnit = async () => {
      const tab1 = shop();
      const tab2 = shop(tab1.db.name);
      await tab1.given(
        addProduct('SKU-1', { stock: 3 }),
        placeOrder('ORD-0', [{ sku: 'SKU-1', quantity: 2 }]),
      );
      await tab2.db.open();

      const results = await Promise.allSettled([
        tab1.dispatch(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 1 }])),
        tab2.dispatch(placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: 1 }])),
      ]);
      const outcomes = results.map((result) => {
        if (result.status === 'rejected') throw result.reason;
        return result.value;
      });
      return { tab1, tab2, outcomes };
    };

    it('accepts exactly one order and rejects the other for lack of stock', async () => {
      const { outcomes } = await raceForLastUnit();

      const accepted = outcomes.filter((o) => o.status === 'accepted');
      const rejected = outcomes.filter((o) => o.status === 'rejected');
      expect(accepted).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]?.reason).toMatch(/^Not enough stock for SKU-1: 0 available, 1 requested/);
    });

    it('reserves the last unit once: the product stream holds exactly one new StockReserved', async () => {
      const { tab1, outcomes } = await raceForLastUnit();

      const stream = await readStream(tab1.db, 'product-SKU-1');
      const reservations = stream.filter(
        (e): e is StoredEvent<ShopEvent> & { type: 'StockReserved' } => e.type === 'StockReserved',
      );
      expect(reservations.map((e) => e.data)).toEqual([
        { sku: 'SKU-1', orderId: 'ORD-0', quantity: 2 },
        {
          sku: 'SKU-1',
          orderId: outcomes[0]?.status === 'accepted' ? 'ORD-1' : 'ORD-2',
          quantity: 1,
        },
      ]);
      expect(stream.map((e) => e.version)).toEqual([1, 2, 3]);
    });

    it('leaves a gap-free log with only the winner’s order in it', async () => {
      const { tab2, outcomes } = await raceForLastUnit();

      const all = await readAll(tab2.db);
      expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
      const orderStreams = all.filter((e) => e.type === 'OrderPlaced').map((e) => e.streamId);
      const winner = outcomes[0]?.status === 'accepted' ? 'ORD-1' : 'ORD-2';
      expect(orderStreams).toEqual(['order-ORD-0', `order-${winner}`]);
    });

    it('publishes only the winner’s events, from the winner’s tab', async () => {
      const { tab1, tab2, outcomes } = await raceForLastUnit();

      const winnerTab = outcomes[0]?.status === 'accepted' ? tab1 : tab2;
      const loserTab = winnerTab === tab1 ? tab2 : tab1;
      expect(winnerTab.publish).toHaveBeenCalledTimes(1);
      expect(winnerTab.publish.mock.calls[0]?.[0].head).toBe(5);
      expect(loserTab.publish).not.toHaveBeenCalled();
    });
  });
});

describe('Write model with an inline view', () => {
  const withInline = () => {
    const db = new EventStoreDb(`test-${crypto.randomUUID()}`);
    openDbs.push(db);
    const model = createWriteModel({
      db,
      domain: shopDomain,
      schema: shopCommandSchema,
      now: () => NOW,
      publish: () => undefined,
    });
    const stock = async (sku: string) => {
      const { value, asOfPosition } = await readInline(db, sku);
      return { available: (value as StockLevelRow | null)?.available ?? null, asOfPosition };
    };
    /** The inline view must equal a rebuild of the whole log. */
    const expectRebuilt = async () => {
      const log = await readAll(db, { limit: 10_000 });
      const rebuilt = rebuildView(stockLevelsProjection, log);
      const rows = await db.inline.toArray();
      expect(
        Object.fromEntries(
          rows.filter((r) => r.key !== '#checkpoint').map((r) => [r.key, r.value]),
        ),
      ).toEqual(rebuilt);
    };
    return { db, model, stock, expectRebuilt };
  };
  const stockView = stockLevelsProjection as unknown as Projection<unknown, never>;

  it('is built from the log when turned on, then up to date as soon as a command is acknowledged', async () => {
    const { model, stock, expectRebuilt } = withInline();
    await model.dispatch(addProduct('SKU-1', { stock: 5 }));
    await model.setInline(stockView);
    expect(await stock('SKU-1')).toEqual({ available: 5, asOfPosition: 1 });

    const outcome = await model.dispatch(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }]));
    expect(outcome.status).toBe('accepted');
    expect(await stock('SKU-1')).toEqual({ available: 3, asOfPosition: 3 });
    await expectRebuilt();
  });

  it('is written in the append’s transaction: a view that fails aborts the append too', async () => {
    const { db, model, stock } = withInline();
    await model.dispatch(addProduct('SKU-1', { stock: 5 }));
    const failing: Projection<unknown, never> = {
      ...stockView,
      project: (rows, event) => {
        if ((event as StoredEvent).type === 'StockReserved')
          throw new Error('the inline view broke');
        return stockView.project(rows, event);
      },
    };
    await model.setInline(failing);
    const outcome = await model.dispatch(placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }]));
    expect(outcome.status).toBe('failed');
    expect(await headPosition(db)).toBe(1);
    await model.setInline(stockView);
    expect(await stock('SKU-1')).toEqual({ available: 5, asOfPosition: 1 });
  });

  it('follows a step back, and is emptied when turned off or the log is reset', async () => {
    const { db, model, stock, expectRebuilt } = withInline();
    await model.dispatch(addProduct('SKU-1', { stock: 5 }));
    await model.setInline(stockView);
    const order = placeOrder('ORD-1', [{ sku: 'SKU-1', quantity: 2 }]);
    await model.dispatch(order);
    await model.undo([order.meta.commandId]);
    expect(await stock('SKU-1')).toEqual({ available: 5, asOfPosition: 1 });
    await expectRebuilt();

    await model.setInline(undefined);
    expect(await db.inline.count()).toBe(0);
    await model.dispatch(placeOrder('ORD-2', [{ sku: 'SKU-1', quantity: 1 }]));
    expect(await db.inline.count()).toBe(0);

    await model.setInline(stockView);
    await model.reset();
    expect(await db.inline.count()).toBe(0);
  });
});
