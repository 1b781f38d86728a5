// Everything the emulated server knows: its settings, scripted rules, live responses, armed
// faults, key policy and request log. The HTTP layers (api-routes.ts, control-routes.ts) only
// translate requests into calls on this.
import { randomBytes } from 'node:crypto';
import { ApiError, invalidRequest } from './api-error.js';
import type { CreateRequest } from './create-request.js';
import { planResponse } from './response-plan.js';
import { planFromRecording } from './recorded-plan.js';
import { ResponseRun } from './response-run.js';
import { RequestFaults } from './request-faults.js';
import { RequestLog } from './request-log.js';
import { UploadedFiles } from './uploaded-files.js';
import {
  EmulatorConfig,
  KeyPolicy,
  ResponsePatch,
  ResponseScript,
  ScriptRule,
  type EmulatorConfigInput,
  type KeyPolicyInput,
  type ResponsePatchInput,
  type ResponseScriptInput,
  type ScriptMatch,
  type ScriptRuleInput,
} from './script.js';

interface StoredRule {
  id: number;
  match: ScriptMatch;
  remaining: number | null;
  /** Kept as given, so it layers over the default script field by field. */
  script: ResponseScriptInput;
}

export interface InitialSettings {
  config?: EmulatorConfigInput;
  rules?: ScriptRuleInput[];
  keys?: KeyPolicyInput;
}

export class EmulatorState {
  config!: EmulatorConfig;
  private defaultScriptInput: ResponseScriptInput = {};
  private rules: StoredRule[] = [];
  private nextRuleId = 1;
  private runs = new Map<string, ResponseRun>();
  /** Runs created with store: false: they stream but GET never finds them. */
  private unstored = new Set<string>();
  keys!: KeyPolicy;
  readonly faults = new RequestFaults();
  readonly log = new RequestLog();
  /** Files uploaded through `POST /files`, which a create may name by `file_id`. */
  readonly files = new UploadedFiles();

  constructor(private readonly initial: InitialSettings = {}) {
    this.reset();
  }

  /** Back to the settings given at start: no responses, rules, faults or logged requests. */
  reset(): void {
    for (const run of this.runs.values()) run.dispose();
    this.runs.clear();
    this.unstored.clear();
    this.rules = [];
    this.faults.clear();
    this.log.clear();
    this.files.clear();
    this.config = EmulatorConfig.parse({});
    this.defaultScriptInput = {};
    this.configure(this.initial.config ?? {});
    for (const rule of this.initial.rules ?? []) this.addRule(rule);
    this.setKeys(this.initial.keys ?? {});
  }

  dispose(): void {
    for (const run of this.runs.values()) run.dispose();
  }

  configure(patch: EmulatorConfigInput): EmulatorConfig {
    const defaultScript = patch.defaultScript ?? this.defaultScriptInput;
    this.config = EmulatorConfig.parse({ ...this.config, ...patch, defaultScript });
    this.defaultScriptInput = defaultScript;
    return this.config;
  }

  addRule(input: ScriptRuleInput): number {
    const rule = ScriptRule.parse(input);
    this.layeredScript(input.script ?? {}); // validate the layering now, not at create time
    const id = this.nextRuleId++;
    this.rules.push({ id, match: rule.match, remaining: rule.times, script: input.script ?? {} });
    return id;
  }

  listRules(): Array<{
    id: number;
    match: ScriptMatch;
    remaining: number | null;
    script: ResponseScriptInput;
  }> {
    return this.rules.map((r) => ({ ...r }));
  }

  clearRules(): void {
    this.rules = [];
  }

  setKeys(input: KeyPolicyInput): KeyPolicy {
    this.keys = KeyPolicy.parse(input);
    return this.keys;
  }

