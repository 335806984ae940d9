import { describe, expect, it } from 'vitest';
import {
  caseClause,
  caseClauses,
  helpersOf,
  mentioning,
  refusalPattern,
  refusingRule,
  topLevelFunction,
  type Snippet,
} from './extract';

/** The snippet's code is exactly its lines of the file, and its marks are lines of the snippet. */
const expectSliceOf = (source: string, snippet: Snippet) => {
  const lines = snippet.code.split('\n');
  const fileLines = source
    .split('\n')
    .slice(snippet.firstLine - 1, snippet.firstLine - 1 + lines.length);
  expect(snippet.code).toBe(fileLines.join('\n'));
  for (const line of snippet.marked) expect(line).toBeGreaterThanOrEqual(1);
  for (const line of snippet.marked) expect(line).toBeLessThanOrEqual(lines.length);
};

/** The text of the marked lines, trimmed. */
const markedText = (snippet: Snippet | undefined) =>
  snippet?.marked.map((line) => snippet.code.split('\n')[line - 1]?.trim()) ?? [];

describe('topLevelFunction', () => {
  const source = [
    "import { x } from './x';", // 1
    '', // 2
    '// Why a is so.', // 3
    '/** More about a. */', // 4
    'const a = (n: number): number => {', // 5
    '  const inner = () => n;', // 6
    '  return inner();', // 7
    '};', // 8
    '', // 9
    '// Separated by a blank line, so not about b.', // 10
    '', // 11
    'export const b = function (n: number) {', // 12
    '  return n;', // 13
    '};', // 14
    'function c() {}', // 15
    'export function d<T>(t: T): T { return t; } // trailing', // 16
    'const e = <T,>(t: T) => t, notAFunction = 1;', // 17
    'const f = a(1);', // 18
  ].join('\n');

  it.each([
    ['a', 3, 'const a = (n: number): number => {\n  const inner = () => n;\n  return inner();\n};'],
    ['b', 12, 'export const b = function (n: number) {\n  return n;\n};'],
    ['c', 15, 'function c() {}'],
    ['d', 16, 'export function d<T>(t: T): T { return t; } // trailing'],
    ['e', 17, 'const e = <T,>(t: T) => t, notAFunction = 1;'],
  ])('finds %s, whole lines from line %i', (name, firstLine, code) => {
    const snippet = topLevelFunction(source, name);
    expect(snippet).toMatchObject({ name, firstLine, marked: [] });
    expect(snippet?.code.endsWith(code)).toBe(true);
    if (snippet) expectSliceOf(source, snippet);
  });

  it('takes in the comment lines directly above a declaration', () =>
    expect(topLevelFunction(source, 'a')?.code.split('\n').slice(0, 2)).toEqual([
      '// Why a is so.',
      '/** More about a. */',
    ]));

  it.each(['inner', 'notAFunction', 'f', 'x', 'missing'])('does not take %s for one', (name) =>
    expect(topLevelFunction(source, name)).toBeNull(),
  );
});

