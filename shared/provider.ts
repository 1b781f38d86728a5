// Where jobs are sent: OpenAI itself, Azure OpenAI, or another server speaking the Responses API.
// The API key is not part of a provider's config: it lives in the OS keychain, keyed by the id.
import { z } from 'zod';

export const ProviderKind = z.enum(['openai', 'azure', 'compatible']);
export type ProviderKind = z.infer<typeof ProviderKind>;

/**
 * `bearer`: `Authorization: Bearer KEY` (OpenAI, most servers, Azure with an Entra token).
 * `api-key`: Azure's `api-key: KEY` header.
 */
export const AuthStyle = z.enum(['bearer', 'api-key']);
export type AuthStyle = z.infer<typeof AuthStyle>;

export const ProviderConfig = z.object({
  id: z.string().min(1).max(64),
  kind: ProviderKind,
  label: z.string().min(1).max(100),
  /** Stored normalized (see node/core/provider/base-url.ts): every request path joins onto it. */
  baseUrl: z.string().min(1),
  authStyle: AuthStyle,
});
export type ProviderConfig = z.infer<typeof ProviderConfig>;

/** The provider a job uses when none is named (`NewJob.providerId` defaults to its id). */
export const defaultOpenAIProvider: ProviderConfig = {
  id: 'openai',
  kind: 'openai',
  label: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1',
  authStyle: 'bearer',
};

/** The auth style a new provider of this kind starts with. */
export function defaultAuthStyle(kind: ProviderKind): AuthStyle {
  return kind === 'azure' ? 'api-key' : 'bearer';
}
