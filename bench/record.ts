// Every bench file adds its sections to bench/results.json, keeping the others from this run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const resultsFile = new URL('./results.json', import.meta.url);

export const record = (section: string, figures: unknown): void => {
  const current: Record<string, unknown> = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>)
    : {};
  writeFileSync(resultsFile, `${JSON.stringify({ ...current, [section]: figures }, null, 2)}\n`);
};
