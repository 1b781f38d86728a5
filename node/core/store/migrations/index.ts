// Every migration Mull knows, in order. Append new ones; never edit or reorder a shipped one.
import { migration as jobs } from './001-jobs.js';
import { migration as jobEvents } from './002-job-events.js';
import { migration as jobSearch } from './003-job-search.js';
import { migration as settings } from './004-settings.js';
import { migration as searchSettledText } from './005-search-settled-text.js';
import { migration as jobTools } from './006-job-tools.js';
import { migration as jobItems } from './007-job-items.js';
import { migration as keptSpendAndPrices } from './008-kept-spend-and-prices.js';
import { migration as searchableInstructions } from './009-searchable-instructions-and-indexes.js';
import { migration as attachmentsTiersGroups } from './010-attachments-tiers-groups.js';
import { migration as uploadedFiles } from './011-uploaded-files.js';
import { migration as answerChunks } from './012-answer-chunks.js';
import { migration as spendByModel } from './013-spend-by-model.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

export const shippedMigrations: readonly Migration[] = [
  jobs,
  jobEvents,
  jobSearch,
  settings,
  searchSettledText,
  jobTools,
  jobItems,
  keptSpendAndPrices,
  searchableInstructions,
  attachmentsTiersGroups,
  uploadedFiles,
  answerChunks,
  spendByModel,
];
