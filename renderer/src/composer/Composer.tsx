// The composer: a prompt (or several), the model and its options, what it may cost, and submit.
import { useModels, useProviders, useSettings } from '../data/use-app-data.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { ComposerForm } from './ComposerForm.js';

export function Composer({
  onSubmitted,
  onClose,
}: {
  onSubmitted: (ids: string[]) => void;
  onClose: () => void;
}) {
  const settings = useSettings();
  const models = useModels();
  const providers = useProviders();
  const error = settings.error ?? models.error ?? providers.error;
  if (error) return <ErrorNote error={error} prefix="The composer could not load." />;
  if (!settings.data || !models.data || !providers.data)
    return <p className="pane__loading">Loading…</p>;
  return (
    <ComposerForm
      settings={settings.data}
      models={models.data}
      providers={providers.data}
      onSubmitted={onSubmitted}
      onClose={onClose}
    />
  );
}
