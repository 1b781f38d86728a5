// Notifications, the default model and the default instructions.
import { useId, useState } from 'react';
import type { AppSettings } from '../../../shared/ipc/contract.js';
import type { ModelInfo } from '../../../shared/models.js';
import { useUpdateSettings } from '../data/use-app-data.js';
import {
  askNotificationPermission,
  canNotifyFromPage,
} from '../notifications/browser-notifications.js';
import { ErrorNote } from '../ui/ErrorNote.js';

export function GeneralSettings({
  settings,
  models,
}: {
  settings: AppSettings;
  models: readonly ModelInfo[];
}) {
  const update = useUpdateSettings();
  const modelId = useId();
  const instructionsId = useId();
  // Saved when the field is left, not on every key.
  const [instructions, setInstructions] = useState(settings.defaultInstructions);
  const known = models.some((model) => model.id === settings.defaultModel);
  const blocked = canNotifyFromPage() && Notification.permission === 'denied';
  return (
    <section className="settings-section" aria-labelledby={`${modelId}-general`}>
      <h3 id={`${modelId}-general`}>General</h3>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.notifications}
          onChange={(event) => {
            const on = event.target.checked;
            // The browser asks only during a click: this is the moment.
            if (on) askNotificationPermission();
            update.mutate({ notifications: on });
          }}
        />
        Notify me when a job ends
      </label>
      {settings.notifications && blocked && (
        <p className="field__hint">
          This browser blocks notifications for this page; allow them in its site settings.
        </p>
      )}
      <div className="field">
        <label htmlFor={modelId}>Default model for new jobs</label>
        <select
          id={modelId}
          value={settings.defaultModel}
          onChange={(event) => update.mutate({ defaultModel: event.target.value })}
        >
          {!known && <option value={settings.defaultModel}>{settings.defaultModel}</option>}
          {models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={instructionsId}>Default instructions for new jobs</label>
        <textarea
          id={instructionsId}
          rows={3}
          value={instructions}
          placeholder="None: the model gets only the prompt."
          aria-describedby={`${instructionsId}-hint`}
          onChange={(event) => setInstructions(event.target.value)}
          onBlur={() => {
            if (instructions !== settings.defaultInstructions) {
              update.mutate({ defaultInstructions: instructions });
            }
          }}
        />
        <p id={`${instructionsId}-hint`} className="field__hint">
          A system prompt the composer starts each new job with (it can be changed per job).
        </p>
      </div>
      <ErrorNote error={update.error} prefix="The setting was not saved." />
    </section>
  );
}
