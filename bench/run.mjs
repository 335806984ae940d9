// `npm run bench` (full sizes) or `npm run bench -- --quick` (small sizes, under a minute).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const quick = process.argv.includes('--quick');
// Every figure in bench/results.json comes from this run.
rmSync(new URL('./results.json', import.meta.url), { force: true });
const result = spawnSync('npx', ['playwright', 'test', '--config', 'bench/playwright.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_QUICK: quick ? '1' : '0' },
});
process.exit(result.status ?? 1);
