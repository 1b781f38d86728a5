// Opens an https link from an answer: through the main process (which opens it with the OS) in
// the desktop app; in a browser the web host refuses that, and the browser opens it in a new tab
// with no way back to this page.
import { ContractError, type MullApi } from '../../../shared/ipc/envelope.js';
import { isOpenableLink } from './safe-url.js';

export async function openLink(api: MullApi, url: string): Promise<void> {
  if (!isOpenableLink(url)) return;
  try {
    await api.invoke('app:openExternal', { url });
  } catch (error) {
    if (error instanceof ContractError && error.code === 'REFUSED') {
      window.open(url, '_blank', 'noopener,noreferrer');
      return;
    }
    throw error;
  }
}