describe('refusalPattern', () => {
  const matches = (literal: string, message: string) => refusalPattern(literal)?.test(message);

  it('matches a plain string exactly and as a whole', () => {
    expect(matches("'An order needs at least one line'", 'An order needs at least one line')).toBe(
      true,
    );
    expect(matches("'An order needs at least one line'", 'An order needs at least one line!')).toBe(
      false,
    );
    expect(matches("'An order needs at least one line'", 'Xn order needs at least one line')).toBe(
      false,
    );
  });

  it('lets each interpolation stand for any text', () => {
    const literal = '`There is no product with SKU ${sku}`';
    expect(matches(literal, 'There is no product with SKU SKU-9')).toBe(true);
    expect(matches(literal, 'There is no product with SKU a b\nc')).toBe(true);
    expect(matches(literal, 'There is no order SKU-9')).toBe(false);
  });

  it('lets an interpolation stand for no text at all', () =>
    expect(matches('`There is no order ${orderId}`', 'There is no order ')).toBe(true));

  it('takes regular expression characters in the fixed text literally', () => {
    const literal = '`SKU ${sku} already exists (“${existing.name}”). Costs $${price}?`';
    expect(matches(literal, 'SKU A already exists (“Mug”). Costs $5?')).toBe(true);
    expect(matches(literal, 'SKU A already exists (“Mug”)x Costs $5?')).toBe(false);
    expect(matches(literal, 'SKU A already exists “Mug”. Costs $5?')).toBe(false);
    expect(matches(literal, 'SKU A already exists (“Mug”). Costs 5?')).toBe(false);
    expect(matches('`a|b ${x} [c]*`', 'a|b 1 [c]*')).toBe(true);
    expect(matches('`a|b ${x} [c]*`', 'a 1 c')).toBe(false);
  });

  it('matches adjacent interpolations', () => {
    expect(matches('`${a}${b}: ${c}`', 'xy: z')).toBe(true);
    expect(matches('`${a}${b}: ${c}`', ': ')).toBe(true);
    expect(matches('`${a}${b}: ${c}`', 'xy; z')).toBe(false);
  });

  it('tells apart messages that differ only after an interpolation', () => {
    const paid = '`Order ${order.orderId} is already paid`';
    expect(matches(paid, 'Order ORD-1 is already paid')).toBe(true);
    expect(matches(paid, 'Order ORD-1 is already cancelled')).toBe(false);
    expect(matches('`Order ${id} has already shipped`', 'Order X has already shipped, so no')).toBe(
      false,
    );
  });

  it('reads escapes and nested templates as the running code would', () => {
    expect(matches("'It\\'s \\u201Cdone\\u201D\\n'", "It's “done”\n")).toBe(true);
    expect(matches('`a \\${b} ${`c${d}`} \\u{1F600}`', 'a ${b} anything 😀')).toBe(true);
    expect(matches('`a \\${b} ${`c${d}`}`', 'a 1 x')).toBe(false);
  });

  it.each(['message', "'a' + b", "'a'; 'b'", 'f(`x`)', ''])('reads %j as no literal', (text) =>
    expect(refusalPattern(text)).toBeNull(),
  );
});

describe('refusingRule', () => {
  const decider = [
    'const requireThing = (id: string) => {', // 1
    '  if (!id) throw new DomainError(`There is no thing ${id}`);', // 2
    '};', // 3
    'const check = (id: string) => {', // 4
    '  requireThing(id);', // 5
    '  if (id === "far") {', // 6
    "    throw new DomainError('Far away');", // 7
    '  }', // 8
    '};', // 9
    'const ping = (n: number): number => (n > 0 ? pong(n - 1) : 0);', // 10
    'const pong = (n: number): number => {', // 11
    '  if (n > 99) throw new DomainError(`Too deep: ${n}`);', // 12
    '  return ping(n);', // 13
    '};', // 14
    'const handle = (id: string) => {', // 15
    "  if (id === 'near') throw new DomainError('Far away');", // 16
    '  check(id);', // 17
    '  [id].forEach(check);', // 18
    '  ping(1);', // 19
    '  switch (id) {', // 20
    "    case 'a':", // 21
    "    case 'b':", // 22
    '      throw new DomainError(`Not ${id}`);', // 23
    '  }', // 24
    '  return [];', // 25
    '};', // 26
  ].join('\n');

  const rule = (message: string) => refusingRule(decider, 'handle', message);

  it('follows calls to the helper that throws, marking each call and the throw', () => {
    const { snippets, matched } = rule('There is no thing ');
    expect(matched).toBe(true);
    expect(snippets.map((s) => [s.name, s.firstLine, s.marked])).toEqual([
      ['handle', 15, [3, 4]],
      ['check', 4, [2]],
      ['requireThing', 1, [2]],
    ]);
    for (const snippet of snippets) expectSliceOf(decider, snippet);
  });

  it('marks the if that guards a throw in a block', () => {
    // 'Far away' is thrown by handle itself and by check: the nearer one wins.
    expect(rule('Far away').snippets.map((s) => [s.name, s.marked])).toEqual([['handle', [2]]]);
    const fromCheck = refusingRule(decider, 'check', 'Far away');
    expect(fromCheck.snippets.map((s) => [s.name, s.marked])).toEqual([['check', [3, 4]]]);
  });

  it('marks the case labels a throw follows', () =>
    expect(markedText(rule('Not b').snippets[0])).toEqual([
      "case 'a':",
      "case 'b':",
      'throw new DomainError(`Not ${id}`);',
    ]));

  it('goes round a cycle of calls once', () => {
    expect(rule('Too deep: 100').snippets.map((s) => s.name)).toEqual(['handle', 'ping', 'pong']);
    expect(rule('Nobody says this')).toEqual({
      snippets: [expect.objectContaining({ name: 'handle', firstLine: 15, marked: [] })],
      matched: false,
    });
  });

  it('finds nothing for a handler that is not there', () =>
    expect(refusingRule(decider, 'missing', 'Far away')).toEqual({ snippets: [], matched: false }));
});

