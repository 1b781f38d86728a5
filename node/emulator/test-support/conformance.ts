// Test helpers for comparing an emulated stream with a recorded one: field names per event type,
// lifecycle statuses, and the parts of a recording the emulator cannot script yet.
import type { SseEvent } from './sse.js';

const nestedObjects = ['response', 'item', 'part', 'error'] as const;

function keysOf(prefix: string, value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.keys(value)
    .map((k) => `${prefix}.${k}`)
    .sort();
}

/**
 * The field names of each kind of event: its own keys, then those of the objects nested in it
 * (`response`, `item`, `part`, `error`, the response's `usage` and `error`). The kind is the event
 * type, with the item's or part's type in brackets (`response.output_item.added[reasoning]`).
 * The first event of each kind speaks for all of them.
 */
export function fieldsByKind(events: SseEvent[]): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const { data } of events) {
    const kind = kindOf(data);
    if (fields.has(kind)) continue;
    const keys = Object.keys(data).sort();
    for (const nested of nestedObjects) keys.push(...keysOf(nested, data[nested]));
    const response = data.response as Record<string, unknown> | undefined;
    keys.push(...keysOf('usage', response?.usage), ...keysOf('response.error', response?.error));
    fields.set(kind, keys);
  }
  return fields;
}

export function kindOf(data: Record<string, unknown>): string {
  const inner = (data.item ?? data.part) as { type?: unknown } | undefined;
  const type = data.type as string;
  return typeof inner?.type === 'string' ? `${type}[${inner.type}]` : type;
}

/** The `status` and `service_tier` of each lifecycle event's response, in order. */
export function lifecycleOf(
  events: SseEvent[],
): Array<{ type: string; status: unknown; tier: unknown }> {
  return events.flatMap((e) => {
    const response = e.data.response as Record<string, unknown> | undefined;
    if (!response) return [];
    return [{ type: e.data.type as string, status: response.status, tier: response.service_tier }];
  });
}

/** What of a recording the emulator cannot script yet, and so leaves out of the comparison. */
export interface Unscripted {
  /** Output item types: their items and every event about them (`response.TYPE.*`). */
  items?: string[];
  /** Event types (exact names). */
  events?: string[];
  /** Content part types (`refusal`): their content_part events are compared by name only. */
  parts?: string[];
  /** Only the first reasoning item and the last message item are compared. */
  oneReasoningOneMessage?: boolean;
}

function outputIndexOf(data: Record<string, unknown>): number | undefined {
  return typeof data.output_index === 'number' ? data.output_index : undefined;
}

/** The recorded events the emulator can produce: the rest as described by `unscripted`. */
export function scriptablePart(events: SseEvent[], unscripted: Unscripted): SseEvent[] {
  const items = new Map<number, string>();
  for (const { data } of events) {
    const index = outputIndexOf(data);
    const item = data.item as { type?: string } | undefined;
    if (data.type === 'response.output_item.added' && index !== undefined && item?.type)
      items.set(index, item.type);
  }
  const kept = new Set<number>();
  for (const [index, type] of items) {
    if (unscripted.items?.includes(type)) continue;
    kept.add(index);
  }
  if (unscripted.oneReasoningOneMessage) {
    const reasoning = [...items].filter(([i, t]) => t === 'reasoning' && kept.has(i));
    const messages = [...items].filter(([i, t]) => t === 'message' && kept.has(i));
    kept.clear();
    if (reasoning[0]) kept.add(reasoning[0][0]);
    const last = messages.at(-1);
    if (last) kept.add(last[0]);
  }
  return events.filter(({ data }) => {
    const type = data.type as string;
    if (unscripted.events?.includes(type)) return false;
    if (unscripted.items?.some((item) => type.startsWith(`response.${item}`))) return false;
    const index = outputIndexOf(data);
    return index === undefined || kept.has(index);
  });
}

/** A readable list of what is left out, for test names. */
export function describeUnscripted(u: Unscripted, fields: readonly string[] = []): string {
  const parts = [
    ...(u.items ?? []).map((t) => `${t} items`),
    ...(u.parts ?? []).map((t) => `${t} parts`),
    ...(u.events ?? []),
    ...(u.oneReasoningOneMessage ? ['more than one reasoning or message item'] : []),
    ...fields.map((f) => `field ${f}`),
  ];
  return parts.length === 0 ? 'everything compared' : `not compared yet: ${parts.join(', ')}`;
}
