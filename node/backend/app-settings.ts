// The person's settings that live in the database (never keys: those are in the keychain).
import { AppSettings, defaultAppSettings } from '../../shared/ipc/contract.js';
import { appSettingsKey as key, type JobManager } from '../core/engine/index.js';

export function readSettings(manager: JobManager): AppSettings {
  const stored = AppSettings.omit({ priceOverrides: true })
    .partial()
    .safeParse(manager.appSetting(key) ?? {});
  return {
    ...defaultAppSettings,
    ...(stored.success ? stored.data : {}),
    priceOverrides: manager.settings.priceOverrides(),
  };
}

export function updateSettings(manager: JobManager, patch: Partial<AppSettings>): AppSettings {
  const { priceOverrides, ...rest } = patch;
  if (priceOverrides) manager.settings.setPriceOverrides(priceOverrides);
  if (rest.defaultProviderId !== undefined) manager.settings.provider(rest.defaultProviderId); // must exist
  const current = readSettings(manager);
  const { priceOverrides: _current, ...stored } = { ...current, ...rest };
  manager.setAppSetting(key, stored);
  return readSettings(manager);
}
