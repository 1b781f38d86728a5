// The `mull` command table, in the order `mull --help` lists it.
import type { Command } from '../command.js';
import { attachCommand } from './attach.js';
import { cancelCommand } from './cancel.js';
import { listCommand } from './list.js';
import { runCommand } from './run.js';
import { searchCommand } from './search.js';
import { showCommand } from './show.js';
import { submitCommand } from './submit.js';
import { waitCommand } from './wait.js';

export const commands: readonly Command[] = [
  submitCommand,
  listCommand,
  showCommand,
  waitCommand,
  attachCommand,
  cancelCommand,
  searchCommand,
  runCommand,
];
