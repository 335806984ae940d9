// A slow-machine run: `npm run test:e2e:slow` sets E2E_CPU_SLOWDOWN=4, and every page's CPU is
// throttled by that factor (see fixtures.ts). Budgets in absolute time scale with it.

const asked = Number(process.env.E2E_CPU_SLOWDOWN ?? '1');

/** How many times slower than this machine the pages are made to run (1: not slowed). */
export const cpuSlowdown = Number.isFinite(asked) && asked > 1 ? asked : 1;

/** A time budget in ms, stretched by the emulated slowdown. */
export const scaled = (ms: number) => ms * cpuSlowdown;
