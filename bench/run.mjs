// `npm run bench` (full sizes) or `npm run bench -- --quick` (small sizes, under a minute).
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const result = spawnSync('npx', ['playwright', 'test', '--config', 'bench/playwright.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_QUICK: quick ? '1' : '0' },
});
process.exit(result.status ?? 1);
