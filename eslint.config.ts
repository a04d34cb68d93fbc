import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'migrations/', 'data/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The client never imports server code (STYLE.md: data flows one way).
      'no-restricted-imports': ['error', { patterns: ['**/server/**'] }],
    },
  },
  {
    files: ['server/domain/**/*.ts', 'shared/**/*.ts'],
    rules: {
      // domain/ and shared/ are pure: no I/O.
      'no-restricted-imports': ['error', { patterns: ['node:fs*', 'node:net', 'node:http*', '**/db/**', 'fs', 'pg', 'better-sqlite3'] }],
    },
  },
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs', 'server/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
