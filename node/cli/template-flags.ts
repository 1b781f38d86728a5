// `mull submit --template NAME --var key=value` and `--save-template NAME`: start a job from a
// saved template (its {{placeholders}} filled from --var), or save a prompt and its options as one.
import {
  JobTemplate,
  fillTemplate,
  missingValuesSentence,
  type JobTemplateInput,
} from '../../shared/job-template.js';
import { UsageError, zodSentence } from './cli-errors.js';
import type { CliSession } from './session.js';

export const templateFlagOptions = {
  template: { type: 'string' },
  var: { type: 'string', multiple: true },
  'save-template': { type: 'string' },
} as const;

export const templateFlagsHelp = `Templates (saved in the app's data directory; 'mull templates' lists them):
  --template NAME            start from template NAME: its prompt, instructions, models, effort
                             and tools; an option given here wins over the template's
  --var KEY=VALUE            the value of the template's {{KEY}} (repeatable)
  --save-template NAME       save the prompt (its {{placeholders}} as they are) and the options
                             as template NAME, replacing one of that name; nothing is sent`;

/** The values of `--var key=value`, each key once. */
export function templateVars(list: readonly string[] | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const entry of list ?? []) {
    const at = entry.indexOf('=');
    const key = at === -1 ? '' : entry.slice(0, at).trim();
    if (key === '')
      throw new UsageError(`--var '${entry}' is not KEY=VALUE, e.g. --var topic=sorting`);
    if (key in values) throw new UsageError(`--var ${key} is given twice`);
    values[key] = entry.slice(at + 1);
  }
  return values;
}

/** The template of that name (ignoring case), or a usage error naming the ones there are. */
export async function templateNamed(session: CliSession, name: string): Promise<JobTemplate> {
  const manager = await session.openReader();
  try {
    const template = manager.settings.template(name);
    if (template) return template;
    const names = manager.settings.templates().map((entry) => `'${entry.name}'`);
    throw new UsageError(
      names.length === 0
        ? `There is no template '${name}': none is saved yet (--save-template NAME saves one)`
        : `There is no template '${name}'; there are ${names.join(', ')}`,
    );
  } finally {
    await manager.close();
  }
}

/** The template's prompt and instructions, its placeholders filled; a missing value is a usage error. */
export function filledTemplate(template: JobTemplate, vars: Readonly<Record<string, string>>) {
  const filled = fillTemplate(template, vars);
  if ('missing' in filled) {
    throw new UsageError(
      `Template '${template.name}' needs a value: ${missingValuesSentence(filled.missing)} (--var KEY=VALUE)`,
    );
  }
  return filled;
}

/** Saves a template from the command line's prompt and options. */
export async function saveTemplate(
  session: CliSession,
  input: JobTemplateInput,
): Promise<JobTemplate> {
  const parsed = JobTemplate.safeParse(input);
  if (!parsed.success) throw new UsageError(zodSentence(parsed.error));
  const manager = await session.openReader();
  try {
    return manager.settings.saveTemplate(parsed.data);
  } finally {
    await manager.close();
  }
}
