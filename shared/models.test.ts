import { describe, expect, it } from 'vitest';
import {
  ModelInfo,
  ModelPrice,
  PriceOverrides,
  findModel,
  modelRegistry,
  priceFor,
} from './models.js';

const tableFromTheDoc = [
  // id, context, max output, input, cached, output, checked on
  ['gpt-5-pro', 400_000, 272_000, 15, null, 120, '2026-11-01'],
  ['gpt-5', 400_000, 128_000, 1.25, 0.125, 10, '2026-11-01'],
  ['gpt-5.1', 400_000, 128_000, 1.25, 0.125, 10, '2026-11-01'],
  ['gpt-5-mini', 400_000, 128_000, 0.25, 0.025, 2, '2026-11-01'],
  ['gpt-5-nano', 400_000, 128_000, 0.05, 0.005, 0.4, '2026-12-02'],
  ['gpt-5-codex', 400_000, 128_000, 1.25, 0.125, 10, '2026-12-02'],
  ['gpt-5.1-codex', 400_000, 128_000, 1.25, 0.125, 10, '2026-12-02'],
  ['gpt-5.1-codex-mini', 400_000, 128_000, 0.25, 0.025, 2, '2026-12-02'],
  ['gpt-5.1-codex-max', 400_000, 128_000, 1.25, 0.125, 10, '2026-12-02'],
  ['gpt-5.2-codex', 400_000, 128_000, 1.75, 0.175, 14, '2026-12-02'],
  ['gpt-5.2', 400_000, 128_000, 1.75, 0.175, 14, '2026-11-01'],
  ['gpt-5.2-pro', 400_000, null, 21, null, 168, '2026-11-01'],
  ['o3', 200_000, 100_000, 2, 0.5, 8, '2026-11-01'],
  ['o3-pro', 200_000, 100_000, 20, null, 80, '2026-11-01'],
  ['o3-mini', 200_000, 100_000, 1.1, 0.55, 4.4, '2026-12-02'],
  ['o4-mini', 200_000, 100_000, 1.1, 0.275, 4.4, '2026-11-01'],
  ['o3-deep-research', 200_000, 100_000, 10, 2.5, 40, '2026-11-01'],
  ['o4-mini-deep-research', 200_000, 100_000, 2, 0.5, 8, '2026-11-01'],
  ['gpt-4.1', 1_047_576, 32_768, 2, 0.5, 8, '2026-11-01'],
  ['gpt-4.1-mini', 1_047_576, 32_768, 0.4, 0.1, 1.6, '2026-11-01'],
  ['gpt-4.1-nano', 1_047_576, 32_768, 0.1, 0.025, 0.4, '2026-12-02'],
  ['gpt-4o', 128_000, 16_384, 2.5, 1.25, 10, '2026-12-02'],
  ['gpt-4o-mini', 128_000, 16_384, 0.15, 0.075, 0.6, '2026-12-02'],
] as const;

describe('modelRegistry', () => {
  it('holds exactly the models of the price table, each once', () => {
    expect(modelRegistry.map((m) => m.id).sort()).toEqual(tableFromTheDoc.map(([id]) => id).sort());
  });

  it.each(tableFromTheDoc)('%s has the documented limits and prices', (id, ...row) => {
    const [context, maxOutput, input, cached, output, checkedOn] = row;
    const model = findModel(id);
    expect(model).toMatchObject({
      id,
      contextWindowTokens: context,
      maxOutputTokens: maxOutput,
      price: {
        inputUsdPerMillion: input,
        cachedInputUsdPerMillion: cached,
        outputUsdPerMillion: output,
        checkedOn,
      },
    });
  });

  it.each(modelRegistry)('$id matches the ModelInfo schema', (model) => {
    expect(ModelInfo.parse(model)).toEqual(model);
  });

  it.each([
    ['gpt-5-pro', ['high'], 'high'],
    ['gpt-5', ['minimal', 'low', 'medium', 'high'], 'medium'],
    ['gpt-5-mini', ['minimal', 'low', 'medium', 'high'], 'medium'],
    ['gpt-5.1', ['none', 'low', 'medium', 'high'], 'medium'],
    ['gpt-5.2', ['none', 'low', 'medium', 'high', 'xhigh'], 'medium'],
    ['gpt-5.2-pro', ['medium', 'high', 'xhigh'], 'medium'],
    ['o3', ['low', 'medium', 'high'], 'medium'],
    ['o3-pro', ['low', 'medium', 'high'], 'medium'],
    ['o4-mini', ['low', 'medium', 'high'], 'medium'],
    ['o3-deep-research', ['medium'], 'medium'],
    ['o4-mini-deep-research', ['medium'], 'medium'],
    ['gpt-5-nano', ['minimal', 'low', 'medium', 'high'], 'medium'],
    ['gpt-5-codex', ['low', 'medium', 'high'], 'medium'],
    ['gpt-5.1-codex', ['low', 'medium', 'high'], 'medium'],
    ['gpt-5.1-codex-mini', ['medium', 'high'], 'medium'],
    ['gpt-5.1-codex-max', ['low', 'medium', 'high', 'xhigh'], 'medium'],
    ['gpt-5.2-codex', ['low', 'medium', 'high', 'xhigh'], 'medium'],
    ['o3-mini', ['low', 'medium', 'high'], 'medium'],
    ['gpt-4.1', [], null],
    ['gpt-4.1-mini', [], null],
    ['gpt-4.1-nano', [], null],
    ['gpt-4o', [], null],
    ['gpt-4o-mini', [], null],
  ])('%s accepts efforts %j, default %s', (id, efforts, defaultEffort) => {
    expect(findModel(id)).toMatchObject({ efforts, defaultEffort, reasoning: efforts.length > 0 });
  });

  it('runs the slow models in background by default', () => {
    const background = modelRegistry.filter((m) => m.backgroundByDefault).map((m) => m.id);
    expect(background.sort()).toEqual(
      ['gpt-5-pro', 'gpt-5.2-pro', 'o3-pro', 'o3-deep-research', 'o4-mini-deep-research'].sort(),
    );
  });

  it.each([
    ['gpt-5', ['web_search', 'code_interpreter', 'file_search', 'mcp']],
    ['gpt-5-pro', ['web_search', 'file_search', 'mcp']],
    ['gpt-5-nano', ['code_interpreter', 'file_search', 'mcp']],
    ['gpt-4.1-nano', ['code_interpreter', 'file_search', 'mcp']],
    ['gpt-5-codex', ['web_search']],
    ['gpt-5.1-codex-mini', ['web_search']],
    ['gpt-5.2-codex', ['web_search']],
    ['o3-mini', ['file_search', 'mcp']],
    ['gpt-4o', ['web_search', 'code_interpreter', 'file_search', 'mcp']],
    ['gpt-4o-mini', ['web_search', 'code_interpreter', 'file_search', 'mcp']],
  ])('%s takes the hosted tools %j', (id, tools) => {
    expect(findModel(id)?.tools).toEqual(tools);
  });

  it('asks for a data-source tool for deep research only', () => {
    const needTool = modelRegistry.filter((m) => m.needsDataSourceTool).map((m) => m.id);
    expect(needTool.sort()).toEqual(['o3-deep-research', 'o4-mini-deep-research']);
  });
});

