// The keychain module's public face: API keys in the OS keychain (or OPENAI_API_KEY when headless).
export { KeychainUnavailableError } from './keychain-error.js';
export type { KeyStatus, KeyStore } from './key-store.js';
export { keySourceFor, type KeySourceWithStatus } from './key-source.js';
export { maskKey } from './mask-key.js';
export { defaultKeychainService, osKeychain } from './os-keychain.js';
export { InvalidKeyError, maxKeyLength } from './validate-key.js';
