// A template: a prompt kept to start jobs from, with {{placeholders}} filled in at each start (in
// the composer, or `mull submit --template NAME --var key=value`), and the choices that go with it:
// instructions, models (several make a comparison), effort, tools, attachments, tier.
import { z } from 'zod';
import { JobAttachments } from './job-attachments.js';
import { ReasoningEffort, ServiceTier } from './job.js';
import { JobTools } from './job-tools.js';

export const templateNameMax = 100;

export const JobTemplate = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'A template needs a name.')
    .max(templateNameMax, `A template name is at most ${templateNameMax} characters.`),
  prompt: z.string().min(1, 'The template’s prompt is empty.').max(1_000_000),
  instructions: z.string().max(100_000).optional(),
  /** The first is the job's model; more make a comparison. */
  models: z.array(z.string().min(1)).min(1).max(10),
  effort: ReasoningEffort.optional(),
  tools: JobTools.optional(),
  attachments: JobAttachments.optional(),
  serviceTier: ServiceTier.optional(),
});
export type JobTemplate = z.output<typeof JobTemplate>;
export type JobTemplateInput = z.input<typeof JobTemplate>;

/** `{{ name }}`: letters, digits, `_`, `-` and `.`, spaces around the name allowed. */
const placeholderPattern = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu;

/** The placeholders of a template, each once, in the order they first appear. */
export function placeholdersOf(template: Pick<JobTemplate, 'prompt' | 'instructions'>): string[] {
  const text = `${template.prompt}\n${template.instructions ?? ''}`;
  return [...new Set([...text.matchAll(placeholderPattern)].map((match) => match[1] ?? ''))];
}

export type FilledTemplate =
  { prompt: string; instructions: string | undefined } | { missing: string[] };

/**
 * The template's prompt and instructions with every placeholder replaced by its value. A value is
 * put in as it is (never read again for placeholders); a placeholder without one is `missing`.
 */
export function fillTemplate(
  template: Pick<JobTemplate, 'prompt' | 'instructions'>,
  values: Readonly<Record<string, string>>,
): FilledTemplate {
  const missing = placeholdersOf(template).filter((name) => values[name] === undefined);
  if (missing.length > 0) return { missing };
  const fill = (text: string) =>
    text.replace(placeholderPattern, (_whole, name: string) => values[name] ?? '');
  return {
    prompt: fill(template.prompt),
    instructions: template.instructions === undefined ? undefined : fill(template.instructions),
  };
}

/** "Give a value for {{topic}} and {{audience}}." */
export function missingValuesSentence(missing: readonly string[]): string {
  const names = missing.map((name) => `{{${name}}}`);
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Give a value for ${list}.`;
}
