import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLogging } from './logging.js';

describe('startLogging', () => {
  const logsDir = mkdtempSync(join(tmpdir(), 'mull-logs-'));
  afterAll(() => rmSync(logsDir, { recursive: true, force: true }));

  it('writes redacted lines to main.log in the logs folder', () => {
    const log = startLogging({ logsDir, console: false });
    const key = 'sk-proj-q8Wm2Lx7Tz4Rb6Nc1Vd3Hf5Jg9Kp0Ys';
    const azureKey = '9f86d081884c7d659a2feaa0c55ad015';
    log.info(`keys:set for openai with ${key}`);
    log.error('jobs:submit failed (INTERNAL)', new Error(`401 Incorrect API key: ${key}`));
    log.backend('keys:test failed (REFUSED)', { headers: { 'api-key': azureKey } });

    expect(log.file).toBe(join(logsDir, 'main.log'));
    const written = readFileSync(log.file, 'utf8');
    expect(written).toContain('jobs:submit failed (INTERNAL)');
    expect(written).toContain('401 Incorrect API key');
    expect(written).toContain('[redacted]');
    expect(written).not.toContain(key);
    expect(written).not.toContain(key.slice(8));
    expect(written).not.toContain(azureKey);
  });
});
