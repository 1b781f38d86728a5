// The one error the keychain module raises when the OS keychain cannot be used. Everything the
// keychain library throws becomes this error: for Mull the outcome is the same (no key can be read
// or written), and the engine treats it as "no key" (the job waits as "needs key") instead of
// crashing. The library's reason is kept, since it is what a person needs to fix their setup.

export type KeychainAction = 'read' | 'save' | 'remove';

const verbs: Record<KeychainAction, string> = {
  read: 'read the API key from',
  save: 'save the API key in',
  remove: 'remove the API key from',
};

/** Reasons are short D-Bus or OS messages; a cap keeps a runaway one out of the UI. */
const maxReasonLength = 500;

export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';

  /** `reason`: what the OS or the keychain library said, free of key material. */
  constructor(
    readonly reason: string,
    action: KeychainAction = 'read',
  ) {
    super(
      `Could not ${verbs[action]} the OS keychain: ${reason}. ` +
        (action === 'save' ? 'The key was not stored anywhere else: ' : '') +
        'Mull keeps API keys only in the OS keychain. On Linux this needs a running Secret Service ' +
        '(gnome-keyring, KWallet or KeePassXC) on a D-Bus session bus; on a headless machine, ' +
        'set the OPENAI_API_KEY environment variable instead.',
    );
  }
}

/**
 * `thrown` (from the keychain library) as a KeychainUnavailableError. `secret`, when given, is cut
 * out of the reason: no library message is known to quote it, but a key must never reach a log.
 */
export function keychainUnavailable(
  thrown: unknown,
  action: KeychainAction,
  secret?: string,
): KeychainUnavailableError {
  let reason = thrown instanceof Error ? thrown.message : String(thrown);
  if (secret !== undefined && secret !== '') reason = reason.replaceAll(secret, '[redacted]');
  reason = reason.trim().replace(/\.$/u, '');
  if (reason === '') reason = 'the keychain library gave no reason';
  if (reason.length > maxReasonLength) reason = `${reason.slice(0, maxReasonLength)}…`;
  return new KeychainUnavailableError(reason, action);
}

/**
 * What a person reads when a key cannot be saved because there is no usable keychain: one plain
 * sentence (what is missing, how to get it, and the way on), not the library's D-Bus reason.
 */
export function noKeychainSentence(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'linux') {
    return 'No keychain is available: install and unlock gnome-keyring (or another Secret Service), or keep the key for this session only.';
  }
  return 'The system keychain could not be used: unlock it (or allow Mull to use it), or keep the key for this session only.';
}

/** A KeychainUnavailableError whose message is noKeychainSentence; the library's reason is kept. */
export class NoKeychainError extends KeychainUnavailableError {
  constructor(cause: KeychainUnavailableError, platform?: NodeJS.Platform) {
    super(cause.reason, 'save');
    this.message = noKeychainSentence(platform);
  }
}
