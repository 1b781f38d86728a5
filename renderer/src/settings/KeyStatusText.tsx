// Whether a provider has a key, as far as the renderer may know: set or not, and its last four
// characters. The key itself never reaches this page.
import type { KeyStatus } from '../../../shared/ipc/contract.js';

export function keyStatusText(status: KeyStatus): string {
  // Mull removed the key (its address changed): say so, the person must enter it again.
  if (!status.set) return status.note ?? 'No API key set.';
  const where = {
    keychain: 'in the system keychain',
    environment: 'from the environment',
    session: 'for this session only: kept in memory until Mull closes',
  }[status.source];
  return `Key set, ending in ${status.last4} (${where}).`;
}

export function KeyStatusText({ status }: { status: KeyStatus | undefined }) {
  return <p className="key-status">{status ? keyStatusText(status) : 'Checking the key…'}</p>;
}
