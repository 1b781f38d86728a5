// The `mull` command table, in the order `mull --help` lists it. Each command's module is loaded
// only when it runs (or its help is asked for): `mull list` never loads what `mull submit` needs.
import type { Command } from '../command.js';

export interface CommandEntry {
  name: string;
  /** One line for `mull --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: 'submit',
    summary: 'send a prompt as a background job and print its id',
    load: async () => (await import('./submit.js')).submitCommand,
  },
  {
    name: 'templates',
    summary: 'list the saved templates and their placeholders',
    load: async () => (await import('./templates.js')).templatesCommand,
  },
  {
    name: 'list',
    summary: 'list jobs, newest first',
    load: async () => (await import('./list.js')).listCommand,
  },
  {
    name: 'show',
    summary: "print a job's answer (--json: the whole job)",
    load: async () => (await import('./show.js')).showCommand,
  },
  {
    name: 'wait',
    summary: 'wait until a job is finished (--print: then print its answer)',
    load: async () => (await import('./wait.js')).waitCommand,
  },
  {
    name: 'attach',
    summary: 'store a background response as a job, by its response id',
    load: async () => (await import('./attach.js')).attachCommand,
  },
  {
    name: 'cancel',
    summary: 'cancel a job on the server',
    load: async () => (await import('./cancel.js')).cancelCommand,
  },
  {
    name: 'search',
    summary: 'find jobs by the words of their title, prompt or answer',
    load: async () => (await import('./search.js')).searchCommand,
  },
  {
    name: 'run',
    summary: 'drive unfinished jobs until each is finished (--watch: keep going)',
    load: async () => (await import('./run.js')).runCommand,
  },
  {
    name: 'providers',
    summary: 'list the providers: id, name, base URL, and whether a key is set',
    load: async () => (await import('./providers.js')).providersCommand,
  },
  {
    name: 'key',
    summary: "store or remove a provider's API key in the OS keychain (key set, key clear)",
    load: async () => (await import('./key.js')).keyCommand,
  },
  {
    name: 'check',
    summary: 'check the database and every attachment in the data directory (writes nothing)',
    load: async () => (await import('./check.js')).checkCommand,
  },
];
