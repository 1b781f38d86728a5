// The job engine's public face: everything outside node/core/engine (the CLI, the backend,
// the web host, the app) uses jobs through these names only. The driver, the fold, the writer and
// the store stay inside (docs/ARCHITECTURE.md, "Layers").
export {
  JobActionRefused,
  JobManager,
  JobNotFoundError,
  type KeySource,
  type ManagerOptions,
} from './job-manager.js';
export { AttachRefused, type AttachInput } from './attach-response.js';
export { DriverLockedError } from './driver-lock.js';
export {
  defaultEngineOptions,
  engineOptions,
  type EngineOptions,
  type EngineOptionsInput,
} from './engine-options.js';
export { EngineSettings, UnknownProviderError, appSettingsKey } from './settings.js';
export type { ChangeListener, JobChange } from './job-writer.js';
