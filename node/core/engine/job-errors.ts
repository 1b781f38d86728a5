// The engine's refusals, apart from the manager so the read-only face (job-reader.ts) can throw
// them without loading the provider client.
export class JobNotFound extends Error {
  constructor(readonly id: string) {
    super(`There is no job '${id}'.`);
  }
}

export class JobActionRefused extends Error {}
