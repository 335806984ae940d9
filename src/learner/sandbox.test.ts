import { describe, expect, it } from 'vitest';
import {
  applyBatch,
  applyEvents,
  compile,
  isFailure,
  STARTER_PROJECTION,
  type Compiled,
  type LearnerEvent,
} from './sandbox';
import { syntaxErrorLine } from './syntax';

const placed = (position: number, sku: string, quantity: number): LearnerEvent => ({
  position,
  streamId: `order-ORD-${String(position)}`,
  version: 1,
  type: 'OrderPlaced',
  data: { orderId: `ORD-${String(position)}`, lines: [{ sku, quantity }] },
});

const compiled = (code: string): Compiled => {
  const result = compile(code);
  if (isFailure(result)) throw new Error(result.message);
  return result;
};

describe('a learner projection', () => {
  it('runs the starter: units ordered per SKU', () => {
    const starter = compiled(STARTER_PROJECTION);
    const applied = applyEvents(starter, starter.initialState, [
      placed(1, 'SKU-1', 2),
      placed(2, 'SKU-2', 1),
      placed(3, 'SKU-1', 3),
    ]);
    expect(applied).toEqual({ ok: true, state: { 'SKU-1': 5, 'SKU-2': 1 } });
  });

  it('names the line of their code and the event position a throw came from', () => {
    const code = [
      'const initialState = 0;',
      'function project(state, event) {',
      '  return state + event.data.missing.field;',
      '}',
    ].join('\n');
    const applied = applyEvents(compiled(code), 0, [placed(7, 'SKU-1', 1)]);
    expect(applied.ok).toBe(false);
    if (applied.ok) return;
    expect(applied.failure).toMatchObject({ line: 3, position: 7 });
    expect(applied.failure.message).toMatch(/^TypeError: Cannot read properties of undefined/);
  });

  it('stops when project returns nothing, naming the event', () => {
    const code = 'const initialState = {};\nfunction project(state, event) { state.n = 1; }';
    const applied = applyEvents(compiled(code), {}, [placed(4, 'SKU-1', 1)]);
    expect(applied).toMatchObject({ ok: false, failure: { position: 4 } });
  });

  it('refuses code without project or initialState, and says which', () => {
    expect(compile('const initialState = {};')).toMatchObject({
      message: expect.stringMatching(/Define a function project/) as unknown,
    });
    expect(compile('function project(s) { return s; }')).toMatchObject({
      message: expect.stringMatching(/Define initialState/) as unknown,
    });
  });

  it('reports a syntax error, and the parser finds its line', () => {
    const code = 'const initialState = {};\nfunction project(state, event) {\n  return state +;\n}';
    expect(compile(code)).toMatchObject({
      message: expect.stringMatching(/^SyntaxError/) as unknown,
      position: null,
    });
    expect(syntaxErrorLine(code)).toBe(3);
    expect(syntaxErrorLine(STARTER_PROJECTION)).toBeNull();
  });

  it('names the first event after which the state can no longer be kept (a function in it)', () => {
    const code = [
      'const initialState = { n: 0 };',
      'function project(state, event) {',
      '  state.n += 1;',
      '  if (event.position === 3) state.later = () => 1;',
      '  return state;',
      '}',
    ].join('\n');
    const projection = compiled(code);
    const first = applyBatch(projection, { n: 0 }, { n: 0 }, [
      placed(1, 'A', 1),
      placed(2, 'A', 1),
    ]);
    expect(first).toMatchObject({ ok: true, kept: { n: 2 } });
    if (!first.ok) return;
    const second = applyBatch(projection, first.state, first.kept, [
      placed(3, 'A', 1),
      placed(4, 'A', 1),
    ]);
    expect(second).toMatchObject({ ok: false, failure: { position: 3 } });
  });

  it('keeps a throw of a non-error readable', () => {
    const code = "const initialState = 0;\nfunction project() { throw { why: 'no' }; }";
    const applied = applyEvents(compiled(code), 0, [placed(1, 'A', 1)]);
    expect(applied).toMatchObject({
      ok: false,
      failure: { message: 'Thrown: {"why":"no"}', line: null, position: 1 },
    });
  });
});
