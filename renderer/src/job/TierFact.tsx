// The processing tier of the open job: what was asked (Flex, or the standard tier) and what the
// server reports it served (`service_tier` of the response: flex, default, ...). The bill follows
// the served tier, so both are shown when they differ.
import type { Job } from '../../../shared/job.js';

export function tierText(job: Pick<Job, 'serviceTier' | 'servedTier'>): string | null {
  const asked = job.serviceTier === 'flex' ? 'Flex' : 'Standard';
  if (job.servedTier === null)
    return job.serviceTier === 'flex' ? 'Flex (cheaper, may wait)' : null;
  const served = job.servedTier === 'flex' ? 'flex' : job.servedTier;
  return `${asked}, served ${served}`;
}

export function TierFact({ job }: { job: Pick<Job, 'serviceTier' | 'servedTier'> }) {
  const text = tierText(job);
  if (text === null) return null;
  return (
    <div>
      <dt>Tier</dt>
      <dd data-testid="job-tier">{text}</dd>
    </div>
  );
}
