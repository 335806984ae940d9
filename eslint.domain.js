// @ts-check
// The functional core stays pure: no UI, storage or worker plumbing, nothing from outside src/domain.
const forbiddenInDomain = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'dexie',
  'dexie/*',
  'comlink',
  'zustand',
  'recharts',
];
const domainRule = (depth) => ({
  files: [`src/domain/${'*/'.repeat(depth)}*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: forbiddenInDomain,
            message: 'src/domain is pure: no React, Dexie, comlink or other runtime libraries.',
          },
          {
            regex: `^(\\.\\./){${depth + 1},}`,
            message: 'src/domain may import only from src/domain.',
          },
          { regex: '^(/|src/|@/)', message: 'src/domain may import only from src/domain.' },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'window', message: 'src/domain has no DOM.' },
      { name: 'document', message: 'src/domain has no DOM.' },
      { name: 'self', message: 'src/domain runs anywhere, not only in a worker.' },
      { name: 'indexedDB', message: 'Storage lives in src/eventstore and src/readstore.' },
      { name: 'crypto', message: 'Ids come in through command metadata.' },
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Date', property: 'now', message: 'Time comes in through command metadata.' },
      { object: 'Math', property: 'random', message: 'Randomness comes in from outside.' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'Time comes in through command metadata.',
      },
    ],
  },
});

/** Flat-config blocks that keep src/domain pure, one per folder depth. */
export const domainBoundary = [0, 1, 2, 3].map(domainRule);