describe('findModel', () => {
  it.each([
    ['gpt-5-pro', 'gpt-5-pro'],
    ['gpt-5-pro-2025-10-06', 'gpt-5-pro'],
    ['o3-2025-04-16', 'o3'],
    ['gpt-5.2-pro-2025-12-11', 'gpt-5.2-pro'],
    ['o4-mini-deep-research-2025-06-26', 'o4-mini-deep-research'],
    ['gpt-4.1-mini-2025-04-14', 'gpt-4.1-mini'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['o3-mini-2025-01-31', 'o3-mini'],
    ['gpt-5-nano-2025-08-07', 'gpt-5-nano'],
  ])('%s -> %s', (name, id) => {
    expect(findModel(name)?.id).toBe(id);
  });

  it.each(['', 'gpt-6', 'my-azure-deployment', 'GPT-5', 'gpt-5-pro-20251006', 'o3-2025-04'])(
    '%j is unknown',
    (name) => {
      expect(findModel(name)).toBeUndefined();
    },
  );
});

describe('prices and overrides', () => {
  it('without overrides, every model has its built-in price', () => {
    for (const model of modelRegistry) expect(priceFor(model.id)).toEqual(model.price);
  });

  it('an override wins field by field and brings its own date', () => {
    const overrides = PriceOverrides.parse({
      'gpt-5-pro': { outputUsdPerMillion: 100, checkedOn: '2027-01-15' },
    });
    expect(priceFor('gpt-5-pro', overrides)).toEqual({
      inputUsdPerMillion: 15,
      cachedInputUsdPerMillion: null,
      outputUsdPerMillion: 100,
      checkedOn: '2027-01-15',
    });
    expect(priceFor('o3', overrides)).toEqual(findModel('o3')?.price);
  });

  it('an explicit null removes the cached discount; a missing field keeps it', () => {
    const overrides = PriceOverrides.parse({
      o3: { cachedInputUsdPerMillion: null, checkedOn: '2027-01-15' },
      'o4-mini': { inputUsdPerMillion: 1, checkedOn: '2027-01-15' },
    });
    expect(priceFor('o3', overrides)?.cachedInputUsdPerMillion).toBeNull();
    expect(priceFor('o4-mini', overrides)?.cachedInputUsdPerMillion).toBe(0.275);
  });

  it('a snapshot name gets its base model’s price and overrides', () => {
    const overrides = PriceOverrides.parse({
      'gpt-5-pro': { inputUsdPerMillion: 10, checkedOn: '2027-01-15' },
    });
    expect(priceFor('gpt-5-pro-2025-10-06', overrides)?.inputUsdPerMillion).toBe(10);
  });

  it('an unknown model has no price, even with an override', () => {
    const overrides = PriceOverrides.parse({
      'my-model': {
        inputUsdPerMillion: 1,
        cachedInputUsdPerMillion: null,
        outputUsdPerMillion: 2,
        checkedOn: '2027-01-15',
      },
    });
    expect(priceFor('my-model', overrides)).toBeUndefined();
  });

  it.each<[unknown, string]>([
    [{ o3: { inputUsdPerMillion: 1 } }, 'no date'],
    [{ o3: { inputUsdPerMillion: 1, checkedOn: '2027-02-30' } }, 'an impossible date'],
    [{ o3: { inputUsdPerMillion: -1, checkedOn: '2027-01-15' } }, 'a negative price'],
    [{ o3: { outputUsdPerMillion: '8', checkedOn: '2027-01-15' } }, 'a price as text'],
    [{ '': { checkedOn: '2027-01-15' } }, 'an empty model id'],
  ])('PriceOverrides refuses %j (%s)', (overrides, _reason) => {
    expect(PriceOverrides.safeParse(overrides).success).toBe(false);
  });

  it('ModelPrice refuses a price that is not a finite number', () => {
    const price = { ...findModel('o3')?.price, inputUsdPerMillion: Number.POSITIVE_INFINITY };
    expect(ModelPrice.safeParse(price).success).toBe(false);
  });
});