  /** The 401 a request with this key gets, if any. */
  checkKey(key: string | undefined): ApiError | undefined {
    if (key === undefined || key === '') {
      return new ApiError(401, {
        message:
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.",
        type: 'invalid_request_error',
        param: null,
        code: null,
      });
    }
    const { allowed, revoked } = this.keys;
    if (revoked.includes(key) || (allowed !== null && !allowed.includes(key))) {
      // The real message shows a masked key: clients must not store even that in plain files.
      const masked = `${key.slice(0, 3)}${'*'.repeat(Math.max(0, key.length - 7))}${key.slice(-4)}`;
      return new ApiError(401, {
        message: `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      });
    }
    return undefined;
  }

  /** The live run for an id as a client may see it, or the API's 404. */
  findRun(id: string): ResponseRun {
    const run = this.runs.get(id);
    if (!run || run.expired || this.unstored.has(id)) {
      throw invalidRequest(`Response with id '${id}' not found.`, null, null, 404);
    }
    return run;
  }

  allRuns(): ResponseRun[] {
    return [...this.runs.values()];
  }

  createResponse(req: CreateRequest): ResponseRun {
    this.files.check(req.fileReferences);
    let previousTokens = 0;
    if (req.previousResponseId !== null) {
      const previous = this.runs.get(req.previousResponseId);
      if (!previous || previous.expired || this.unstored.has(req.previousResponseId)) {
        throw invalidRequest(
          `Previous response with id '${req.previousResponseId}' not found.`,
          'previous_response_id',
          'previous_response_not_found',
          404,
        );
      }
      previousTokens = previous.totalTokens;
    }
    const script = this.scriptFor(req);
    const id = `resp_${randomBytes(25).toString('hex')}`;
    const plan =
      script.recording !== undefined
        ? planFromRecording(id, script.recording)
        : planResponse(
            id,
            {
              fields: {
                createdAt: Math.floor(Date.now() / 1000),
                modelSnapshot: req.model.snapshot,
                background: req.background,
                store: req.store,
                instructions: req.instructions,
                maxOutputTokens: req.maxOutputTokens,
                previousResponseId: req.previousResponseId,
                reasoning: req.reasoning,
                metadata: req.metadata,
                temperature: req.temperature,
                topP: req.topP,
                serviceTier: req.serviceTier,
                tools: req.tools,
                maxToolCalls: req.maxToolCalls,
              },
              promptText: req.promptText,
              reasoningModel: req.model.reasoning,
              previousTokens,
              stream: req.stream,
              includeObfuscation: req.includeObfuscation,
              include: req.include,
              deepResearchModel: req.model.needsDataSourceTool === true,
            },
            script,
          );
    const run = new ResponseRun({
      plan,
      script,
      speed: this.config.speed,
      stream: req.stream,
      background: req.background,
    });
    this.runs.set(id, run);
    if (!req.store) this.unstored.add(id);
    return run;
  }

  deleteResponse(id: string): void {
    const run = this.findRun(id);
    run.dispose();
    this.runs.delete(id);
  }

  patchResponse(id: string, input: ResponsePatchInput): ResponseRun {
    const patch = ResponsePatch.parse(input);
    const run = this.runs.get(id);
    if (!run) throw invalidRequest(`No response with id '${id}'.`, null, null, 404);
    if (patch.expired !== undefined) run.expired = patch.expired;
    if (patch.restreamMaxAgeMs !== undefined) run.restreamMaxAgeMs = patch.restreamMaxAgeMs;
    if (patch.pollAfterMs !== undefined) run.pollAfterMs = patch.pollAfterMs ?? undefined;
    if (patch.streamFaults) run.pendingStreamFaults.push(...patch.streamFaults);
    return run;
  }

  restreamLimitMs(run: ResponseRun): number {
    return run.restreamMaxAgeMs ?? this.config.restreamMaxAgeMs;
  }

  pollAfterMs(run: ResponseRun): number | undefined {
    return run.pollAfterMs ?? this.config.pollAfterMs;
  }

  private scriptFor(req: CreateRequest): ResponseScript {
    const rule = this.rules.find((r) => ruleMatches(r.match, req));
    if (!rule) return this.layeredScript({});
    if (rule.remaining !== null && --rule.remaining <= 0) {
      this.rules = this.rules.filter((r) => r !== rule);
    }
    return this.layeredScript(rule.script);
  }

  private layeredScript(over: ResponseScriptInput): ResponseScript {
    const base = this.defaultScriptInput;
    return ResponseScript.parse({
      ...base,
      ...over,
      timing: { ...base.timing, ...over.timing },
      usage: { ...base.usage, ...over.usage },
      toolRun: { ...base.toolRun, ...over.toolRun },
    });
  }
}

function ruleMatches(match: ScriptMatch, req: CreateRequest): boolean {
  if (match.model !== undefined && match.model !== req.modelName) return false;
  if (match.promptIncludes !== undefined && !req.promptText.includes(match.promptIncludes))
    return false;
  if (match.metadata) {
    for (const [key, value] of Object.entries(match.metadata)) {
      if (req.metadata[key] !== value) return false;
    }
  }
  return true;
}
