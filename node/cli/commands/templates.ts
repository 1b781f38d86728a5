// `mull templates`: the saved templates: each one's name, its models and the placeholders a
// `mull submit --template NAME` fills with --var.
import { placeholdersOf } from '../../../shared/job-template.js';
import { exitCodes } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { formatTable } from '../job-format.js';

export const templatesCommand = defineCommand({
  name: 'templates',
  help: `Usage: mull templates

Lists the saved templates (made in the app's composer, or with 'mull submit --save-template NAME'):
each one's name, its models, and its placeholders, which 'mull submit --template NAME --var
KEY=VALUE' fills. With --json: { templates: [...] }, each template whole.`,
  options: {},
  positionals: { min: 0, max: 0, name: '' },
  async run(session) {
    const manager = await session.openSettingsReader();
    try {
      const templates = manager.settings.templates();
      if (session.json) {
        session.printJson({ templates });
        return exitCodes.ok;
      }
      if (templates.length === 0) {
        session.say(
          "mull: no template is saved yet; 'mull submit --save-template NAME ...' saves one.",
        );
        return exitCodes.ok;
      }
      const rows = templates.map((template) => [
        template.name,
        template.models.join(', '),
        placeholdersOf(template)
          .map((name) => `{{${name}}}`)
          .join(' ') || '-',
      ]);
      session.out(formatTable([['NAME', 'MODELS', 'PLACEHOLDERS'], ...rows]));
      return exitCodes.ok;
    } finally {
      await manager.close();
    }
  },
});
