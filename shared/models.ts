// The models Mull knows: limits, reasoning options and built-in prices (see
// docs/ARCHITECTURE.md, "How the API really behaves"). A model missing here can still be used
// (e.g. an Azure deployment name); it just has no limits or price to show.
import { z } from 'zod';
import { ReasoningEffort } from './job.js';
import {
  JobTools,
  ToolKind,
  hasDataSource,
  toolKindLabel,
  toolKindsOf,
  type JobToolsInput,
} from './job-tools.js';
import { ModelPrice, PriceOverrides, applyPriceOverride } from './model-price.js';

export { ModelPrice, PriceOverride, PriceOverrides, IsoDate } from './model-price.js';

export const ModelInfo = z.object({
  /** The API name without a date, e.g. `gpt-5-pro`. */
  id: z.string().min(1),
  label: z.string().min(1),
  contextWindowTokens: z.number().int().positive(),
  /** null: not documented for this model. */
  maxOutputTokens: z.number().int().positive().nullable(),
  reasoning: z.boolean(),
  /** The efforts the API accepts for this model; empty for non-reasoning models. */
  efforts: z.array(ReasoningEffort).readonly(),
  /**
   * What the composer preselects. Mull always sends an effort explicitly, so the server's own
   * default (which differs between models) never decides the cost of a job.
   */
  defaultEffort: ReasoningEffort.nullable(),
  /** Slow models (minutes to an hour): the composer submits them in background mode by default. */
  backgroundByDefault: z.boolean(),
  /** Deep research refuses a request without a data-source tool (web search, remote MCP, file search). */
  needsDataSourceTool: z.boolean(),
  /** The hosted tools the model takes (its model page's list); empty: none. */
  tools: z.array(ToolKind).readonly(),
  price: ModelPrice,
  /**
   * The Flex tier's price (`service_tier: "flex"`); absent: the model does not take flex. Its
   * presence is the model's flex capability (shared/tier-price.ts, supportsFlex).
   */
  flexPrice: ModelPrice.optional(),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

/**
 * The days the prices below were taken from OpenAI's price table
 * (https://platform.openai.com/docs/pricing, Standard tier) and model pages
 * (https://platform.openai.com/docs/models/<id>). The entries added on the second date were
 * checked against stored copies of those pages and of SDK model lists; each entry says where its
 * figures come from and which could not be confirmed.
 */
const pricesCheckedOn = '2026-11-01';
const addedModelsCheckedOn = '2026-12-02';
/**
 * The Flex prices (the price table's Flex column, https://platform.openai.com/docs/pricing; the
 * flex guide, https://platform.openai.com/docs/guides/flex-processing, names o3 and o4-mini and
 * says "Supported models are listed on the pricing page"): half the Standard price ("priced at
 * Batch API rates"). o4-mini: the launch figures ($0.55 / $2.20; cached $0.138, half of $0.275
 * rounded as the table shows it). o3: its launch figures ($5 / $20) predate its cut to $2 / $8,
 * so half of today's Standard. gpt-5: a public SDK price table transcribing the Flex column.
 * gpt-5-mini: its row was not seen; half its Standard price. Checked against stored copies on
 * this day; the other models' Flex rows were not confirmed and they are left without flex.
 * gpt-5's and gpt-5-mini's cached Flex prices have four decimals: shared/cost.ts rounds them to
 * the nano-dollar per token (an error under $0.000001 per 1,000 cached tokens).
 */
const flexPricesCheckedOn = '2026-12-02';

const k = 1_000;
const gpt5Efforts = ['minimal', 'low', 'medium', 'high'] as const;
const oSeriesEfforts = ['low', 'medium', 'high'] as const;

function price(
  input: number,
  cachedInput: number | null,
  output: number,
  checkedOn: string = pricesCheckedOn,
): ModelPrice {
  return {
    inputUsdPerMillion: input,
    cachedInputUsdPerMillion: cachedInput,
    outputUsdPerMillion: output,
    checkedOn,
  };
}

const allTools = ['web_search', 'code_interpreter', 'file_search', 'mcp'] as const;
/** The pro models' pages list web search, file search and MCP, not code interpreter. */
const proTools = ['web_search', 'file_search', 'mcp'] as const;
/**
 * The nano models' pages list file search, code interpreter and MCP, not web search (gpt-5-nano's
 * page says "Web search: Not supported"; the price table's web search rows name gpt-4o, gpt-4.1,
 * their minis, gpt-5 and the o-series, never a nano).
 */
const nanoTools = ['code_interpreter', 'file_search', 'mcp'] as const;
/**
 * The codex models: web search works with them (Codex CLI sends the Responses API's web search
 * tool with them; AI gateways list a per-call web search price for gpt-5.2-codex). Their model
 * pages as stored list no hosted-tool section, so code interpreter, file search and MCP are not
 * confirmed and are left out (Mull refuses them rather than let the server fail the job).
 */
const codexTools = ['web_search'] as const;
/**
 * o3-mini's page lists file search and MCP among the Responses API tools, not web search or code
 * interpreter. Not confirmed: the stored copy of its page predates the tools section; this is
 * from an earlier reading of the page.
 */
const o3MiniTools = ['file_search', 'mcp'] as const;

const reasoningDefaults = {
  reasoning: true,
  defaultEffort: 'medium',
  backgroundByDefault: false,
  needsDataSourceTool: false,
  tools: allTools,
} as const;

const deepResearch = {
  ...reasoningDefaults,
  efforts: ['medium'],
  backgroundByDefault: true,
  needsDataSourceTool: true,
} as const;

const nonReasoning = {
  reasoning: false,
  efforts: [],
  defaultEffort: null,
  backgroundByDefault: false,
  needsDataSourceTool: false,
  tools: allTools,
} as const;

/**
 * The model for slow, hard problems, which is what background jobs are for: what a job is sent to
 * when none is chosen (the app's Settings before a person picks one, `mull submit` without -m).
 */
export const defaultModelId = 'gpt-5-pro';

/**
 * In the order the composer lists them. The entries checked on 2026-11-01 were compared again on
 * 2026-12-02 with a stored copy of the price table (Standard tier): gpt-5, gpt-5-mini, o3, o3-pro,
 * o4-mini, both deep-research models, gpt-4.1 and gpt-4.1-mini match it; gpt-5's page gives
 * 400,000 / 128,000. The gpt-5.1 and gpt-5.2 rows postdate that copy and were not re-checked.
 */
export const modelRegistry: readonly ModelInfo[] = [
  {
    ...reasoningDefaults,
    id: 'gpt-5-pro',
    tools: proTools,
    label: 'GPT-5 pro',
    contextWindowTokens: 400 * k,
    maxOutputTokens: 272 * k,
    efforts: ['high'],
    defaultEffort: 'high',
    backgroundByDefault: true,
    price: price(15, null, 120),
  },
  {
    ...reasoningDefaults,
    id: 'gpt-5.2-pro',
    tools: proTools,
    label: 'GPT-5.2 pro',
    contextWindowTokens: 400 * k,
    maxOutputTokens: null, // Not documented.
    efforts: ['medium', 'high', 'xhigh'],
    backgroundByDefault: true,
    price: price(21, null, 168),
  },
  {
    ...reasoningDefaults,
    id: 'gpt-5.2',
    label: 'GPT-5.2',
    contextWindowTokens: 400 * k,
    maxOutputTokens: 128 * k,
    efforts: ['none', 'low', 'medium', 'high', 'xhigh'],
    price: price(1.75, 0.175, 14),
  },
  {
    ...reasoningDefaults,
    id: 'gpt-5.1',
    label: 'GPT-5.1',
    contextWindowTokens: 400 * k,
    maxOutputTokens: 128 * k,
    efforts: ['none', 'low', 'medium', 'high'],
    price: price(1.25, 0.125, 10),
  },
  {
    ...reasoningDefaults,
    id: 'gpt-5',
    label: 'GPT-5',
    contextWindowTokens: 400 * k,
    maxOutputTokens: 128 * k,
    efforts: gpt5Efforts,
    price: price(1.25, 0.125, 10),
    flexPrice: price(0.625, 0.0625, 5, flexPricesCheckedOn),
  },
  {
    ...reasoningDefaults,
    id: 'gpt-5-mini',
    label: 'GPT-5 mini',
    contextWindowTokens: 400 * k,
    maxOutputTokens: 128 * k,
    efforts: gpt5Efforts,
    price: price(0.25, 0.025, 2),
    flexPrice: price(0.125, 0.0125, 1, flexPricesCheckedOn),
  },
  {
    // platform.openai.com/docs/models/gpt-5-nano: 400,000 context, 128,000 max output, reasoning;
    // $0.05 / $0.005 / $0.40 (also the price table's Standard row). Tools: see nanoTools.
    ...reasoningDefaults,
    id: 'gpt-5-nano',
    tools: nanoTools,
    label: 'GPT-5 nano',
    contextWindowTokens: 400 * k,
    maxOutputTokens: 128 * k,
    efforts: gpt5Efforts,
    price: price(0.05, 0.005, 0.4, addedModelsCheckedOn),
  },
  // The codex models (Responses API only). Prices: the price table's Standard rows for
  // gpt-5-codex, gpt-5.1-codex, gpt-5.1-codex-max, gpt-5.1-codex-mini and gpt-5.2-codex, as
  // transcribed from developers.openai.com/api/docs/pricing in public SDK price tables.
  {
    // platform.openai.com/docs/models/gpt-5-codex: 400,000 context, 128,000 max output,
    // $1.25 / $0.125 / $10.00. The page now marks it "Shut down"; kept so past jobs stay priced.
    // Efforts low / medium / high: from third-party model lists, not confirmed on the page.
    ...reasoningDefaults,
    id: 'gpt-5-codex',
    tools: codexTools,
    label: 'GPT-5-Codex',
    contextWindowTokens: 400 * k,
    maxOutputTokens: 128 * k,
    efforts: oSeriesEfforts,
    price: price(1.25, 0.125, 10, addedModelsCheckedOn),
  },
  {
    // Limits 400,000 / 128,000 and efforts low / medium / high: from third-party model lists
    // (SDK and client model tables), not confirmed on OpenAI's page.
    ...reasoningDefaults,
    id: 'gpt-5.1-codex',
    tools: codexTools,
    label: 'GPT-5.1-Codex',
    contextWindowTokens: 400 * k,
    maxOutputTokens: 128 * k,
    efforts: oSeriesEfforts,
    price: price(1.25, 0.125, 10, addedModelsCheckedOn),
  },
  {
    // $0.25 / $0.025 / $2.00 (a fifth of gpt-5.1). Limits 400,000 / 128,000: third-party model
    // lists (one client caps it at 192,000 / 32,000 for its own use). Efforts medium / high:
    // from Codex's model presets, not confirmed on OpenAI's page.
    ...reasoningDefaults,
    id: 'gpt-5.1-codex-mini',
    tools: codexTools,
    label: 'GPT-5.1-Codex mini',
    contextWindowTokens: 400 * k,
    maxOutputTokens: 128 * k,
    efforts: ['medium', 'high'],
    price: price(0.25, 0.025, 2, addedModelsCheckedOn),
  },
  {
    // OpenAI's announcement (2025-11-19) introduced the xhigh effort with this model. Limits
    // 400,000 / 128,000 and efforts low / medium / high / xhigh: third-party model lists, not
    // confirmed on OpenAI's page.
    ...reasoningDefaults,
    id: 'gpt-5.1-codex-max',
    tools: codexTools,
    label: 'GPT-5.1-Codex-Max',
    contextWindowTokens: 400 * k,
    maxOutputTokens: 128 * k,
    efforts: ['low', 'medium', 'high', 'xhigh'],
    price: price(1.25, 0.125, 10, addedModelsCheckedOn),
  },
  {
    // platform.openai.com/docs/models/gpt-5.2-codex: 128,000 max output; "supports low, medium,
    // high, and xhigh reasoning effort settings". 400,000 context: third-party model pages.
    // $1.75 / $0.175 / $14.00 like gpt-5.2.
    ...reasoningDefaults,
    id: 'gpt-5.2-codex',
    tools: codexTools,
    label: 'GPT-5.2-Codex',
    contextWindowTokens: 400 * k,
    maxOutputTokens: 128 * k,
    efforts: ['low', 'medium', 'high', 'xhigh'],
    price: price(1.75, 0.175, 14, addedModelsCheckedOn),
  },
  {
    ...reasoningDefaults,
    id: 'o3-pro',
    tools: proTools,
    label: 'o3-pro',
    contextWindowTokens: 200 * k,
    maxOutputTokens: 100 * k, // Likely, but marked uncertain in the price table.
    efforts: oSeriesEfforts,
    backgroundByDefault: true,
    price: price(20, null, 80),
  },
  {
    ...reasoningDefaults,
    id: 'o3',
    label: 'o3',
    contextWindowTokens: 200 * k,
    maxOutputTokens: 100 * k,
    efforts: oSeriesEfforts,
    price: price(2, 0.5, 8),
    flexPrice: price(1, 0.25, 4, flexPricesCheckedOn),
  },
  {
    // platform.openai.com/docs/models/o3-mini: 200,000 context, 100,000 max output, reasoning,
    // text only; $1.10 / $0.55 / $4.40 (also the price table). Tools: see o3MiniTools.
    ...reasoningDefaults,
    id: 'o3-mini',
    tools: o3MiniTools,
    label: 'o3-mini',
    contextWindowTokens: 200 * k,
    maxOutputTokens: 100 * k,
    efforts: oSeriesEfforts,
    price: price(1.1, 0.55, 4.4, addedModelsCheckedOn),
  },
  {
    ...reasoningDefaults,
    id: 'o4-mini',
    label: 'o4-mini',
    contextWindowTokens: 200 * k,
    maxOutputTokens: 100 * k,
    efforts: oSeriesEfforts,
    price: price(1.1, 0.275, 4.4),
    flexPrice: price(0.55, 0.138, 2.2, flexPricesCheckedOn),
  },
  {
    ...deepResearch,
    id: 'o3-deep-research',
    label: 'o3 deep research',
    contextWindowTokens: 200 * k,
    maxOutputTokens: 100 * k, // Likely, but marked uncertain in the price table.
    price: price(10, 2.5, 40),
  },
  {
    ...deepResearch,
    id: 'o4-mini-deep-research',
    label: 'o4-mini deep research',
    contextWindowTokens: 200 * k,
    maxOutputTokens: 100 * k,
    price: price(2, 0.5, 8),
  },
  {
    ...nonReasoning,
    id: 'gpt-4.1',
    label: 'GPT-4.1',
    contextWindowTokens: 1_047_576,
    maxOutputTokens: 32_768,
    price: price(2, 0.5, 8),
  },
  {
    ...nonReasoning,
    id: 'gpt-4.1-mini',
    label: 'GPT-4.1 mini',
    contextWindowTokens: 1_047_576,
    maxOutputTokens: 32_768,
    price: price(0.4, 0.1, 1.6),
  },
  {
    // platform.openai.com/docs/models/gpt-4.1-nano: 1,047,576 context, 32,768 max output, no
    // reasoning; $0.10 / $0.025 / $0.40 (also the price table). Tools: see nanoTools.
    ...nonReasoning,
    id: 'gpt-4.1-nano',
    tools: nanoTools,
    label: 'GPT-4.1 nano',
    contextWindowTokens: 1_047_576,
    maxOutputTokens: 32_768,
    price: price(0.1, 0.025, 0.4, addedModelsCheckedOn),
  },
  {
    // platform.openai.com/docs/models/gpt-4o: 128,000 context, 16,384 max output, no reasoning;
    // $2.50 / $1.25 / $10.00 (the price table's gpt-4o row; the older gpt-4o-2024-05-13 snapshot
    // is $5 / $15 and is priced as gpt-4o here). The price table's web search rows name gpt-4o.
    ...nonReasoning,
    id: 'gpt-4o',
    label: 'GPT-4o',
    contextWindowTokens: 128 * k,
    maxOutputTokens: 16_384,
    price: price(2.5, 1.25, 10, addedModelsCheckedOn),
  },
  {
    // platform.openai.com/docs/models/gpt-4o-mini: 128,000 context, 16,384 max output, no
    // reasoning; $0.15 / $0.075 / $0.60 (also the price table).
    ...nonReasoning,
    id: 'gpt-4o-mini',
    label: 'GPT-4o mini',
    contextWindowTokens: 128 * k,
    maxOutputTokens: 16_384,
    price: price(0.15, 0.075, 0.6, addedModelsCheckedOn),
  },
];

const modelsById: ReadonlyMap<string, ModelInfo> = new Map(modelRegistry.map((m) => [m.id, m]));

/** The date suffix of a pinned snapshot name, e.g. `-2025-10-06` in `gpt-5-pro-2025-10-06`. */
const snapshotDateSuffix = /-\d{4}-\d{2}-\d{2}$/;

/**
 * A model by its id or by a dated snapshot name (the server reports `gpt-5-pro-2025-10-06` in
 * `response.model`): all snapshots of a model share its limits and price here.
 */
export function findModel(id: string): ModelInfo | undefined {
  return modelsById.get(id) ?? modelsById.get(id.replace(snapshotDateSuffix, ''));
}

/**
 * The price in force for a model id or snapshot name; undefined for a model Mull does not know
 * (an override alone does not make a model known: it has no limits to go with the price).
 */
export function priceFor(modelId: string, overrides: PriceOverrides = {}): ModelPrice | undefined {
  const model = findModel(modelId);
  return model && applyPriceOverride(model.price, overrides[model.id]);
}

/** A job's tools after checkJobTools: what to store and send (null: none), or why not. */
export type CheckedJobTools = { tools: JobTools | null } | { refused: string };

/**
 * Checks a job's tools against its model before anything is stored or sent, with one sentence
 * when they cannot go together. A deep-research model given no tools gets web search (it refuses
 * a request without a data source); one given tools but no data source is refused. An unknown
 * model (a custom deployment) is given what was asked: its server decides.
 */
export function checkJobTools(
  modelId: string,
  input: JobToolsInput | undefined,
  model: ModelInfo | undefined = findModel(modelId),
): CheckedJobTools {
  const parsed = JobTools.safeParse(input ?? {});
  if (!parsed.success)
    return { refused: parsed.error.issues[0]?.message ?? 'The tools are malformed.' };
  const tools = parsed.data;
  const kinds = toolKindsOf(tools);
  const name = model?.label ?? modelId;
  if (model?.needsDataSourceTool) {
    if (kinds.length === 0) return { tools: { ...tools, webSearch: true } };
    if (!hasDataSource(tools)) {
      return {
        refused: `${name} needs a data source to research: web search, a file search vector store or an MCP server (code interpreter alone is not one).`,
      };
    }
  }
  if (model && kinds.length > 0) {
    if (model.tools.length === 0) {
      return {
        refused: `${name} takes no tools; remove ${kinds.map((k) => toolKindLabel[k]).join(', ')}.`,
      };
    }
    const refused = kinds.filter((k) => !model.tools.includes(k));
    if (refused.length > 0) {
      return {
        refused: `${name} does not take ${refused.map((k) => toolKindLabel[k]).join(' or ')}; it takes ${model.tools.map((k) => toolKindLabel[k]).join(', ')}.`,
      };
    }
  }
  if (kinds.length === 0) {
    if (tools.maxToolCalls !== undefined) {
      return { refused: 'A maximum number of tool calls needs at least one tool to limit.' };
    }
    return { tools: null };
  }
  return { tools };
}
