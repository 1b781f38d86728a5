// The tool part of a plan: MCP tool listings before the first reasoning item, then the calls,
// with an empty reasoning item before each call after the first and before the answer, for a
// reasoning model (as real/vercel-websearch-5mini.json and vercel/ai's MCP and file-search
// recordings show; code interpreter calls follow one another directly, as
// real/pyd-gpt5-codeinterp.json shows).
import type { PlanLog } from './plan-events.js';
import { reasoningItem, type OutputItem } from './response-object.js';
import { itemId } from './tool-items.js';
import { writeMcpListing, writeToolCall, type ToolEventContext } from './tool-events.js';
import type { ToolRunPlan } from './tool-run.js';

export function toolContext(
  log: PlanLog,
  plan: ToolRunPlan,
  timing: { deltaIntervalMs: number },
  deltaChars: number | undefined,
): ToolEventContext {
  return {
    log,
    plan,
    containerId: itemId('cntr'),
    deltaIntervalMs: timing.deltaIntervalMs,
    deltaChars,
  };
}

/** Writes the MCP listings from output index 0; each finished item goes to `finished`. */
export function writeListings(ctx: ToolEventContext, finished: (item: OutputItem) => void): number {
  ctx.plan.listings.forEach((listing, index) => finished(writeMcpListing(ctx, listing, index)));
  return ctx.plan.listings.length;
}

function writeEmptyReasoning(log: PlanLog, outputIndex: number): OutputItem {
  const item = reasoningItem(itemId('rs'), []);
  log.push('response.output_item.added', { output_index: outputIndex, item });
  log.push('response.output_item.done', { output_index: outputIndex, item });
  return item;
}

/**
 * Writes the calls from `firstIndex`, each finished item to `finished`; returns the output index
 * of the answer that follows.
 */
export function writeCalls(
  ctx: ToolEventContext,
  firstIndex: number,
  reasoningModel: boolean,
  finished: (item: OutputItem) => void,
): number {
  let index = firstIndex;
  let thoughtBetween = false;
  for (const [i, call] of ctx.plan.calls.entries()) {
    const thinks = reasoningModel && call.kind !== 'code_interpreter';
    if (thinks && i > 0) finished(writeEmptyReasoning(ctx.log, index++));
    thoughtBetween ||= thinks;
    finished(writeToolCall(ctx, call, index++));
  }
  if (thoughtBetween) finished(writeEmptyReasoning(ctx.log, index++));
  return index;
}
