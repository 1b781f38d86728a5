// Points a data directory at an emulator: a provider for it, made the default with a default
// model, stored the way the app stores them. Used by the demo and the Playwright fixture before
// the app opens the directory.
import { defaultModelId } from '../../shared/models.js';
import { updateSettings } from '../backend/app-settings.js';
import { JobManager } from '../core/engine/index.js';

export interface EmulatorProvider {
  id: string;
  label: string;
  baseUrl: string;
}

export async function makeDefaultProvider(
  dataDir: string,
  provider: EmulatorProvider,
  model = defaultModelId,
): Promise<void> {
  // A reader: it stores settings but never takes the driver lock or sends anything.
  const manager = JobManager.open({
    dataDir,
    keys: { get: () => Promise.resolve(undefined) },
    drive: false,
  });
  try {
    manager.settings.saveProvider({ ...provider, kind: 'compatible', authStyle: 'bearer' });
    updateSettings(manager, { defaultProviderId: provider.id, defaultModel: model });
  } finally {
    await manager.close();
  }
}
