// What the person configures that the engine needs: providers and price overrides, stored in the
// database's settings table (never keys: those live in the keychain).
import { z } from 'zod';
import { PriceOverrides, priceFor, type ModelPrice } from '../../../shared/models.js';
import { ProviderConfig, defaultOpenAIProvider } from '../../../shared/provider.js';
import { normalizeBaseUrl } from '../provider/base-url.js';
import type { JobStore } from '../store/index.js';

const providersKey = 'providers';
const priceOverridesKey = 'priceOverrides';
const keyNotesKey = 'keyNotes';
const KeyNotes = z.record(z.string(), z.string());

export class UnknownProviderError extends Error {
  constructor(readonly providerId: string) {
    super(`There is no provider '${providerId}'. Add it in Settings, or pass --base-url.`);
  }
}

export class EngineSettings {
  constructor(private readonly store: JobStore) {}

  /** Every provider: OpenAI (unless overridden) and the ones the person added. */
  providers(): ProviderConfig[] {
    const stored = z.array(ProviderConfig).safeParse(this.store.getSetting(providersKey) ?? []);
    const list = stored.success ? stored.data : [];
    return list.some((p) => p.id === defaultOpenAIProvider.id)
      ? list
      : [defaultOpenAIProvider, ...list];
  }

  provider(id: string): ProviderConfig {
    const found = this.providers().find((p) => p.id === id);
    if (!found) throw new UnknownProviderError(id);
    return found;
  }

  /** Adds or replaces a provider; its base URL is normalized here, once. */
  saveProvider(input: ProviderConfig): ProviderConfig {
    const provider = ProviderConfig.parse({
      ...input,
      baseUrl: normalizeBaseUrl(input.kind, input.baseUrl),
    });
    const others = this.providers().filter((p) => p.id !== provider.id);
    this.store.setSetting(providersKey, [...others, provider]);
    return provider;
  }

  removeProvider(id: string): void {
    this.store.setSetting(
      providersKey,
      this.providers().filter((p) => p.id !== id),
    );
    this.setKeyNote(id, undefined);
  }

  /**
   * Why a provider has no key when Mull removed it (its address changed), for the key status;
   * undefined when there is nothing to say. Never a key: a sentence Mull wrote.
   */
  keyNote(providerId: string): string | undefined {
    return this.keyNotes()[providerId];
  }

  /** Sets (or with undefined, drops) the sentence keyNote gives for this provider. */
  setKeyNote(providerId: string, note: string | undefined): void {
    const { [providerId]: current, ...others } = this.keyNotes();
    if (note === current) return;
    this.store.setSetting(
      keyNotesKey,
      note === undefined ? others : { ...others, [providerId]: note },
    );
  }

  private keyNotes(): Record<string, string> {
    const parsed = KeyNotes.safeParse(this.store.getSetting(keyNotesKey) ?? {});
    return parsed.success ? parsed.data : {};
  }

  priceOverrides(): PriceOverrides {
    const parsed = PriceOverrides.safeParse(this.store.getSetting(priceOverridesKey) ?? {});
    return parsed.success ? parsed.data : {};
  }

  setPriceOverrides(overrides: PriceOverrides): void {
    this.store.setSetting(priceOverridesKey, PriceOverrides.parse(overrides));
  }

  price(model: string): ModelPrice | undefined {
    return priceFor(model, this.priceOverrides());
  }
}
