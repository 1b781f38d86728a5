// The fold of a job that has read nothing yet: a new job, or one attached before any event.
import { StreamFold, type FoldSnapshot } from '../stream-fold.js';

export const nothingRead: FoldSnapshot = {
  cursor: -1,
  answer: '',
  reasoningSummary: '',
  serverStatus: null,
  responseId: null,
  resolvedModel: null,
};

export const freshFold = (): StreamFold => new StreamFold(nothingRead);
