// The schema after every migration, compared with the committed __snapshots__/schema.sql. A change
// here means the schema drifted: if it is meant, it belongs in a new migration, and the snapshot
// is updated with `npx vitest run node/core/store/schema-snapshot.test.ts --update`.
import { expect, it } from 'vitest';
import { useTestDatabases } from './test-support/test-databases.js';

const databases = useTestDatabases();

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

it('matches the committed schema snapshot', async () => {
  const db = databases.open(databases.tempDir());
  const objects = db
    .prepare<[], SchemaObject>(
      'SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name',
    )
    .all();
  const version = String(db.pragma('user_version', { simple: true }));
  const schema = [
    `-- user_version ${version}`,
    ...objects.map(({ type, name, sql }) => `-- ${type} ${name}\n${normalize(sql)};`),
  ].join('\n\n');
  await expect(`${schema}\n`).toMatchFileSnapshot('./__snapshots__/schema.sql');
});

/** One line per statement, so indentation and line breaks in a migration's SQL do not count. */
function normalize(sql: string): string {
  return sql
    .replace(/--[^\n]*/gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/\( /gu, '(')
    .replace(/ \)/gu, ')')
    .trim();
}
