// Any failure as one sentence a person can act on. ContractErrors already carry one (the main
// process writes them for people); anything else is a transport or a bug.
import { ContractError } from '../../../shared/ipc/envelope.js';

export function errorMessage(error: unknown): string {
  if (error instanceof ContractError) {
    if (error.code === 'KEYCHAIN_UNAVAILABLE') {
      return `${error.message} Check that your system keychain is running and unlocked.`;
    }
    return error.message;
  }
  if (error instanceof Error && error.message) return `Mull could not be reached: ${error.message}`;
  return 'Something went wrong.';
}
