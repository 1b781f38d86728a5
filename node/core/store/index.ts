// The job store's public face: open the database, then read and write jobs through a JobStore.
export {
  assertSoundDatabase,
  checkIntegrity,
  databaseFileName,
  databasePathIn,
  explainReadFailure,
  openDatabase,
  lockUnwritable,
  openLockDatabase,
  sqliteNativeBindingVariable,
  wasCheckedAtOpen,
  type Database,
} from './open-database.js';
export {
  JobStore,
  type JobStoreOptions,
  type PositionedItem,
  type UpdateOptions,
} from './job-store.js';
export { JobPatch, type TextAppend } from './job-patch.js';
export type { ModelSpend, SpendSum, SpendTotals } from './spend-queries.js';
export {
  InvalidCursorError,
  JobNotFoundError,
  StoreOpenError,
  type StoreOpenFailure,
} from './store-errors.js';
