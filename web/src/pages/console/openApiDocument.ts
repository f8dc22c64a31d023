import { useQuery } from '@tanstack/react-query';
import { ApiProblem } from '../../api/problem';

/**
 * The API's own contract, read at run time (GET /openapi.json): the console builds its action
 * forms and search choices from it, so a field or status the API adds shows up without a release
 * of the pages.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

interface Operation {
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export function useOpenApiDocument() {
  return useQuery({
    queryKey: ['openapi'],
    queryFn: async (): Promise<OpenApiDocument> => {
      const response = await fetch('/openapi.json', { headers: { accept: 'application/json' } });
      if (!response.ok) throw new ApiProblem({ type: 'about:blank', title: response.statusText, status: response.status });
      return (await response.json()) as OpenApiDocument;
    },
    staleTime: Infinity,
  });
}

/** A schema with its $ref followed and a nullable union reduced to its one non-null member. */
export function resolve(document: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) {
    const name = schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1);
    return resolve(document, document.components?.schemas?.[name]);
  }
  const members = (schema.anyOf ?? schema.oneOf)?.filter((s) => s.type !== 'null');
  if (members?.length === 1) return { description: schema.description, ...resolve(document, members[0]) };
  return schema;
}

/** The request body an action takes: POST /v1/cases/{id}/actions/<name>; undefined when the API does not describe it. */
export function actionBodySchema(document: OpenApiDocument, action: string): JsonSchema | undefined {
  const operation = document.paths[`/v1/cases/{id}/actions/${action}`]?.post;
  if (!operation) return undefined;
  return resolve(document, operation.requestBody?.content?.['application/json']?.schema ?? {});
}

/** The values a query parameter of an operation may take, from its enum (GET /v1/cases?status=…). */
export function queryChoices(document: OpenApiDocument, path: string, name: string): string[] {
  const parameter = document.paths[path]?.get?.parameters?.find((p) => p.in === 'query' && p.name === name);
  const schema = resolve(document, parameter?.schema);
  return (schema?.enum ?? []).filter((v): v is string => typeof v === 'string');
}
