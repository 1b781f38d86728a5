// The engine's refusals, apart from the manager so the read-only face (job-reader.ts) can throw
// them without loading the provider client.
export { JobNotFoundError } from '../store/store-errors.js';

export class JobActionRefused extends Error {}
