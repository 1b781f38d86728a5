// The engine's tunables. Defaults suit real reasoning models; tests shrink them.
import { defaultBackoff, type BackoffPolicy } from './backoff.js';

export interface EngineOptions {
  /** A stream silent this long is reconnected from its cursor (never failed). */
  stallMs: number;
  /** Streamed text is written at most this often (one transaction for all jobs). */
  flushMs: number;
  /**
   * A settled job's text enters the search index this long after the write that settled it (a
   * search in this process indexes first, so it never waits). Not at once: tokenizing a long
   * answer takes a core for most of a second (2 MB: 0.65-0.8 s), and on a two-core machine that
   * slowed the open job view's rendering of the finished answer in the same moment.
   */
  indexDelayMs: number;
  backoff: BackoffPolicy;
  /** How many times a refused create (HTTP 429/5xx: nothing was started) is tried again. */
  createAttempts: number;
  /** A detached submit (`mull submit` with no driver) keeps the create stream open this long
   * after response.created: aborting right after create once left responses stuck in queued. */
  detachAfterMs: number;
  /** How often a driver looks for jobs stored by another process (`mull submit`). */
  pendingScanMs: number;
  /** How long attaching a response id waits for the server's answer. */
  attachTimeoutMs: number;
}

export const defaultEngineOptions: EngineOptions = {
  stallMs: 120_000,
  flushMs: 150,
  indexDelayMs: 2_000,
  backoff: defaultBackoff,
  createAttempts: 5,
  detachAfterMs: 1_500,
  pendingScanMs: 1_000,
  attachTimeoutMs: 30_000,
};

export type EngineOptionsInput = Partial<Omit<EngineOptions, 'backoff'>> & {
  backoff?: Partial<BackoffPolicy>;
};

export function engineOptions(input: EngineOptionsInput = {}): EngineOptions {
  return { ...defaultEngineOptions, ...input, backoff: { ...defaultBackoff, ...input.backoff } };
}
