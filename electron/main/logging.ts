// The main process's log: electron-log, writing to the OS's log folder for the app (rotated at
// 5 MB), with every message redacted before any transport sees it.
//
// Why electron-log: it is the maintained, dependency-free logger most Electron apps use; it knows
// each OS's log folder, rotates the file, and has hooks that rewrite a message before it reaches a
// transport, the one place redaction must sit. Its `electron-log/node` entry is used, not
// `electron-log/main`: the latter registers its own ipcMain channel on import (for logs from
// renderers), and the only IPC in Mull is the contract's.
import { join } from 'node:path';
import log from 'electron-log/node';
import type { Logger } from '../../node/backend/dispatch.js';
import { redactLogValue } from './redact-secrets.js';

export interface AppLog {
  info: (message: string) => void;
  warn: (message: string, error?: unknown) => void;
  error: (message: string, error?: unknown) => void;
  /** For the backend: a message and, perhaps, the error behind it (never a request payload). */
  backend: Logger;
  /** The log file's path (for "open the log" and bug reports). */
  file: string;
}

export interface LoggingOptions {
  /** The OS's log folder for the app (`app.getPath('logs')`). */
  logsDir: string;
  /** Also print to the terminal (development). */
  console: boolean;
}

export function startLogging({ logsDir, console }: LoggingOptions): AppLog {
  const file = join(logsDir, 'main.log');
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.file.level = 'info';
  log.transports.console.level = console ? 'info' : false;
  // Never send log lines to a page or a server (the ipc transport exists only inside Electron).
  const { ipc, remote } = log.transports as Partial<typeof log.transports>;
  if (ipc) ipc.level = false;
  if (remote) remote.level = false;
  // Hooks run for every message and every transport, before it is written.
  log.hooks.push((message) => ({ ...message, data: message.data.map(redactLogValue) }));

  const withError = (message: string, error: unknown) =>
    error === undefined ? [message] : [message, error];
  return {
    info: (message) => log.info(message),
    warn: (message, error) => log.warn(...withError(message, error)),
    error: (message, error) => log.error(...withError(message, error)),
    backend: (message, error) => log.warn(...withError(message, error)),
    file,
  };
}

/** Uncaught errors are logged (redacted) instead of shown in Electron's raw error dialog. */
export function logUncaughtErrors(): void {
  log.errorHandler.startCatching({ showDialog: false });
}
