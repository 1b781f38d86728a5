// The "Provider" field: a labelled select of the configured providers.
import type { ProviderConfig } from '../../../shared/provider.js';

export function ProviderField({
  id,
  providers,
  value,
  onChange,
}: {
  id: string;
  providers: readonly ProviderConfig[];
  value: string;
  onChange: (providerId: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Provider</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {providers.map((provider) => (
          <option key={provider.id} value={provider.id}>
            {provider.label}
          </option>
        ))}
      </select>
    </div>
  );
}
