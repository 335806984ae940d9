// The workload the learner starts from the Load panel.
import { describe, expect, it } from 'vitest';
import { lab } from './testing/harness';

describe('The bus host', () => {
  describe('When the workload runs again after a reload', () => {
    it('names its commands anew, so the log does not take them for repeats', async () => {
      const ids = async () => {
        const { host, log } = await lab();
        host.startLoad({ perSecond: 10, readShare: 0, seconds: 1 });
        await host.settle();
        return log.handled;
      };
      const first = await ids();
      const second = await ids(); // a new bus, as after a reload, on the same log
      expect(first.length).toBeGreaterThan(5);
      expect(second.filter((id) => first.includes(id))).toEqual([]);
    });
  });
});
