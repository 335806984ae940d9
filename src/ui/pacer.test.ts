import { describe, expect, it } from 'vitest';
import { createPacer } from './pacer';

/** A pacer on a hand-driven clock: `frame()` runs the next animation frame. */
const setup = (budgetMs = 6) => {
  let time = 0;
  let frames: (() => void)[] = [];
  const pacer = createPacer(
    { now: () => time, nextFrame: (callback) => frames.push(callback) },
    budgetMs,
  );
  const log: string[] = [];
  const panel =
    (name: string, cost = 0) =>
    () => {
      log.push(name);
      time += cost;
    };
  const frame = (advance = 16) => {
    time += advance;
    const due = frames;
    frames = [];
    for (const callback of due) callback();
  };
  return { pacer, log, panel, frame, framesWaiting: () => frames.length };
};

describe('the redraw pacer', () => {
  it('redraws nothing until the next frame, then every cheap panel in the order they asked', () => {
    const { pacer, log, panel, frame } = setup();
    const [a, b, c] = [panel('a'), panel('b'), panel('c')];
    pacer.ask(b, 0);
    pacer.ask(a, 0);
    pacer.ask(c, 0);
    pacer.ask(b, 0);
    expect(log).toEqual([]);
    frame();
    expect(log).toEqual(['b', 'a', 'c']);
    expect(pacer.waiting()).toBe(0);
  });

  it('stops for the frame once the budget is spent and goes on in the next one', () => {
    const { pacer, log, panel, frame } = setup(6);
    const heavy = ['a', 'b', 'c', 'd'].map((name) => panel(name, 5));
    for (const redraw of heavy) pacer.ask(redraw, 0);
    frame();
    expect(log).toEqual(['a', 'b']);
    frame();
    expect(log).toEqual(['a', 'b', 'c', 'd']);
  });

  it('redraws a panel at most once per its interval, keeping the latest request', () => {
    const { pacer, log, panel, frame } = setup();
    const chart = panel('chart');
    pacer.ask(chart, 1_000);
    frame();
    expect(log).toEqual(['chart']);
    for (let i = 0; i < 30; i += 1) {
      pacer.ask(chart, 1_000);
      frame(16);
    }
    expect(log).toEqual(['chart']);
    for (let i = 0; i < 40; i += 1) {
      pacer.ask(chart, 1_000);
      frame(16);
    }
    expect(log).toEqual(['chart', 'chart']);
  });

  it('lets a waiting panel through while another cools down', () => {
    const { pacer, log, panel, frame } = setup();
    const [slow, fast] = [panel('slow'), panel('fast')];
    pacer.ask(slow, 500);
    frame();
    pacer.ask(slow, 500);
    pacer.ask(fast, 0);
    frame();
    expect(log).toEqual(['slow', 'fast']);
  });

  it('forgets a panel that unmounts, and stops asking for frames when nothing waits', () => {
    const { pacer, log, panel, frame, framesWaiting } = setup();
    const gone = panel('gone');
    pacer.ask(gone, 0);
    pacer.forget(gone);
    frame();
    expect(log).toEqual([]);
    expect(framesWaiting()).toBe(0);
  });
});
