// Settings: general options, providers and their keys, price corrections.
import { useModels, useProviders, useSettings } from '../data/use-app-data.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { PaneHeading } from '../ui/PaneHeading.js';
import { AddProviderForm } from './AddProviderForm.js';
import { BudgetSettings } from './BudgetSettings.js';
import { GeneralSettings } from './GeneralSettings.js';
import { PriceOverrides } from './PriceOverrides.js';
import { ProviderCard } from './ProviderCard.js';

export function SettingsView({ onClose }: { onClose: () => void }) {
  const settings = useSettings();
  const models = useModels();
  const providers = useProviders();
  const error = settings.error ?? models.error ?? providers.error;
  return (
    <section className="settings" aria-labelledby="settings-title">
      <PaneHeading titleId="settings-title" closeLabel="Close settings" onClose={onClose}>
        Settings
      </PaneHeading>
      <ErrorNote error={error} prefix="Settings could not be loaded." />
      {settings.data && models.data && (
        <GeneralSettings settings={settings.data} models={models.data} />
      )}
      {settings.data && <BudgetSettings settings={settings.data} />}
      {settings.data && providers.data && (
        <section className="settings-section" aria-labelledby="providers-title">
          <h3 id="providers-title">Providers and API keys</h3>
          <p className="muted">
            Keys are kept in your system’s keychain. Mull shows only their last four characters.
          </p>
          <ul className="provider-list">
            {providers.data.map((provider) => (
              <ProviderCard
                key={provider.id}
                provider={provider}
                isDefault={provider.id === settings.data.defaultProviderId}
              />
            ))}
          </ul>
          <AddProviderForm providers={providers.data} />
        </section>
      )}
      {settings.data && models.data && (
        <PriceOverrides settings={settings.data} models={models.data} />
      )}
    </section>
  );
}
