import { describe, expect, it } from 'vitest';
import type { ProviderKind } from '../../../shared/provider.js';
import { defaultOpenAIProvider } from '../../../shared/provider.js';
import { normalizeBaseUrl } from './base-url.js';

const openai = 'https://api.openai.com/v1';
const azure = 'https://res.openai.azure.com/openai/v1';

describe('normalizeBaseUrl', () => {
  it.each<[ProviderKind, string, string]>([
    // OpenAI: slashes, missing and doubled /v1
    ['openai', 'https://api.openai.com/v1', openai],
    ['openai', 'https://api.openai.com', openai],
    ['openai', 'https://api.openai.com/', openai],
    ['openai', 'https://api.openai.com/v1/', openai],
    ['openai', 'https://api.openai.com/v1///', openai],
    ['openai', 'https://api.openai.com//v1', openai],
    ['openai', 'https://api.openai.com/v1/v1', openai],
    ['openai', 'https://api.openai.com/v1/v1/v1/', openai],
    ['openai', '  https://api.openai.com/v1 \n', openai],
    ['openai', 'HTTPS://API.OpenAI.COM/v1', openai],
    ['openai', 'https://api.openai.com:443/v1', openai],
    ['openai', 'https://api.openai.com/v1?foo=bar#frag', openai],
    ['openai', 'https://api.openai.com/v1/responses', openai],
    ['openai', 'https://api.openai.com/v1/chat/completions/', openai],
    ['openai', 'https://proxy.example.com:8443/openai', 'https://proxy.example.com:8443/openai/v1'],
    // Loopback over http is fine for every kind (the emulator, a local proxy).
    ['openai', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010/v1'],
    ['openai', 'http://localhost:4010/v1/', 'http://localhost:4010/v1'],
    ['openai', 'http://[::1]:4010', 'http://[::1]:4010/v1'],
    ['azure', 'http://127.0.0.1:4010/openai/v1', 'http://127.0.0.1:4010/openai/v1'],
    // Azure: the resource root and every /openai form end in /openai/v1.
    ['azure', 'https://res.openai.azure.com', azure],
    ['azure', 'https://res.openai.azure.com/', azure],
    ['azure', 'https://res.openai.azure.com/openai', azure],
    ['azure', 'https://res.openai.azure.com/openai/', azure],
    ['azure', 'https://res.openai.azure.com/openai/v1/', azure],
    ['azure', 'https://res.openai.azure.com/openai/v1/v1', azure],
    ['azure', 'https://RES.openai.azure.com/openai/v1?api-version=preview', azure],
    ['azure', 'https://res.openai.azure.com/openai/v1/responses', azure],
    [
      'azure',
      'https://res.openai.azure.com/openai/deployments/gpt5/chat/completions?api-version=2025-01-01',
      azure,
    ],
    ['azure', 'https://apim.example.com/team-a', 'https://apim.example.com/team-a/openai/v1'],
    // Compatible servers: /v1 appended only when no version is in the path.
    ['compatible', 'http://192.168.1.20:8000', 'http://192.168.1.20:8000/v1'],
    ['compatible', 'http://localhost:11434/v1/', 'http://localhost:11434/v1'],
    ['compatible', 'https://openrouter.ai/api/v1', 'https://openrouter.ai/api/v1'],
    ['compatible', 'https://llm.example.com/api/v2', 'https://llm.example.com/api/v2'],
    ['compatible', 'https://llm.example.com/api/v2/', 'https://llm.example.com/api/v2'],
    [
      'compatible',
      'https://generativelanguage.googleapis.com/v1beta/openai/',
      'https://generativelanguage.googleapis.com/v1beta/openai',
    ],
    ['compatible', 'https://api.fireworks.ai/inference', 'https://api.fireworks.ai/inference/v1'],
    ['compatible', 'http://localhost:8321/v1/openai/v1', 'http://localhost:8321/v1/openai/v1'],
  ])('%s %j -> %s', (kind, raw, expected) => {
    expect(normalizeBaseUrl(kind, raw)).toBe(expected);
  });

  it('keeps the default OpenAI provider as it is', () => {
    expect(normalizeBaseUrl('openai', defaultOpenAIProvider.baseUrl)).toBe(
      defaultOpenAIProvider.baseUrl,
    );
  });

  it('is idempotent', () => {
    for (const [kind, raw] of [
      ['openai', 'https://api.openai.com//v1/v1/'],
      ['azure', 'https://res.openai.azure.com/openai/'],
      ['compatible', 'http://10.0.0.5:8000'],
    ] as const) {
      const once = normalizeBaseUrl(kind, raw);
      expect(normalizeBaseUrl(kind, once)).toBe(once);
    }
  });

  it.each<[ProviderKind, string, RegExp]>([
    [
      'openai',
      'ftp://x',
      /must start with https:\/\/ \(or http:\/\/ for a local server\): got 'ftp:\/\/x'/,
    ],
    ['openai', '', /empty/],
    ['openai', '   ', /empty/],
    ['openai', 'api.openai.com/v1', /must start with https:\/\//],
    ['compatible', 'localhost:11434', /must start with https:\/\//],
    ['openai', 'file:///etc/passwd', /must start with https:\/\//],
    ['openai', 'javascript:alert(1)', /must start with https:\/\//],
    ['openai', 'https://', /not a valid URL/],
    ['openai', 'http://api.openai.com/v1', /must use https:\/\//],
    ['azure', 'http://res.openai.azure.com', /must use https:\/\//],
    ['openai', 'http://localhost.evil.com', /must use https:\/\//],
    ['openai', 'https://user:sk-secret@api.openai.com/v1', /user name or password/],
  ])('%s %j is refused', (kind, raw, message) => {
    expect(() => normalizeBaseUrl(kind, raw)).toThrow(message);
  });

  it('never echoes a password it refuses', () => {
    const refuse = () => normalizeBaseUrl('openai', 'https://u:sk-secret@api.openai.com');
    expect(refuse).toThrow();
    expect(refuse).not.toThrow(/sk-secret/);
  });
});
