// Jobs for tests: valid by default, with only the fields a test cares about overridden. Built by
// the engine's newJobRecord, so a sample starts where a submitted job does.
import type { Job } from '../../../../shared/job.js';
import { newJobRecord } from '../../engine/new-job-record.js';

let counter = 0;

export function sampleJob(overrides: Partial<Job> = {}): Job {
  counter += 1;
  const id = overrides.id ?? `job-${counter}`;
  const job = newJobRecord(
    {
      prompt: 'Prove that there are infinitely many primes.',
      title: `Job ${counter}`,
      model: 'gpt-5-pro',
      providerId: 'openai',
      effort: 'high',
      reasoningSummary: 'auto',
    },
    {},
    1_700_000_000_000 + counter,
    id,
  );
  return {
    ...job,
    // A job with text has run: answers are searchable once a job has settled.
    status: overrides.answer || overrides.reasoningSummary ? 'completed' : 'pending',
    ...overrides,
  };
}
