// The reasoning effort picker, as the composer and the follow-up form show it: the efforts the
// chosen model accepts, nothing when it takes none.
import type { ReasoningEffort } from '../../../shared/job.js';

export function EffortField({
  id,
  efforts,
  effort,
  onChange,
}: {
  id: string;
  efforts: readonly ReasoningEffort[];
  effort: ReasoningEffort | null | undefined;
  onChange: (effort: ReasoningEffort) => void;
}) {
  if (efforts.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={id}>Reasoning effort</label>
      <select
        id={id}
        value={effort ?? ''}
        onChange={(event) => onChange(event.target.value as ReasoningEffort)}
      >
        {efforts.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}
