// `mull submit --flex`: ask for flex processing (`service_tier: "flex"`, about half price, may
// wait for capacity; https://platform.openai.com/docs/guides/flex-processing). A known model that
// does not take flex is a usage error (the API would refuse it with a 400); a model Mull does not
// know (a custom deployment) is sent as asked: its server decides.
import { findModel, modelRegistry } from '../../shared/models.js';
import { supportsFlex } from '../../shared/tier-price.js';
import { UsageError } from './cli-errors.js';

export const flexFlagHelp = `  --flex                     flex processing: about half price, may wait for capacity (then
                             sent again with backoff); for ${flexModels().join(', ')}`;

function flexModels(): string[] {
  return modelRegistry.filter((m) => supportsFlex(m)).map((m) => m.id);
}

/** The tier to ask for `model`: flex when --flex is given and the model takes it. */
export function flexTierFor(model: string, flex: boolean | undefined): 'flex' | undefined {
  if (flex !== true) return undefined;
  const known = findModel(model);
  if (known && !supportsFlex(known)) {
    throw new UsageError(
      `${known.label} does not take flex processing; --flex is for ${flexModels().join(', ')}`,
    );
  }
  return 'flex';
}

/**
 * What `mull submit` says of a flex job the provider refused for lack of capacity (nothing was
 * started or billed); `sentHere`: this process sent it (else a running driver keeps trying).
 */
export function flexWaitSentence(jobShortId: string, sentHere: boolean): string {
  return sentHere
    ? `mull: the provider has no flex capacity now; job ${jobShortId} waits for it, and 'mull run' sends it again (or submit it without --flex for the standard tier).`
    : `mull: the provider has no flex capacity now; the driving process keeps trying to send job ${jobShortId} (or use the standard tier in the app).`;
}
