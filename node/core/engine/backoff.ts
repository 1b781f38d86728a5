// Waiting between attempts: exponential backoff with full jitter for reconnects, a gentler climb
// for polls, both overridden by what the server asks for (Retry-After, openai-poll-after-ms).

export interface BackoffPolicy {
  /** First reconnect delay before jitter. */
  baseMs: number;
  /** Longest reconnect delay. */
  maxMs: number;
  /** Consecutive failed resumes before switching to polling. */
  resumeAttempts: number;
  /** First and longest poll intervals. */
  pollFirstMs: number;
  pollMaxMs: number;
}

export const defaultBackoff: BackoffPolicy = {
  baseMs: 500,
  maxMs: 30_000,
  resumeAttempts: 6,
  pollFirstMs: 2_000,
  pollMaxMs: 30_000,
};

/** Delay before reconnect attempt `attempt` (0-based): full jitter, at least what the server asked. */
export function reconnectDelayMs(
  policy: BackoffPolicy,
  attempt: number,
  serverAskedMs?: number,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  // Full jitter spreads reconnects of many jobs after a shared outage; keep a small floor.
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.max(jittered, serverAskedMs ?? 0);
}

/** Delay before poll `attempt` (0-based): about 2 s growing to about 30 s; the server's hint wins. */
export function pollDelayMs(policy: BackoffPolicy, attempt: number, serverHintMs?: number): number {
  if (serverHintMs !== undefined) return serverHintMs;
  return Math.min(policy.pollMaxMs, policy.pollFirstMs * 1.5 ** attempt);
}
