// The log of a web host run from the terminal: stderr, so stdout keeps the one line with the URL.
import type { Logger } from '../backend/dispatch.js';

export const stderrLog: Logger = (message, error) => {
  if (error === undefined) console.error(`mull: ${message}`);
  else console.error(`mull: ${message}:`, error);
};
