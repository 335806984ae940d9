// Share links: a session survives the trip through the URL unchanged, and a bad link is refused
// with a reason a learner can act on.
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../domain/lab';
import { parseHash } from './route';
import {
  MAX_SHARE_CHARS,
  readShared,
  SHARE_PREFIX,
  shareHashOf,
  type SharedSession,
} from './share';

const commands: CommandInput[] = [
  { type: 'AddProduct', data: { sku: 'SKU-1', name: 'Blue mug ☕ <b>', price: 12.5, stock: 5 } },
  { type: 'PlaceOrder', data: { orderId: 'ORD-1', lines: [{ sku: 'SKU-1', quantity: 2 }] } },
];
const session: SharedSession = {
  domain: 'shop',
  delays: { 'Stock levels': 500, 'Write model': 30 },
  commands,
};

const encode = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('A share link', () => {
  it('carries a session through the URL unchanged, text and all', () => {
    const hash = shareHashOf(session);
    expect(hash.startsWith(SHARE_PREFIX)).toBe(true);
    expect(hash).toMatch(/^#\/share\/[A-Za-z0-9_-]+$/);
    expect(readShared(hash.slice(SHARE_PREFIX.length))).toEqual({ ok: true, session });
    expect(parseHash(hash)).toEqual({ kind: 'share', session });
  });

  it('carries the learner’s own projection too, when there is one', () => {
    const withCode = { ...session, projection: 'const initialState = {};\n// “quotes” ☕' };
    expect(readShared(shareHashOf(withCode).slice(SHARE_PREFIX.length))).toEqual({
      ok: true,
      session: withCode,
    });
  });

  it('grows with the session: a few hundred orders no longer fit in a link', () => {
    const many: CommandInput[] = Array.from({ length: 300 }, (_, i) => ({
      type: 'PlaceOrder',
      data: { orderId: `ORD-${String(i)}`, lines: [{ sku: 'SKU-1', quantity: 1 }] },
    }));
    expect(shareHashOf(session).length).toBeLessThan(MAX_SHARE_CHARS);
    expect(shareHashOf({ ...session, commands: many }).length).toBeGreaterThan(MAX_SHARE_CHARS);
  });

  it.each([
    ['not base64 at all', '%%%', /damaged or incomplete/],
    ['cut short', shareHashOf(session).slice(SHARE_PREFIX.length, -7), /damaged or incomplete/],
    ['JSON that is not an object', encode([1, 2]), /./],
    ['another version', encode({ ...session, v: 2 }), /another version/],
    ['an unknown domain', encode({ ...session, v: 1, domain: 'zoo' }), /neither the shop nor/],
    ['a negative delay', encode({ ...session, v: 1, delays: { 'Stock levels': -1 } }), /negative/],
    ['a fractional delay', encode({ ...session, v: 1, delays: { 'Stock levels': 1.5 } }), /whole/],
    ['a huge delay', encode({ ...session, v: 1, delays: { 'Stock levels': 1e9 } }), /at most/],
    ['a delay for nothing', encode({ ...session, v: 1, delays: { Nowhere: 5 } }), /unknown part/],
    [
      'a bad command',
      encode({
        ...session,
        v: 1,
        commands: [{ type: 'Restock', data: { sku: 'SKU-1', quantity: -1 } }],
      }),
      /^its command 1 is not valid: Quantity must be at least 1$/,
    ],
    [
      'a name a bidirectional override disguises',
      encode({
        ...session,
        v: 1,
        commands: [{ type: 'AddProduct', data: { ...commands[0]?.data, name: '\u202Egum eulB' } }],
      }),
      /^its command 1 is not valid: Name may not contain invisible characters that reverse/,
    ],
    [
      'an unknown command',
      encode({ ...session, v: 1, commands: [commands[0], { type: 'Explode', data: {} }] }),
      /^its command 2 is not valid/,
    ],
    ['projection code that is not text', encode({ ...session, v: 1, projection: 5 }), /not text/],
    [
      'projection code too long',
      encode({ ...session, v: 1, projection: 'x'.repeat(4_001) }),
      /longer than 4,000 characters|far too long/,
    ],
    [
      'too many commands',
      encode({ ...session, v: 1, commands: Array.from({ length: 501 }, () => commands[0]) }),
      /more than 500 commands|far too long/,
    ],
  ] as const)('is refused when it is %s', (_, data, reason) => {
    const read = readShared(data);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
    const route = parseHash(`${SHARE_PREFIX}${data}`);
    expect(route.kind).toBe('unknown');
  });
});
