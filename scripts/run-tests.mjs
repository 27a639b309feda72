// Runs every test file under tests/ with Node's test runner (TypeScript through tsx).
// Usage: node scripts/run-tests.mjs [--backend postgres] [folder-or-file ...]   (default: tests)
// --backend postgres runs the files with TEST_BACKEND=postgres (the HTTP tests then use a
// throwaway PostgreSQL); without PostgreSQL installed they are skipped with a message, except
// under CI=true, where that fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function collect(target) {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(target, entry.name);
      if (entry.isDirectory()) return collect(full);
      return entry.name.endsWith('.test.ts') ? [full] : [];
    })
    .sort();
}

const args = process.argv.slice(2);
let backend = 'sqlite';
if (args[0] === '--backend') {
  backend = args[1];
  args.splice(0, 2);
}
if (backend === 'postgres' && !postgresInstalled()) {
  const message = 'PostgreSQL is not installed (apt-get install -y postgresql): the tests on PostgreSQL are skipped';
  if (process.env.CI === 'true') {
    console.error(`${message.split(':')[0]}, and CI runs them`);
    process.exit(1);
  }
  console.log(message);
  process.exit(0);
}
const targets = args;
const files = (targets.length ? targets : ['tests']).flatMap(collect);
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: backend === 'postgres' ? { ...process.env, TEST_BACKEND: 'postgres' } : process.env,
});
process.exit(result.status ?? 1);

function postgresInstalled() {
  if (process.env.TEST_POSTGRES_URL) return true;
  if (process.env.POSTGRES_BIN) return fs.existsSync(path.join(process.env.POSTGRES_BIN, 'initdb'));
  const root = '/usr/lib/postgresql';
  return fs.existsSync(root) && fs.readdirSync(root).some((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')));
}
