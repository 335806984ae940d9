// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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

export default tseslint.config(
  {
    ignores: ['dist', 'dist-e2e', 'node_modules', 'playwright-report', 'test-results', 'coverage'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.app.json', './tsconfig.worker.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  domainRule(0),
  domainRule(1),
  domainRule(2),
  {
    files: ['*.config.{js,ts}', 'eslint.config.js', 'e2e/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
