// Chooses the model, showing each one's price per 1M tokens and context window; a model Mull does
// not know (an Azure deployment, a compatible server's model) can be typed in.
import { useId } from 'react';
import type { ModelInfo } from '../../../shared/models.js';
import { limitsText, optionText, priceText } from './model-text.js';

const otherModel = '__other__';

interface Props {
  models: readonly ModelInfo[];
  value: string;
  onChange: (model: string) => void;
}

export function ModelPicker({ models, value, onChange }: Props) {
  const selectId = useId();
  const otherId = useId();
  const detailsId = useId();
  const known = models.find((model) => model.id === value);
  return (
    <div className="field">
      <label htmlFor={selectId}>Model</label>
      <select
        id={selectId}
        value={known ? value : otherModel}
        aria-describedby={detailsId}
        onChange={(event) => onChange(event.target.value === otherModel ? '' : event.target.value)}
      >
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {optionText(model)}
          </option>
        ))}
        <option value={otherModel}>Another model or deployment…</option>
      </select>
      {!known && (
        <>
          <label htmlFor={otherId} className="field__sub-label">
            Model or deployment name
          </label>
          <input
            id={otherId}
            type="text"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            placeholder="e.g. my-gpt-5-deployment"
            autoComplete="off"
            spellCheck={false}
          />
        </>
      )}
      <p id={detailsId} className="field__hint">
        {known
          ? `${priceText(known)}. ${limitsText(known)}.`
          : 'Mull knows no price or limits for this model: the cost shows as unknown.'}
        {known?.needsDataSourceTool &&
          ' Deep research models need a data-source tool (web search, file search), which Mull does not send yet: the provider may refuse the job.'}
      </p>
    </div>
  );
}
