// "Also ask": the other models the same prompt goes to, for a side-by-side comparison.
import type { ModelInfo } from '../../../shared/models.js';

interface Props {
  /** Every known model but the one chosen above. */
  models: readonly ModelInfo[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}

export function CompareModelsField({ models, chosen, onChange }: Props) {
  if (models.length === 0) return null;
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...chosen, id] : chosen.filter((candidate) => candidate !== id));
  return (
    <details className="composer__compare" open={chosen.length > 0}>
      <summary>
        Compare with other models
        {chosen.length > 0 && <span className="muted"> ({chosen.length} chosen)</span>}
      </summary>
      <fieldset className="field">
        <legend className="visually-hidden">Also ask</legend>
        {models.map((model) => (
          <label key={model.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(model.id)}
              onChange={(event) => toggle(model.id, event.target.checked)}
            />
            {model.label}
          </label>
        ))}
        <p className="field__hint">
          Each prompt goes to every model ticked here too, each with the effort above when it takes
          it; the answers open side by side.
        </p>
      </fieldset>
    </details>
  );
}
