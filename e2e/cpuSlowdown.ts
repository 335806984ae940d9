// A slow-machine run: `npm run test:e2e:slow` sets E2E_CPU_SLOWDOWN=4, and every page's CPU is
// throttled by that factor (see fixtures.ts). Budgets in absolute time scale with it.

const asked = Number(process.env.E2E_CPU_SLOWDOWN ?? '1');

/** How many times slower than this machine the pages are made to run (1: not slowed). */
export const cpuSlowdown = Number.isFinite(asked) && asked > 1 ? asked : 1;

/** A time budget in ms, stretched by the emulated slowdown. */
export const scaled = (ms: number) => ms * cpuSlowdown;

/** One start of the app (page load, seven workers, views caught up): ~4 s alone, ~8 s under load. */
const APP_START_MS = 8_000;

/**
 * The budget of a test that starts the app more than once (reloads, a second tab, a fresh
 * browser): the usual 30 s for its work, plus one app start for each start after the first.
 */
export const budgetFor = ({ appStarts }: { appStarts: number }) =>
  scaled(30_000 + Math.max(0, appStarts - 1) * APP_START_MS);
