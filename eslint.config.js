// The linter, and the layer rules as import rules:
//   domain imports nothing; lib imports nothing of the app (pure functions any layer may use);
//   repositories (interfaces) and storage (implementations) import neither services nor web;
//   services import neither web nor Express; web imports no storage (only the composition root,
//   app.ts, and the entry points see the storage); nothing outside src/storage/ imports a database
//   driver.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const DRIVERS = { group: ['better-sqlite3', 'pg'], message: 'Database drivers stay inside src/storage/<backend>/.' };
const WEB = { group: ['**/web/**'], message: 'Only the web layer imports the web layer.' };
const SERVICES = { group: ['**/services/**'], message: 'Storage and repositories do not depend on services.' };
const EXPRESS = {
  group: ['express', 'express-session', 'express-rate-limit', 'multer', 'csrf-sync', 'helmet'],
  message: 'Services do not know Express.',
};
const STORAGE = { group: ['**/storage/**'], message: 'The web layer reaches storage through services and the repositories it is given.' };
const APP_MODULES = { group: ['../**', './**'], message: 'This module imports nothing of the app.' };

/** An import rule for the files of one layer. */
const layer = (files, ...patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'screenshots/', 'bench-results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-control-regex': 'off', // the forms strip control characters on purpose
    },
  },
  { files: ['public/js/**/*.js'], languageOptions: { globals: globals.browser, sourceType: 'script' } },
  { files: ['src/**/*.ts'], rules: { 'no-console': 'error' } },
  { files: ['src/server.ts', 'src/run-server.ts', 'src/cli/**'], rules: { 'no-console': 'off' } },

  layer(['src/**/*.ts'], DRIVERS),
  layer(['src/storage/**/*.ts'], WEB, SERVICES),
  layer(['src/repositories/**/*.ts'], WEB, SERVICES, DRIVERS, {
    group: ['**/storage/sqlite/**', '**/storage/postgres/**'],
    message: 'Interfaces do not know an implementation.',
  }),
  layer(['src/services/**/*.ts', 'src/content/**/*.ts'], WEB, EXPRESS, DRIVERS, {
    group: ['**/storage/sqlite/**', '**/storage/postgres/**'],
    message: 'Services use the storage seam, not an implementation.',
  }),
  layer(['src/web/**/*.ts'], STORAGE, DRIVERS),
  layer(['src/domain/**/*.ts', 'src/lib/**/*.ts'], APP_MODULES, DRIVERS),
  layer(['src/cli/backup.ts', 'src/cli/restore.ts', 'src/cli/migrate-to-postgres.ts'], WEB, SERVICES),
);
