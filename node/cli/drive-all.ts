// What `mull run` does: drive every unfinished job of the data directory (`mull wait` and
// `mull attach` drive their one job only: JobManager.driveOne, attach).
import type { JobManager, KeySource } from '../core/engine/index.js';

/**
 * Resumes every unfinished job, and retries those paused for a key whose provider has a key now:
 * each command line run is a new process that cannot know whether the key changed since the last
 * one (OPENAI_API_KEY set, the keychain updated), and one refused request per job is cheap.
 */
export async function driveAll(manager: JobManager, keys: KeySource): Promise<void> {
  manager.resumeAll();
  const waiting = manager.unfinished().filter((job) => job.status === 'needs_key');
  for (const providerId of new Set(waiting.map((job) => job.providerId))) {
    const provider = manager.settings.providers().find((p) => p.id === providerId);
    if (provider === undefined) continue;
    // A keychain that cannot be read now: those jobs keep waiting (their error says why).
    const key = await keys.get(provider).catch(() => undefined);
    if (key !== undefined) manager.keyChanged(providerId);
  }
}
