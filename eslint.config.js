import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers import one way: shared (api, components, lib) ← features ← app; features never import each other. */
const boundaries = [
  {
    files: ['src/api/**', 'src/components/**', 'src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/features/**', '**/app/**'], message: 'Shared code must not import features or the app.' },
            { group: ['**/mocks/**'], message: 'src/ reaches the mocks only through the start-up switch.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/**', '!../../**'],
              message: 'A feature never imports another feature; compose them in src/app.',
            },
            { group: ['**/app/**'], message: 'Features must not import the app layer.' },
            { group: ['**/mocks/**'], message: 'src/ reaches the mocks only through the start-up switch.' },
          ],
        },
      ],
    },
  },
  {
    // The rules run in the browser (the mock) and on the server alike: they know neither.
    files: ['domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/mocks/**', '**/server/**'], message: 'domain/ is shared by the mock and the server.' },
            { group: ['node:*'], message: 'domain/ runs in the browser too: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['mocks/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: 'The mock never reaches into the server.' }] },
      ],
    },
  },
  {
    files: ['src/app/**'],
    ignores: ['src/app/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/mocks/**'], message: 'Only src/app/main.tsx starts the mocks.' }] },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-demo',
      'dist-real',
      'dist-bench',
      'dist-bench-normal',
      'dist-bench-export',
      'reports',
      'coverage',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
      'artifacts',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...boundaries,
  {
    // A cycle makes module order matter (a value read before it is set) and hides a layer mistake.
    files: [
      'src/**/*.{ts,tsx}',
      'domain/**/*.ts',
      'mocks/**/*.ts',
      'server/**/*.ts',
      'scripts/**/*.ts',
      'tests/**/*.{ts,tsx}',
    ],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['scripts/**', 'tests/e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
