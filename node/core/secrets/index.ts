// The keychain module's public face: API keys in the OS keychain (or OPENAI_API_KEY when headless).
export { KeychainUnavailableError, NoKeychainError, noKeychainSentence } from './keychain-error.js';
export type { KeyStatus, KeyStore } from './key-store.js';
export { keyAccount, originOf, providerIdOfAccount, type KeyTarget } from './key-account.js';
export { keySourceFor, type KeySourceWithStatus } from './key-source.js';
export {
  keychainService,
  type KeyAvailability,
  type KeychainService,
  type KeychainServiceOptions,
} from './keychain-service.js';
export { removeProviderKeys, storeProviderKey } from './provider-keys.js';
export { maskKey } from './mask-key.js';
export { redactKeys, rememberingKeys } from './redact-keys.js';
export { defaultKeychainService, osKeychain } from './os-keychain.js';
export { InvalidKeyError, maxKeyLength } from './validate-key.js';
