// `jobs:get` with `known`: the texts the page holds already are left out of the answer
// (shared/ipc/known-text.ts), so a page that streamed a long answer does not download it again
// (twice: the job's answer and its output items) when the job ends.
import type { JobDetail, RequestOf } from '../../shared/ipc/contract.js';
import { elideItemTexts, sameMark } from '../../shared/ipc/known-text.js';

type Known = NonNullable<RequestOf<'jobs:get'>['known']>;

export function withoutKnownText(detail: JobDetail, known: Known): JobDetail {
  const { job } = detail;
  const answer = job.answer !== '' && sameMark(known.answer, job.answer);
  const reasoningSummary =
    job.reasoningSummary !== '' && sameMark(known.reasoningSummary, job.reasoningSummary);
  if (!answer && !reasoningSummary) return detail;
  return {
    ...detail,
    job: {
      ...job,
      answer: answer ? '' : job.answer,
      reasoningSummary: reasoningSummary ? '' : job.reasoningSummary,
    },
    items: elideItemTexts(detail.items, {
      answer: answer ? job.answer : undefined,
      reasoningSummary: reasoningSummary ? job.reasoningSummary : undefined,
    }),
    kept: { answer, reasoningSummary },
  };
}