describe('caseClause', () => {
  const source = [
    'const helper = (n: number) => n;', // 1
    'export const view: Projection<Row, Ev> = {', // 2
    "  handles: ['A', 'B', 'C', 'D', 'E', 'F'],", // 3
    '  project: (rows, event) => {', // 4
    "    if (event.type === 'E') return {};", // 5
    "    const sign = event.type === 'F' ? 1 : -1;", // 6
    '    switch (event.type) {', // 7
    "      case 'A': {", // 8
    '        return helper(1);', // 9
    '      }', // 10
    "      case 'B':", // 11
    '      // shared', // 12
    "      case 'C':", // 13
    '        return helper(sign);', // 14
    "      case 'G':", // 15
    '        return {};', // 16
    '      default:', // 17
    '        return {};', // 18
    '    }', // 19
    '  },', // 20
    '};', // 21
  ].join('\n');

  const marks = (type: string) => caseClause(source, 'view', type)?.marked;

  it('marks a case clause from its label to the end of its body', () => {
    expect(marks('A')).toEqual([7, 8, 9]);
    const snippet = caseClause(source, 'view', 'A');
    expect(snippet).toMatchObject({ name: 'view', firstLine: 2 });
    if (snippet) expectSliceOf(source, snippet);
  });

  it('marks a shared body from each label that leads to it', () => {
    expect(marks('B')).toEqual([10, 11, 12, 13]);
    expect(marks('C')).toEqual([12, 13]);
  });

  it('marks statements that test the type when it has no case', () => {
    expect(marks('E')).toEqual([4]);
    expect(marks('F')).toEqual([5]);
  });

  it('marks all of project for a handled type it never singles out', () =>
    expect(marks('D')).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]));

  it('finds no code for a type the declaration never names', () => {
    expect(caseClause(source, 'view', 'Z')).toBeNull();
    expect(caseClause(source, 'missing', 'A')).toBeNull();
  });

  it('marks several types at once, and no line twice', () =>
    expect(caseClauses(source, 'view', ['A', 'C', 'Z', 'A'])?.marked).toEqual([7, 8, 9, 12, 13]));

  it('lists the helpers the marked lines call', () => {
    const snippet = caseClauses(source, 'view', ['C']);
    expect(snippet && helpersOf(source, snippet).map((s) => s.name)).toEqual(['helper']);
    const unmarked = caseClauses(source, 'view', []);
    expect(unmarked && helpersOf(source, unmarked)).toEqual([]);
  });
});

describe('mentioning', () => {
  const source = "const f = () => [\n  { type: 'A' },\n  'B',\n  { type: 'A' },\n];";

  it('marks each line that holds the literal', () =>
    expect(mentioning(source, 'f', 'A')?.marked).toEqual([2, 4]));

  it('finds nothing when the literal is absent', () =>
    expect(mentioning(source, 'f', 'C')).toBeNull());
});
