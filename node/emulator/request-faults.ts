// HTTP-level faults: the next K matching requests get an error instead of their real reply.
import { ApiError, defaultErrorMessage, defaultErrorType } from './api-error.js';
import type { RequestFault, RequestKind } from './script.js';

interface ArmedFault {
  id: number;
  fault: RequestFault;
  remaining: number | null;
}

export class RequestFaults {
  private armed: ArmedFault[] = [];
  private nextId = 1;

  add(fault: RequestFault): number {
    const id = this.nextId++;
    this.armed.push({ id, fault, remaining: fault.count });
    return id;
  }

  clear(): void {
    this.armed = [];
  }

  list(): Array<RequestFault & { id: number; remaining: number | null }> {
    return this.armed.map((a) => ({ ...a.fault, id: a.id, remaining: a.remaining }));
  }

  /** The error this request must get, if an armed fault matches it (consuming one use). */
  take(
    kind: RequestKind,
    responseId: string | undefined,
    serviceTier?: string,
  ): ApiError | undefined {
    const armed = this.armed.find(
      (a) =>
        (a.fault.on === undefined || a.fault.on.includes(kind)) &&
        (a.fault.responseId === undefined || a.fault.responseId === responseId) &&
        (a.fault.serviceTier === undefined || a.fault.serviceTier === serviceTier),
    );
    if (!armed) return undefined;
    if (armed.remaining !== null && --armed.remaining <= 0) {
      this.armed = this.armed.filter((a) => a !== armed);
    }
    const f = armed.fault;
    const headers: Record<string, string> = {};
    if (f.retryAfterSeconds !== undefined) headers['retry-after'] = String(f.retryAfterSeconds);
    if (f.retryAfterMs !== undefined) headers['retry-after-ms'] = String(f.retryAfterMs);
    return new ApiError(
      f.status,
      {
        message: f.message ?? defaultErrorMessage(f.status, f.code),
        type: f.type ?? defaultErrorType(f.status),
        param: null,
        code: f.code ?? null,
      },
      headers,
    );
  }
}
