// A job's token usage in a row: input (of which cached) and output (of which reasoning).
import type { TokenUsage } from '../../../shared/job.js';
import { formatCompactCount, formatCount } from '../format/numbers.js';

export function TokenCounts({ usage }: { usage: TokenUsage | null }) {
  if (!usage) return <span className="tokens tokens--none">No usage yet</span>;
  const full =
    `${formatCount(usage.inputTokens)} input tokens (${formatCount(usage.cachedTokens)} cached), ` +
    `${formatCount(usage.outputTokens)} output tokens (${formatCount(usage.reasoningTokens)} reasoning)`;
  return (
    <span className="tokens" title={full}>
      <span>In {formatCompactCount(usage.inputTokens)}</span>
      <span className="tokens__part">cached {formatCompactCount(usage.cachedTokens)}</span>
      <span>Out {formatCompactCount(usage.outputTokens)}</span>
      <span className="tokens__part">reasoning {formatCompactCount(usage.reasoningTokens)}</span>
    </span>
  );
}
