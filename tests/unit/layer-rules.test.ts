// The layer rules live in eslint.config.js; these cases show that each rule refuses what it
// should, so a mistyped pattern cannot leave a layer open without a failing test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

/** The messages of the import rule for `source` placed at `filePath`. */
async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  const refused: [string, string, RegExp][] = [
    ['src/web/controllers/example.ts', "import x from 'better-sqlite3';", /drivers stay inside/i],
    ['src/web/controllers/example.ts', "import { x } from '../../storage/sqlite/database.js';", /through services/],
    ['src/services/example.ts', "import { x } from '../web/messages.js';", /web layer/],
    ['src/services/example.ts', "import x from 'express';", /do not know Express/],
    ['src/services/example.ts', "import { x } from '../storage/sqlite/sqlite-storage.js';", /storage seam/],
    ['src/repositories/example.ts', "import { x } from '../services/clock.js';", /do not depend on services/],
    ['src/repositories/example.ts', "import { x } from '../storage/sqlite/database.js';", /implementation/],
    ['src/storage/sqlite/example.ts', "import { x } from '../../services/clock.js';", /do not depend on services/],
    ['src/domain/example.ts', "import { x } from '../services/clock.js';", /imports nothing of the app/],
    ['src/lib/example.ts', "import { x } from './other.js';", /imports nothing of the app/],
    ['src/lib/example.ts', "import x from 'pg';", /drivers stay inside/i],
  ];
  for (const [file, source, message] of refused) {
    it(`refuses ${source} in ${file}`, async () => {
      const errors = await importErrors(file, source);
      assert.ok(
        errors.some((e) => message.test(e)),
        `got: ${JSON.stringify(errors)}`,
      );
    });
  }

  const allowed: [string, string][] = [
    ['src/storage/sqlite/example.ts', "import x from 'better-sqlite3';"],
    ['src/services/example.ts', "import { x } from '../storage/storage.js';"],
    ['src/web/controllers/example.ts', "import { x } from '../../services/clock.js';"],
    ['src/app.ts', "import { x } from './storage/open-storage.js';"],
  ];
  for (const [file, source] of allowed) {
    it(`allows ${source} in ${file}`, async () => {
      assert.deepEqual(await importErrors(file, source), []);
    });
  }
});
