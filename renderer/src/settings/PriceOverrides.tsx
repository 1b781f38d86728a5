// Corrects a model's price (prices change more often than Mull ships): per 1M tokens, dated today.
import { useEffect, useId, useRef, useState } from 'react';
import type { AppSettings } from '../../../shared/ipc/contract.js';
import { findModel, type ModelInfo } from '../../../shared/models.js';
import { useUpdateSettings } from '../data/use-app-data.js';
import { todayIsoDate } from '../format/dates.js';
import { formatPricePerMillion } from '../format/numbers.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { parsePriceFields } from './price-override.js';

interface Props {
  settings: AppSettings;
  models: readonly ModelInfo[];
}

const pricesHashPrefix = '#/settings/prices';

/**
 * The link to this section for a model ("cost unknown: add a price"): Settings, with the model
 * preselected. The route parser reads any `#/settings/...` as Settings, so the rest is ours.
 */
export function priceOverrideHash(model: string): string {
  return `${pricesHashPrefix}/${encodeURIComponent(model)}`;
}

/** The model a price link asks for: null when the hash is not one; '' for no particular model. */
export function modelFromPriceHash(hash: string): string | null {
  if (hash !== pricesHashPrefix && !hash.startsWith(`${pricesHashPrefix}/`)) return null;
  const rest = hash.slice(pricesHashPrefix.length + 1);
  try {
    return decodeURIComponent(rest);
  } catch {
    return '';
  }
}

export function PriceOverrides({ settings, models }: Props) {
  const [asked] = useState(() => modelFromPriceHash(window.location.hash));
  const askedModel = asked ? findModel(asked) : undefined;
  const [modelId, setModelId] = useState(
    (askedModel && models.some((m) => m.id === askedModel.id) ? askedModel.id : models[0]?.id) ??
      '',
  );
  const selectId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (asked !== null) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, [asked]);
  const model = models.find((candidate) => candidate.id === modelId);
  return (
    <section ref={sectionRef} className="settings-section" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`}>Prices</h3>
      <p className="muted">
        Mull prices jobs with the table it ships with. If a provider’s price changed, correct it
        here; it applies to jobs that end from now on.
      </p>
      {asked && !askedModel && (
        <p className="field__hint" role="note">
          ‘{asked}’ is not in Mull’s model table, so its jobs have no price yet: a correction
          applies to the models listed here only.
        </p>
      )}
      <div className="field">
        <label htmlFor={selectId}>Model</label>
        <select id={selectId} value={modelId} onChange={(event) => setModelId(event.target.value)}>
          {models.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
              {settings.priceOverrides[candidate.id] ? ' (corrected)' : ''}
            </option>
          ))}
        </select>
      </div>
      {model && <PriceOverrideFields key={model.id} model={model} settings={settings} />}
    </section>
  );
}

function PriceOverrideFields({ model, settings }: { model: ModelInfo; settings: AppSettings }) {
  const { price } = model;
  const [input, setInput] = useState(String(price.inputUsdPerMillion));
  const [cached, setCached] = useState(
    price.cachedInputUsdPerMillion === null ? '' : String(price.cachedInputUsdPerMillion),
  );
  const [output, setOutput] = useState(String(price.outputUsdPerMillion));
  const [problem, setProblem] = useState<string | null>(null);
  const update = useUpdateSettings();
  const ids = { input: useId(), cached: useId(), output: useId() };
  const builtIn = findModel(model.id)?.price;
  const override = settings.priceOverrides[model.id];

  const save = () => {
    const parsed = parsePriceFields({ input, cached, output }, todayIsoDate());
    if (typeof parsed === 'string') {
      setProblem(parsed);
      return;
    }
    setProblem(null);
    update.mutate({ priceOverrides: { ...settings.priceOverrides, [model.id]: parsed } });
  };
  const reset = () => {
    const { [model.id]: _removed, ...rest } = settings.priceOverrides;
    update.mutate({ priceOverrides: rest });
  };

  return (
    <form
      className="price-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.input}>Input, USD per 1M</label>
          <input
            id={ids.input}
            inputMode="decimal"
            value={input}
            onChange={(event) => setInput(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.cached}>Cached input, USD per 1M</label>
          <input
            id={ids.cached}
            inputMode="decimal"
            value={cached}
            placeholder="no discount"
            onChange={(event) => setCached(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.output}>Output, USD per 1M</label>
          <input
            id={ids.output}
            inputMode="decimal"
            value={output}
            onChange={(event) => setOutput(event.target.value)}
          />
        </div>
      </div>
      {builtIn && (
        <p className="field__hint">
          Built in: {formatPricePerMillion(builtIn.inputUsdPerMillion)} input,{' '}
          {builtIn.cachedInputUsdPerMillion === null
            ? 'no cached discount'
            : `${formatPricePerMillion(builtIn.cachedInputUsdPerMillion)} cached`}
          , {formatPricePerMillion(builtIn.outputUsdPerMillion)} output (checked {builtIn.checkedOn}
          ).
          {override && ` Corrected on ${override.checkedOn}.`}
        </p>
      )}
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNote error={update.error} prefix="The price was not saved." />
      <div className="button-row">
        <button type="submit" className="button" disabled={update.isPending}>
          Save price
        </button>
        {override && (
          <button type="button" className="button" disabled={update.isPending} onClick={reset}>
            Use the built-in price
          </button>
        )}
      </div>
    </form>
  );
}
