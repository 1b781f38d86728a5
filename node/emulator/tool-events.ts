// Writes the events of one hosted tool call (or MCP tool listing) into a plan's log, in the order
// the recordings show, and returns the item as `response.output_item.done` carries it.
import type { PlanLog } from './plan-events.js';
import type { OutputItem } from './response-object.js';
import { splitIntoDeltas } from './text-deltas.js';
import {
  codeInterpreterItem,
  fileSearchItem,
  itemId,
  mcpCallItem,
  mcpListToolsItem,
  webSearchItem,
} from './tool-items.js';
import type { McpListing, ToolCall, ToolRunPlan } from './tool-run.js';

export interface ToolEventContext {
  log: PlanLog;
  plan: ToolRunPlan;
  /** One container for every code call of a response, as recorded. */
  containerId: string;
  deltaIntervalMs: number;
  deltaChars: number | undefined;
}

function added(log: PlanLog, item: OutputItem, outputIndex: number): void {
  log.push('response.output_item.added', { output_index: outputIndex, item });
}

function done(log: PlanLog, item: OutputItem, outputIndex: number): OutputItem {
  log.push('response.output_item.done', { output_index: outputIndex, item });
  return item;
}

/** `response.<kind>.<phase>` for each phase, the call's time passing before the last one. */
function phases(
  ctx: ToolEventContext,
  kind: string,
  names: string[],
  at: { output_index: number; item_id: string },
): void {
  names.forEach((name, i) => {
    if (i === names.length - 1) ctx.log.clock += ctx.plan.toolCallMs;
    ctx.log.push(`response.${kind}.${name}`, at);
  });
}

export function writeMcpListing(
  ctx: ToolEventContext,
  listing: McpListing,
  outputIndex: number,
): OutputItem {
  const id = itemId('mcpl');
  const at = { output_index: outputIndex, item_id: id };
  added(ctx.log, mcpListToolsItem(id, listing.serverLabel, []), outputIndex);
  phases(ctx, 'mcp_list_tools', ['in_progress', 'completed'], at);
  return done(ctx.log, mcpListToolsItem(id, listing.serverLabel, listing.tools), outputIndex);
}

export function writeToolCall(
  ctx: ToolEventContext,
  call: ToolCall,
  outputIndex: number,
): OutputItem {
  const { log, plan } = ctx;
  switch (call.kind) {
    case 'web_search': {
      const id = itemId('ws');
      added(log, webSearchItem(id, null, false), outputIndex);
      phases(ctx, 'web_search_call', ['in_progress', 'searching', 'completed'], {
        output_index: outputIndex,
        item_id: id,
      });
      return done(log, webSearchItem(id, call.action, plan.sources), outputIndex);
    }
    case 'code_interpreter': {
      const id = itemId('ci');
      const at = { output_index: outputIndex, item_id: id };
      added(log, codeInterpreterItem(id, ctx.containerId, '', null), outputIndex);
      log.push('response.code_interpreter_call.in_progress', at);
      for (const delta of splitIntoDeltas(call.code, ctx.deltaChars)) {
        log.clock += ctx.deltaIntervalMs;
        log.delta('response.code_interpreter_call_code.delta', { ...at, delta });
      }
      log.push('response.code_interpreter_call_code.done', { ...at, code: call.code });
      phases(ctx, 'code_interpreter_call', ['interpreting', 'completed'], at);
      return done(
        log,
        codeInterpreterItem(id, ctx.containerId, call.code, {
          logs: call.logs,
          included: plan.codeOutputs,
        }),
        outputIndex,
      );
    }
    case 'file_search': {
      const id = itemId('fs');
      added(log, fileSearchItem(id, null), outputIndex);
      phases(ctx, 'file_search_call', ['in_progress', 'searching', 'completed'], {
        output_index: outputIndex,
        item_id: id,
      });
      return done(
        log,
        fileSearchItem(id, {
          queries: call.queries,
          result: call.result,
          included: plan.fileResults,
        }),
        outputIndex,
      );
    }
    case 'mcp': {
      const id = itemId('mcp');
      const at = { output_index: outputIndex, item_id: id };
      added(log, mcpCallItem(id, call, null), outputIndex);
      log.push('response.mcp_call.in_progress', at);
      // The arguments come in one delta; its `obfuscation` is empty in the recorded stream.
      log.push('response.mcp_call_arguments.delta', {
        ...at,
        delta: call.arguments,
        ...(log.obfuscates ? { obfuscation: '' } : {}),
      });
      log.push('response.mcp_call_arguments.done', { ...at, arguments: call.arguments });
      log.clock += plan.toolCallMs;
      log.push('response.mcp_call.completed', at);
      return done(
        log,
        mcpCallItem(id, call, { arguments: call.arguments, output: call.output }),
        outputIndex,
      );
    }
  }
}
