// A typed client for the control API, for tests and tools that talk to an emulator over HTTP
// (in process or started with `npm run emulator`).
import type { ResponseSummary } from './control-routes.js';
import type { LoggedRequest } from './request-log.js';
import type { ResponseObject } from './response-object.js';
import type {
  EmulatorConfig,
  EmulatorConfigInput,
  KeyPolicyInput,
  RequestFaultInput,
  RequestKind,
  ResponsePatchInput,
  ResponseScript,
  ScriptRuleInput,
} from './script.js';

export class ControlClient {
  constructor(private readonly origin: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.origin}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) {
      const message = (json as { error?: unknown }).error;
      throw new Error(
        `emulator control ${method} ${path} failed (${res.status}): ${String(message)}`,
      );
    }
    return json as T;
  }

  reset(): Promise<{ ok: true }> {
    return this.call('POST', 'reset');
  }
  configure(patch: EmulatorConfigInput): Promise<EmulatorConfig> {
    return this.call('PUT', 'config', patch);
  }
  /** Scripts the next matching create(s). */
  addScript(rule: ScriptRuleInput): Promise<{ id: number }> {
    return this.call('POST', 'scripts', rule);
  }
  clearScripts(): Promise<{ ok: true }> {
    return this.call('DELETE', 'scripts');
  }
  addFault(fault: RequestFaultInput): Promise<{ id: number }> {
    return this.call('POST', 'faults', fault);
  }
  clearFaults(): Promise<{ ok: true }> {
    return this.call('DELETE', 'faults');
  }
  setKeys(policy: KeyPolicyInput): Promise<{ ok: true }> {
    return this.call('PUT', 'keys', policy);
  }
  requests(filter: { kind?: RequestKind; responseId?: string } = {}): Promise<LoggedRequest[]> {
    const query = new URLSearchParams();
    if (filter.kind) query.set('kind', filter.kind);
    if (filter.responseId) query.set('responseId', filter.responseId);
    return this.call('GET', `requests?${query.toString()}`);
  }
  clearRequests(): Promise<{ ok: true }> {
    return this.call('DELETE', 'requests');
  }
  responses(): Promise<ResponseSummary[]> {
    return this.call('GET', 'responses');
  }
  response(
    id: string,
  ): Promise<ResponseSummary & { response: ResponseObject; script: ResponseScript }> {
    return this.call('GET', `responses/${encodeURIComponent(id)}`);
  }
  patchResponse(id: string, patch: ResponsePatchInput): Promise<ResponseSummary> {
    return this.call('PATCH', `responses/${encodeURIComponent(id)}`, patch);
  }
}
