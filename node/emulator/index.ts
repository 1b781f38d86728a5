export { startEmulator, type RunningEmulator, type StartOptions } from './server.js';
export { ControlClient } from './control-client.js';
export type { LoggedRequest } from './request-log.js';
export type * from './script.js';
