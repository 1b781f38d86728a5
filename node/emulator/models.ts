// The models the emulated server knows. This is the server's view (what it accepts and which
// dated snapshot it reports), deliberately separate from Mull's own registry in shared/.

export interface EmulatedModel {
  /** The dated name the server reports in `response.model`, as the real API does. */
  snapshot: string;
  reasoning: boolean;
  /** Reasoning efforts the model accepts; empty for non-reasoning models. */
  efforts: readonly string[];
  supportsTemperature: boolean;
  /** Deep research: a create without a web search, file search or MCP tool is refused. */
  needsDataSourceTool?: boolean;
}

const gpt5Efforts = ['minimal', 'low', 'medium', 'high'] as const;
const oSeriesEfforts = ['low', 'medium', 'high'] as const;

export const emulatedModels: Readonly<Record<string, EmulatedModel>> = {
  'gpt-5-pro': {
    snapshot: 'gpt-5-pro-2025-10-06',
    reasoning: true,
    efforts: ['high'],
    supportsTemperature: false,
  },
  'gpt-5': {
    snapshot: 'gpt-5-2025-08-07',
    reasoning: true,
    efforts: gpt5Efforts,
    supportsTemperature: false,
  },
  'gpt-5.1': {
    snapshot: 'gpt-5.1-2025-11-13',
    reasoning: true,
    efforts: ['none', 'low', 'medium', 'high'],
    supportsTemperature: false,
  },
  'gpt-5-mini': {
    snapshot: 'gpt-5-mini-2025-08-07',
    reasoning: true,
    efforts: gpt5Efforts,
    supportsTemperature: false,
  },
  'gpt-5-nano': {
    snapshot: 'gpt-5-nano-2025-08-07',
    reasoning: true,
    efforts: gpt5Efforts,
    supportsTemperature: false,
  },
  'gpt-5.2': {
    snapshot: 'gpt-5.2-2025-12-11',
    reasoning: true,
    efforts: ['none', 'low', 'medium', 'high', 'xhigh'],
    supportsTemperature: false,
  },
  'gpt-5.2-pro': {
    snapshot: 'gpt-5.2-pro-2025-12-11',
    reasoning: true,
    efforts: ['medium', 'high', 'xhigh'],
    supportsTemperature: false,
  },
  o3: {
    snapshot: 'o3-2025-04-16',
    reasoning: true,
    efforts: oSeriesEfforts,
    supportsTemperature: false,
  },
  'o3-pro': {
    snapshot: 'o3-pro-2025-06-10',
    reasoning: true,
    efforts: oSeriesEfforts,
    supportsTemperature: false,
  },
  'o4-mini': {
    snapshot: 'o4-mini-2025-04-16',
    reasoning: true,
    efforts: oSeriesEfforts,
    supportsTemperature: false,
  },
  'o3-deep-research': {
    snapshot: 'o3-deep-research-2025-06-26',
    reasoning: true,
    efforts: ['medium'],
    supportsTemperature: false,
    needsDataSourceTool: true,
  },
  'o4-mini-deep-research': {
    snapshot: 'o4-mini-deep-research-2025-06-26',
    reasoning: true,
    efforts: ['medium'],
    supportsTemperature: false,
    needsDataSourceTool: true,
  },
  'gpt-4.1-mini': {
    snapshot: 'gpt-4.1-mini-2025-04-14',
    reasoning: false,
    efforts: [],
    supportsTemperature: true,
  },
  'gpt-4o': {
    snapshot: 'gpt-4o-2024-08-06',
    reasoning: false,
    efforts: [],
    supportsTemperature: true,
  },
  'gpt-4.1': {
    snapshot: 'gpt-4.1-2025-04-14',
    reasoning: false,
    efforts: [],
    supportsTemperature: true,
  },
};

/** A model by its name or its dated snapshot name. */
export function findEmulatedModel(name: string): EmulatedModel | undefined {
  return emulatedModels[name] ?? Object.values(emulatedModels).find((m) => m.snapshot === name);
}
