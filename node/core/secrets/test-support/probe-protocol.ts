// What the keychain probe (keychain-probe.ts, run in a child process) prints, and the fake keys it
// uses, shared with the tests that read its output.

/** How one call went: its value (undefined reported as null), or the error it rejected with. */
export type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; name: string; message: string; isKeychainUnavailable: boolean };

/** Outcomes by step name. */
export type ProbeResult = Record<string, Outcome>;

/** Fake keys: long enough to mask, distinct, and easy to spot if one ever leaked into a message. */
export const probeKeys = {
  first: 'sk-probe-first-0000000000000000000000001111',
  second: 'sk-probe-second-000000000000000000000002222',
  other: 'sk-probe-other-0000000000000000000000003333',
  environment: 'sk-probe-environment-0000000000000000004444',
} as const;

/** Providers the probe reads keys for: id and base URL (a key belongs to both). */
export const probeProviders = {
  openai: { id: 'openai', baseUrl: 'https://api.openai.com/v1' },
  local: { id: 'compatible-local', baseUrl: 'http://127.0.0.1:9/v1' },
  workAtHome: { id: 'work', baseUrl: 'https://work.example/v1' },
  workElsewhere: { id: 'work', baseUrl: 'http://127.0.0.1:9/v1' },
  crafted: { id: 'work @ https://work.example', baseUrl: 'http://127.0.0.1:9/v1' },
} as const;
