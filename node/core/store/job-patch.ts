// A change to a stored job: any fields but the id. The store itself sets updatedAt and revision.
import type { z } from 'zod';
import { Job } from '../../../shared/job.js';

export const JobPatch = Job.omit({ id: true, updatedAt: true, revision: true }).partial();
export type JobPatch = z.infer<typeof JobPatch>;
