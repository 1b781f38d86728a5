// What an API key must look like before it goes into the keychain. A key pasted with a trailing
// newline is common and harmless, so surrounding whitespace is trimmed; anything inside a key that
// is whitespace or a control character means a bad paste (two keys, a sentence), and it could not
// travel in an HTTP header anyway.

export const maxKeyLength = 1000;

/** A key that cannot be right (empty, several pieces, too long): the person pastes it again. */
export class InvalidKeyError extends Error {
  override readonly name = 'InvalidKeyError';
}

/**
 * The key to store: `key` trimmed. Throws an Error a person can act on when the key is empty,
 * contains whitespace or control characters, or is longer than maxKeyLength. The message never
 * quotes the key.
 */
export function validateKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed === '') {
    throw new InvalidKeyError('The API key is empty. Paste the whole key and try again.');
  }
  if (/\s/u.test(trimmed)) {
    throw new InvalidKeyError(
      'The API key contains spaces or line breaks. Paste only the key itself, in one piece.',
    );
  }
  if (/\p{Cc}/u.test(trimmed)) {
    throw new InvalidKeyError(
      'The API key contains control characters. Paste only the key itself.',
    );
  }
  if (trimmed.length > maxKeyLength) {
    throw new InvalidKeyError(
      `The API key is ${trimmed.length} characters long; keys longer than ${maxKeyLength} are not accepted. Paste only the key itself.`,
    );
  }
  return trimmed;
}
