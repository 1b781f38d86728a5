// The create request for a job: the prompt and its parameters, plus Mull's job id as metadata so
// a response can be matched to its job from the provider's dashboard.
import type { Job } from '../../../shared/job.js';
import { findModel } from '../../../shared/models.js';
import type { CreateBody } from '../provider/responses-client.js';

export function createBodyFor(job: Job, previousResponseId: string | undefined): CreateBody {
  const model = findModel(job.model);
  // Unknown models (custom deployments) get reasoning settings only when the job asked for them.
  const reasoningModel =
    model?.reasoning ?? (job.effort !== null || job.reasoningSummaryMode !== null);
  const body: CreateBody = {
    model: job.model,
    input: job.prompt,
    metadata: { mull_job_id: job.id },
  };
  if (job.instructions !== null) body.instructions = job.instructions;
  if (reasoningModel) {
    const effort = job.effort ?? model?.defaultEffort ?? undefined;
    body.reasoning = {
      ...(effort ? { effort } : {}),
      ...(job.reasoningSummaryMode ? { summary: job.reasoningSummaryMode } : {}),
    };
  }
  if (job.maxOutputTokens !== null) body.max_output_tokens = job.maxOutputTokens;
  if (previousResponseId !== undefined) body.previous_response_id = previousResponseId;
  return body;
}
