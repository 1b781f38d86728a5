// A flex job refused for lack of capacity stays pending and is sent again with backoff; its badge
// says so ("Waiting for flex capacity") instead of "Pending", which would read as "about to go".
import { Hourglass } from 'lucide-react';
import type { StatusPresentation } from './job-status.js';

export { waitsForFlexCapacity } from '../../../shared/tier-price.js';

export const flexWaitPresentation: StatusPresentation = {
  label: 'Waiting for flex capacity',
  description:
    'The provider has no flex capacity right now (nothing is billed); Mull sends it again with backoff. Open the job to use the standard tier instead.',
  Icon: Hourglass,
  tone: 'attention',
  spins: false,
};
