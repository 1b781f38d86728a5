// The backend both transports share: the engine for a data directory, the contract's handlers,
// and the events they push. Electron's main process and the web host each wrap one of these.
import { type EventChannel, type EventOf, type Handlers } from '../../shared/ipc/contract.js';
import type { Settled } from '../../shared/ipc/envelope.js';
import { summaryOf } from '../../shared/job-summary.js';
import { DriverLockedError, type EngineOptionsInput, JobManager } from '../core/engine/index.js';
import {
  providerIdOfAccount,
  type KeyAvailability,
  type KeySourceWithStatus,
  type KeyStore,
} from '../core/secrets/index.js';
import { attachmentFiles, type AttachmentFiles } from './attachment-upload.js';
import type { IntegrityVerdict } from './background-check.js';
import { dispatchRequest, type Logger } from './dispatch.js';
import { eventHub } from './event-hub.js';
import { watchExternalChanges } from './external-changes.js';
import { budgetAlertDue } from './budget-alerts.js';
import { createHandlers } from './handlers.js';
import { TextPusher } from './text-push.js';

export type EventListener = <E extends EventChannel>(event: E, payload: EventOf<E>) => void;

export interface BackendOptions {
  dataDir: string;
  mode: 'electron' | 'web' | 'demo';
  version: string;
  /**
   * Where keys are stored (the OS keychain, through keychainService()). When it can tell that the
   * keychain answers again after failing, jobs paused for a key go on by themselves.
   */
  keyStore: KeyStore & Partial<KeyAvailability>;
  /** Where the engine reads keys (the keychain, or OPENAI_API_KEY for headless use). */
  keys: KeySourceWithStatus;
  engine?: EngineOptionsInput;
  openExternal?: (url: string) => Promise<void>;
  log: Logger;
}

/**
 * What a host thread (Electron's main process, the web host) needs of a backend: the same whether
 * the backend runs in this thread (startBackend) or in a worker of its own (startBackendThread).
 */
export interface HostBackend {
  /** Runs one request from a transport: validated in, validated out, errors as envelopes. */
  dispatch(channel: unknown, payload: unknown): Promise<Settled<unknown>>;
  onEvent(listener: EventListener): () => void;
  /** Tells the listeners an event of the host's own (app:showJob), checked like the engine's. */
  emit: EventListener;
  /** Attachment bytes, outside the JSON contract. */
  readonly files: AttachmentFiles;
  /** Asks the server about every open job now (after a wake: see reconcile-on-wake.ts). */
  reconcile(): void;
  /**
   * How the database's pages were checked this run: at open after a crash, else in the background
   * (on worker threads), where damage found stops all writing and every request says why.
   */
  readonly integrity: Promise<IntegrityVerdict>;
  /** Flushes the engine and releases the driver lock. */
  close(): Promise<void>;
}

/** A backend in this thread: its engine too, for tests and tools that look inside. */
export interface Backend extends HostBackend {
  readonly manager: JobManager;
  readonly handlers: Handlers;
}

/** Opens the data directory and drives its jobs (or only shows them when `mull run` drives). */
export function startBackend(options: BackendOptions): Backend {
  const manager = openManager(options);
  // Validated out like every answer: nothing outside the contract's schema ever leaves.
  const hub = eventHub(options.log);
  const { emit } = hub;
  // Write, then tell: the manager calls this only after the change is on disk.
  // The text first: a page that applied it needs nothing more than the summary that follows.
  // After a job ends: has the month's spend reached 80 % or 100 % of the budget?
  const announceBudget = () => {
    try {
      const due = budgetAlertDue(manager);
      if (due) emit('budget:reached', due);
    } catch (error) {
      options.log('the monthly budget could not be checked', error);
    }
  };
  const texts = new TextPusher();
  manager.onChange(({ job, becameTerminal }) => {
    const summary = summaryOf(job);
    emit('jobs:text', texts.next(job));
    emit('jobs:changed', { job: summary });
    if (becameTerminal) {
      emit('jobs:terminal', { job: summary });
      announceBudget();
    }
  });
  manager.onDeleted((id) => {
    texts.forget(id);
    emit('jobs:deleted', { id });
  });
  const handlers = createHandlers({
    manager,
    keyStore: options.keyStore,
    keys: options.keys,
    info: { version: options.version, mode: options.mode, dataDir: options.dataDir },
    openExternal: options.openExternal,
  });
  manager.resumeAll();
  // A key that could not be read can be read again (or changed outside Mull): its provider's jobs
  // paused for a key go on (one paused for a refused key just asks once more).
  const stopKeyWatch = options.keyStore.onAvailableAgain?.((account) =>
    manager.keyChanged(providerIdOfAccount(account)),
  );
  const stopWatching = manager.isDriving
    ? undefined
    : watchExternalChanges(manager, {
        changed: (job) => emit('jobs:changed', { job }),
        terminal: (job) => {
          emit('jobs:terminal', { job });
          announceBudget();
        },
      });
  return {
    manager,
    handlers,
    dispatch: (channel, payload) => dispatchRequest(handlers, channel, payload, options.log),
    onEvent: hub.onEvent,
    emit,
    files: attachmentFiles(manager.attachments, options.log),
    reconcile: () => manager.reconcile(),
    // In this thread there is no other to check in: only a start after a crash checks.
    integrity: Promise.resolve(manager.checkedAtOpen ? { checked: 'at-open' } : { checked: 'not' }),
    close: async () => {
      stopWatching?.();
      stopKeyWatch?.();
      hub.clear();
      await manager.close();
    },
  };
}

function openManager(options: BackendOptions): JobManager {
  const common = { dataDir: options.dataDir, keys: options.keys, engine: options.engine };
  try {
    return JobManager.open({ ...common, drive: true });
  } catch (error) {
    if (!(error instanceof DriverLockedError)) throw error;
    options.log(`${error.message} Showing jobs without driving them.`);
    return JobManager.open({ ...common, drive: false });
  }
}
