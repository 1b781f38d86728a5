// Folds the item events of a stream into the response's output items (shared/output-items.ts):
// `output_item.added` / `.done` set an item at its output index, annotations join their text part
// as they arrive, tool code and arguments grow by their deltas, tool statuses follow their events.
// Message text is not copied into the items while it streams (the fold's answer holds it; the
// item's `.done` event and the final output bring it whole), so a long answer is not kept twice.
//
// Exactly-once comes from the caller: StreamFold applies each numbered event once, and the changed
// items are written in the same transaction as the cursor (see JobDriver.write), so a resume from
// the cursor never applies a delta twice. Unknown event and item types change nothing and never
// throw: an event whose indexes or fields do not fit is ignored.
import type { OutputItem } from '../../../shared/output-items.js';
import type { PositionedItem } from '../store/index.js';

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function indexOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** A tool call's status event: `response.web_search_call.searching` sets status `searching`. */
const toolStatusEvent =
  /^response\.(web_search_call|file_search_call|code_interpreter_call|mcp_call|mcp_list_tools|image_generation_call)\.(in_progress|searching|interpreting|generating|completed|failed)$/u;

/** Events whose `delta` extends a string field of an item, and whose `.done` sets it whole. */
const growingFields: Readonly<Record<string, { field: string; whole: boolean }>> = {
  'response.code_interpreter_call_code.delta': { field: 'code', whole: false },
  'response.code_interpreter_call_code.done': { field: 'code', whole: true },
  'response.function_call_arguments.delta': { field: 'arguments', whole: false },
  'response.function_call_arguments.done': { field: 'arguments', whole: true },
  'response.mcp_call_arguments.delta': { field: 'arguments', whole: false },
  'response.mcp_call_arguments.done': { field: 'arguments', whole: true },
};

export class ItemFold {
  // Indexed by output index: a gap the server left (never expected) is a hole.
  private readonly items: Array<OutputItem | undefined>;
  private readonly changed = new Set<number>();

  constructor(from: readonly OutputItem[]) {
    this.items = [...from];
  }

  /** The items so far, in output order (a gap, never expected, reads as no item). */
  get all(): OutputItem[] {
    return this.items.filter((item): item is OutputItem => item !== undefined);
  }

  /** The items changed since the last call, to write with the cursor; clears the list. */
  takeChanges(): PositionedItem[] {
    const changes: PositionedItem[] = [];
    for (const position of this.changed) {
      const item = this.items[position];
      if (item !== undefined) changes.push({ position, item });
    }
    this.changed.clear();
    return changes;
  }

  /** True when an item changed since the last takeChanges. */
  get hasChanges(): boolean {
    return this.changed.size > 0;
  }

  /** Applies one event of the log (already checked against the cursor). */
  apply(event: Loose): void {
    const type = typeof event.type === 'string' ? event.type : '';
    // Text deltas, nearly every event of a long answer, change no item: the answer holds the text.
    if (type === 'response.output_text.delta' || type === 'response.reasoning_summary_text.delta') {
      return;
    }
    const position = indexOf(event.output_index);
    if (position === null) return;
    if (type === 'response.output_item.added' || type === 'response.output_item.done') {
      if (!isRecord(event.item) || typeof event.item.type !== 'string') return;
      // `.added` items are small (no text yet) and are changed in place below: copied. A `.done`
      // item is final and may hold a long text: kept as it came.
      const item = type === 'response.output_item.added' ? structuredClone(event.item) : event.item;
      this.set(position, item as OutputItem);
      return;
    }
    const item = this.items[position] as Loose | undefined;
    if (item === undefined) return;
    if (type === 'response.output_text.annotation.added') {
      this.addAnnotation(position, item, event);
      return;
    }
    const growing = growingFields[type];
    if (growing) {
      const piece = growing.whole ? event[growing.field] : event.delta;
      if (typeof piece !== 'string') return;
      const before = typeof item[growing.field] === 'string' ? (item[growing.field] as string) : '';
      item[growing.field] = growing.whole ? piece : before + piece;
      this.changed.add(position);
      return;
    }
    const status = toolStatusEvent.exec(type);
    if (status && item.type === status[1]) {
      item.status = status[2];
      this.changed.add(position);
    }
  }

  private set(position: number, item: OutputItem): void {
    this.items[position] = item;
    this.changed.add(position);
  }

  private addAnnotation(position: number, item: Loose, event: Loose): void {
    const contentIndex = indexOf(event.content_index);
    if (contentIndex === null || !isRecord(event.annotation)) return;
    if (!Array.isArray(item.content)) item.content = [];
    const content = item.content as unknown[];
    let part = content[contentIndex];
    if (!isRecord(part)) {
      part = { type: 'output_text', text: '', annotations: [] };
      content[contentIndex] = part;
    }
    const record = part as Loose;
    if (!Array.isArray(record.annotations)) record.annotations = [];
    const annotations = record.annotations as unknown[];
    const at = indexOf(event.annotation_index) ?? annotations.length;
    annotations[at] = event.annotation;
    // A sparse array would be written as nulls: fill any gap the server left.
    for (let i = 0; i < annotations.length; i += 1) annotations[i] ??= null;
    this.changed.add(position);
  }
}
