// The version shown in `app:info`: package.json's, read once from the repository.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const packageJson = new URL('../../package.json', import.meta.url);

export function appVersion(): string {
  const parsed = z
    .object({ version: z.string() })
    .parse(JSON.parse(readFileSync(packageJson, 'utf8')));
  return parsed.version;
}
