// The composer's unsent prompt, kept in localStorage: closing the composer (Escape) or reloading the
// page keeps it; a submit clears it. Storage that is missing or full is not an error: the draft
// then lives as long as the composer does.
export interface ComposerDraft {
  prompt: string;
  /** "Several prompts" ticked. */
  split: boolean;
}

export const draftStorageKey = 'mull.composerDraft';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled
  }
}

export function readDraft(): ComposerDraft | undefined {
  try {
    const raw = storage()?.getItem(draftStorageKey);
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { prompt, split } = value as Record<string, unknown>;
    if (typeof prompt !== 'string' || prompt === '') return undefined;
    return { prompt, split: split === true };
  } catch {
    return undefined; // not JSON: someone else's value, or a torn write
  }
}

/** Keeps the draft; an empty prompt removes it. Returns whether it is stored. */
export function writeDraft(draft: ComposerDraft): boolean {
  try {
    const store = storage();
    if (!store) return false;
    if (draft.prompt === '') {
      store.removeItem(draftStorageKey);
      return false;
    }
    store.setItem(draftStorageKey, JSON.stringify(draft));
    return true;
  } catch {
    return false; // quota exceeded
  }
}

export function clearDraft(): void {
  try {
    storage()?.removeItem(draftStorageKey);
  } catch {
    // nothing kept, nothing to clear
  }
}
