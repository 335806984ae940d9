// `npm run bench` (full sizes) or `npm run bench -- --quick` (small sizes, under a minute).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { summarize } from './summary.mjs';

const quick = process.argv.includes('--quick');
const resultsFile = new URL('./results.json', import.meta.url);
// Every figure in bench/results.json comes from this run.
rmSync(resultsFile, { force: true });
const result = spawnSync('npx', ['playwright', 'test', '--config', 'bench/playwright.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_QUICK: quick ? '1' : '0' },
});
if (existsSync(resultsFile))
  console.log(`\n${summarize(JSON.parse(readFileSync(resultsFile, 'utf8')))}\n`);
process.exit(result.status ?? 1);
