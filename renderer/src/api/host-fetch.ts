// A request to the loopback web host and its answer read as the contract's settled envelope: shared
// by the contract's requests (web-transport.ts) and the attachment bytes (web-attachments.ts).
import { ContractError, SettledEnvelope } from '../../../shared/ipc/envelope.js';

/** fetch, with an unreachable host said in one sentence instead of a TypeError. */
export async function hostFetch(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: 'omit' });
  } catch {
    throw new ContractError(
      'INTERNAL',
      "Mull's web host cannot be reached: is it still running? Start it again and open the address it prints.",
    );
  }
}

/** The envelope in a response; a 403 (no token) or any non-envelope answer becomes a ContractError. */
export async function settledOf(response: Response) {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = SettledEnvelope.safeParse(json);
  if (parsed.success) return parsed.data;
  if (response.status === 403) throw new ContractError('FORBIDDEN', text.trim());
  throw new ContractError('INTERNAL', `Mull answered with HTTP ${response.status}.`);
}
