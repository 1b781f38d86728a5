// Templates in the composer: start from one (its {{placeholders}} asked for first), or save what
// the composer holds as one. Using a template fills the composer's fields; nothing is sent until
// the person submits.
import { useId, useState } from 'react';
import {
  fillTemplate,
  placeholdersOf,
  type JobTemplate,
  type JobTemplateInput,
} from '../../../shared/job-template.js';
import { useRemoveTemplate, useSaveTemplate, useTemplates } from '../data/use-templates.js';
import { ErrorNote } from '../ui/ErrorNote.js';

/** What a used template puts in the composer. */
export interface AppliedTemplate {
  template: JobTemplate;
  prompt: string;
  instructions: string | undefined;
}

interface Props {
  /** What the composer holds now, to save as a template (no name yet). */
  current: Omit<JobTemplateInput, 'name'>;
  onUse: (applied: AppliedTemplate) => void;
}

export function TemplateBar({ current, onUse }: Props) {
  const templates = useTemplates();
  const save = useSaveTemplate();
  const remove = useRemoveTemplate();
  const [chosenName, setChosenName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [saveName, setSaveName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const ids = { pick: useId(), name: useId() };
  const list = templates.data ?? [];
  const chosen = list.find((template) => template.name === chosenName);
  const placeholders = chosen ? placeholdersOf(chosen) : [];
  const filled = chosen ? fillTemplate(chosen, values) : null;

  const use = () => {
    if (!chosen || !filled || 'missing' in filled) return;
    onUse({ template: chosen, ...filled });
    setChosenName('');
    setValues({});
  };

  return (
    <details className="composer__templates">
      <summary>
        Templates{list.length > 0 && <span className="muted"> ({list.length})</span>}
      </summary>
      {list.length > 0 && (
        <div className="field">
          <label htmlFor={ids.pick}>Start from a template</label>
          <select
            id={ids.pick}
            value={chosenName}
            onChange={(event) => {
              setChosenName(event.target.value);
              setValues({});
            }}
          >
            <option value="">Choose a template…</option>
            {list.map((template) => (
              <option key={template.name} value={template.name}>
                {template.name} ({template.models.join(', ')})
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen && (
        <fieldset className="field">
          <legend>{placeholders.length > 0 ? 'Fill in the template' : chosen.name}</legend>
          {placeholders.map((name) => (
            <label key={name} className="field">
              <span>{name}</span>
              <input
                type="text"
                value={values[name] ?? ''}
                onChange={(event) => setValues({ ...values, [name]: event.target.value })}
              />
            </label>
          ))}
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={filled === null || 'missing' in filled}
              onClick={use}
            >
              Use template
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                remove.mutate(chosen.name);
                setChosenName('');
              }}
            >
              Delete template
            </button>
          </div>
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={ids.name}>Save this prompt as a template</label>
        <div className="button-row">
          <input
            id={ids.name}
            type="text"
            value={saveName}
            placeholder="Template name"
            onChange={(event) => {
              setSaveName(event.target.value);
              setSaved(null);
            }}
          />
          <button
            type="button"
            className="button"
            disabled={saveName.trim() === '' || current.prompt.trim() === '' || save.isPending}
            onClick={() =>
              save.mutate(
                { ...current, name: saveName },
                {
                  onSuccess: (template) => {
                    setSaved(template.name);
                    setSaveName('');
                  },
                },
              )
            }
          >
            Save template
          </button>
        </div>
        <p className="field__hint" aria-live="polite">
          {saved
            ? `Saved “${saved}”.`
            : 'Write {{name}} in the prompt or instructions for a value asked for at each use. The models, effort and tools chosen are kept with it.'}
        </p>
        <ErrorNote error={save.error} prefix="The template was not saved." />
      </div>
    </details>
  );
}
