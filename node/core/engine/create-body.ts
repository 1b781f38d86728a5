// The create request for a job: the prompt and its parameters, plus Mull's job id as metadata so
// a response can be matched to its job from the provider's dashboard.
import type { Job } from '../../../shared/job.js';
import type { JobTools } from '../../../shared/job-tools.js';
import { findModel } from '../../../shared/models.js';
import { attachmentInput, type AttachmentReader } from '../attachments/index.js';
import type { CreateBody } from '../provider/responses-client.js';

/**
 * A job with attachments sends its prompt and them as one user message (`input_file`,
 * `input_image`): inline, read from the attachment store by `readAttachment` as the body is built,
 * or by the file ids their uploads got (`fileIds`, by sha256: engine/attachment-uploads.ts).
 */
export function createBodyFor(
  job: Job,
  previousResponseId: string | undefined,
  readAttachment?: AttachmentReader,
  fileIds?: ReadonlyMap<string, string>,
): CreateBody {
  const model = findModel(job.model);
  // Unknown models (custom deployments) get reasoning settings only when the job asked for them.
  const reasoningModel =
    model?.reasoning ?? (job.effort !== null || job.reasoningSummaryMode !== null);
  const body: CreateBody = {
    model: job.model,
    input:
      job.attachments.length > 0 && readAttachment
        ? attachmentInput(job.prompt, job.attachments, readAttachment, fileIds)
        : job.prompt,
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
  if (job.serviceTier !== null) body.service_tier = job.serviceTier;
  if (previousResponseId !== undefined) body.previous_response_id = previousResponseId;
  if (job.tools !== null) Object.assign(body, toolsBody(job.tools));
  return body;
}

/**
 * The API's tools, plus `include` for what each tool leaves that the response omits by default
 * (code interpreter outputs, file search results). Web search is `web_search_preview`: the name
 * deep research requires. Its sources are not asked for: `web_search_call.action.sources` is
 * documented with the newer `web_search` tool only, and a refused `include` would fail the job.
 */
function toolsBody(tools: JobTools): Pick<CreateBody, 'tools' | 'max_tool_calls' | 'include'> {
  const list: Record<string, unknown>[] = [];
  const include: string[] = [];
  if (tools.webSearch) {
    list.push({ type: 'web_search_preview' });
  }
  if (tools.codeInterpreter) {
    list.push({ type: 'code_interpreter', container: { type: 'auto' } });
    include.push('code_interpreter_call.outputs');
  }
  if (tools.vectorStoreIds.length > 0) {
    list.push({ type: 'file_search', vector_store_ids: tools.vectorStoreIds });
    include.push('file_search_call.results');
  }
  for (const server of tools.mcpServers) {
    list.push({
      type: 'mcp',
      server_label: server.label,
      server_url: server.url,
      ...(server.allowedTools ? { allowed_tools: server.allowedTools } : {}),
      // A background job has nobody to approve a call: Mull sends only servers the person chose.
      require_approval: 'never',
    });
  }
  if (list.length === 0) return {};
  return {
    tools: list,
    ...(include.length > 0 ? { include } : {}),
    ...(tools.maxToolCalls !== undefined ? { max_tool_calls: tools.maxToolCalls } : {}),
  };
}
