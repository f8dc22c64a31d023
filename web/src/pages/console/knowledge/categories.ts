import { queryChoices, useOpenApiDocument } from '../openApiDocument';

/** The categories the API knows, from its contract, so one it adds is offered without a release of the pages. */
export function useKnowledgeCategories(): string[] {
  const document = useOpenApiDocument();
  return document.data ? queryChoices(document.data, '/v1/knowledge/articles', 'category') : [];
}
