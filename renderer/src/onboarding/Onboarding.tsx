// First run: the default provider has no key and this is not the demo. Says what Mull does, takes
// the key right here, and points to the demo for trying it without one.
import { useState } from 'react';
import { useAppInfo, useKeyStatus, useProviders, useSettings } from '../data/use-app-data.js';
import { ApiKeyForm } from '../settings/ApiKeyForm.js';

export function Onboarding() {
  const [dismissed, setDismissed] = useState(false);
  const info = useAppInfo();
  const settings = useSettings();
  const providers = useProviders();
  const providerId = settings.data?.defaultProviderId;
  const keyStatus = useKeyStatus(providerId);
  const provider = providers.data?.find((candidate) => candidate.id === providerId);
  const needsKey =
    keyStatus.data?.set === false && info.data !== undefined && info.data.mode !== 'demo';
  if (dismissed || !needsKey || !provider) return null;
  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">Welcome to Mull</h2>
      <p>
        Queue hard problems for slow reasoning models, close the lid, and come back to finished
        answers. Every answer is kept on this computer with its token usage and cost, and a dropped
        connection never loses a job.
      </p>
      <p>
        To send jobs to {provider.label}, enter an API key. It is stored in your system’s keychain;
        Mull shows only its last four characters.
      </p>
      <ApiKeyForm providerId={provider.id} providerLabel={provider.label} keyIsSet={false} />
      <p className="muted">
        No key at hand? Try the demo: <code>npm run demo</code> runs Mull against a local stand-in
        for the API, with no key and no cost.
      </p>
      <button type="button" className="button" onClick={() => setDismissed(true)}>
        Not now
      </button>
    </section>
  );
}
