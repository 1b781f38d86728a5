// The price in force for a job's model (built-in, after the person's overrides), if Mull knows it.
import type { ModelInfo } from '../../../shared/models.js';
import { findModel } from '../../../shared/models.js';
import { useModels } from './use-app-data.js';

export function catalogModel(
  catalog: readonly ModelInfo[] | undefined,
  model: string,
): ModelInfo | undefined {
  const known = findModel(model);
  return known && (catalog?.find((candidate) => candidate.id === known.id) ?? known);
}

export function useCatalogModel(model: string): ModelInfo | undefined {
  const { data } = useModels();
  return catalogModel(data, model);
}
