import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobManager } from '../core/engine/job-manager.js';
import { kindOfUrl, providerForBaseUrl } from './url-provider.js';

let dataDir: string;
let manager: JobManager;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'mull-url-provider-'));
  manager = JobManager.open({
    dataDir,
    keys: { get: () => Promise.resolve(undefined) },
    drive: false,
  });
});
afterEach(async () => {
  await manager.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a provider from a base URL', () => {
  it('is created once, with an id derived from the normalized URL, and found again', () => {
    const first = providerForBaseUrl(manager.settings, 'http://127.0.0.1:8080/v1/');
    expect(first).toMatchObject({
      id: expect.stringMatching(/^url-[0-9a-f]{12}$/) as unknown,
      kind: 'compatible',
      baseUrl: 'http://127.0.0.1:8080/v1',
      authStyle: 'bearer',
    });
    // The same server written differently is the same provider.
    expect(providerForBaseUrl(manager.settings, 'HTTP://127.0.0.1:8080//v1/responses').id).toBe(
      first.id,
    );
    expect(providerForBaseUrl(manager.settings, 'http://127.0.0.1:8081').id).not.toBe(first.id);
  });

  it('Azure by its host, with its own auth header; OpenAI itself is the built-in provider', () => {
    const azure = providerForBaseUrl(
      manager.settings,
      'https://my-res.openai.azure.com/openai/v1?api-version=x',
    );
    expect(azure).toMatchObject({
      kind: 'azure',
      baseUrl: 'https://my-res.openai.azure.com/openai/v1',
      authStyle: 'api-key',
    });
    expect(providerForBaseUrl(manager.settings, 'https://api.openai.com').id).toBe('openai');
  });

  it('reuses a provider the person configured for that URL', () => {
    manager.settings.saveProvider({
      id: 'my-server',
      kind: 'compatible',
      label: 'Mine',
      baseUrl: 'https://llm.example.com/v1',
      authStyle: 'bearer',
    });
    expect(providerForBaseUrl(manager.settings, 'https://llm.example.com/').id).toBe('my-server');
  });

  it.each([
    ['https://x.openai.azure.com', 'azure'],
    ['https://API.OPENAI.COM/v1', 'openai'],
    ['https://example.com', 'compatible'],
    ['not a url', 'compatible'],
  ] as const)('%s is %s', (url, kind) => {
    expect(kindOfUrl(url)).toBe(kind);
  });
});
