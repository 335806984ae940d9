// @ts-check
// The layers above the domain, kept apart by lint (see ../shared/ARCHITECTURE.md §2): data flows
// one way, and no import runs back up.
const layer = (folder, forbidden, message) =>
  [0, 1, 2, 3].map((depth) => ({
    files: [`src/${folder}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: `(^|/)(${forbidden.join('|')})(/|$)`, caseSensitive: true, message }],
        },
      ],
    },
  }));

/** Flat-config blocks: what each layer may not import. */
export const layerBoundaries = [
  ...layer(
    'ui',
    ['workers', 'writemodel', 'projection', 'statemodel'],
    'src/ui reaches the workers only through src/runtime (useRuntime, useControls).',
  ),
  ...layer(
    'state',
    ['runtime', 'workers', 'ui'],
    'src/state holds what the screen shows: the runtime writes it, it never calls back up.',
  ),
  ...layer(
    'bus',
    ['workers', 'runtime', 'state', 'ui', 'lessons'],
    'src/bus is below the workers: the protocol, the scheduler and the host use only src/domain.',
  ),
  // What the workers run: the write model, the projections and the single-model design, over the
  // stores. Each worker entry composes them; none knows of the page.
  ...['writemodel', 'projection', 'statemodel', 'eventstore', 'readstore'].flatMap((folder) =>
    layer(
      folder,
      ['workers', 'runtime', 'state', 'ui', 'lessons'],
      `src/${folder} runs inside a worker: it uses src/domain, src/bus/protocol and the stores, never the page.`,
    ),
  ),
];
