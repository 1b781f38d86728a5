// The composer's "Flex (cheaper, may wait)" choice: OpenAI's flex processing bills about half the
// standard price for work that can wait, and may refuse a job for lack of capacity (Mull then
// waits and sends it again; https://platform.openai.com/docs/guides/flex-processing). Shown only
// for models that take flex (a Flex price in the registry).
import type { ModelInfo } from '../../../shared/models.js';
import { supportsFlex } from '../../../shared/tier-price.js';

/** The model priced at the tier the job will ask for: its flex price when flex is on and taken. */
export function atChosenTier<M extends ModelInfo | undefined>(model: M, flex: boolean): M {
  if (!flex || model === undefined || model.flexPrice === undefined) return model;
  return { ...model, price: model.flexPrice };
}

export function FlexField({
  model,
  checked,
  onChange,
}: {
  model: ModelInfo | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  if (!supportsFlex(model)) return null;
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      Flex (cheaper, may wait): about half price; the provider may make it wait for capacity
    </label>
  );
}
