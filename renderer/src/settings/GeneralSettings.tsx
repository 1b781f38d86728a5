// Notifications and the default model.
import { useId } from 'react';
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
      <ErrorNote error={update.error} prefix="The setting was not saved." />
    </section>
  );
}
