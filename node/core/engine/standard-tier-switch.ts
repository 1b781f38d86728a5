// "Use the standard tier": a flex job that waits for capacity (refused with HTTP 429, never
// created on the server) is sent at the provider's default tier instead. Only such a job may
// switch: once the server has created a response its tier is fixed, and a job being sent right
// now may already be running on the server (docs/ARCHITECTURE.md, "The create window").
import type { Job } from '../../../shared/job.js';
import { waitsForFlexCapacity } from '../../../shared/tier-price.js';
import type { JobPatch } from '../store/index.js';

/** Why the job cannot switch to the standard tier, or undefined when it can. */
export function standardTierRefusal(job: Job): string | undefined {
  if (job.serviceTier !== 'flex') return 'This job already uses the standard tier.';
  if (job.responseId !== null)
    return 'The provider has already created this job at the flex tier; its tier cannot change.';
  if (!waitsForFlexCapacity(job))
    return 'This job is not waiting for flex capacity; it can switch only while it waits.';
  return undefined;
}

/** The patch that makes the next create go out at the default tier. */
export const standardTierPatch: JobPatch = { serviceTier: null, error: null };
