// What the person configures that the engine needs: providers and price overrides, stored in the
// database's settings table (never keys: those live in the keychain).
import { z } from 'zod';
import { PriceOverrides, priceFor, type ModelPrice } from '../../../shared/models.js';
import { ProviderConfig, defaultOpenAIProvider } from '../../../shared/provider.js';
import { JobTemplate, type JobTemplateInput } from '../../../shared/job-template.js';
import { BudgetAmount, noBudget, type BudgetLimits } from '../../../shared/budget.js';
import { normalizeBaseUrl } from '../provider/base-url.js';
import type { JobStore } from '../store/index.js';

const providersKey = 'providers';
const priceOverridesKey = 'priceOverrides';
const keyNotesKey = 'keyNotes';
const templatesKey = 'templates';
/** The app's own settings (node/backend/app-settings.ts); the engine reads only the budgets. */
export const appSettingsKey = 'app';
const StoredBudgets = z.object({ monthlyBudgetUsd: BudgetAmount, perJobCapUsd: BudgetAmount });
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

  /** The monthly budget and per-job cap set in the app's Settings (none when unset). */
  budgetLimits(): BudgetLimits {
    const parsed = StoredBudgets.partial().safeParse(this.store.getSetting(appSettingsKey) ?? {});
    return { ...noBudget, ...(parsed.success ? parsed.data : {}) };
  }

  /** The saved templates, by name (a stored one that no longer parses is left out, not lost). */
  templates(): JobTemplate[] {
    return this.storedTemplates()
      .map((entry) => JobTemplate.safeParse(entry))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  template(name: string): JobTemplate | undefined {
    const wanted = name.trim().toLocaleLowerCase();
    return this.templates().find((template) => template.name.toLocaleLowerCase() === wanted);
  }

  /** Adds a template, or replaces the one of the same name (names are matched ignoring case). */
  saveTemplate(input: JobTemplateInput): JobTemplate {
    const template = JobTemplate.parse(input);
    const others = this.storedTemplates().filter((entry) => !sameName(entry, template.name));
    this.store.setSetting(templatesKey, [...others, template]);
    return template;
  }

  removeTemplate(name: string): void {
    this.store.setSetting(
      templatesKey,
      this.storedTemplates().filter((entry) => !sameName(entry, name)),
    );
  }

  /** The stored entries as they are: saving one template never drops another it cannot read. */
  private storedTemplates(): unknown[] {
    const stored = this.store.getSetting(templatesKey);
    return Array.isArray(stored) ? stored : [];
  }
}

function sameName(entry: unknown, name: string): boolean {
  const stored = (entry as { name?: unknown } | null)?.name;
  return (
    typeof stored === 'string' &&
    stored.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase()
  );
}
