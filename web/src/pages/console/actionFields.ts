import type { JsonSchema, OpenApiDocument } from './openApiDocument';
import { resolve } from './openApiDocument';

/** One input of an action's form, as its request-body schema describes it. */
export interface ActionField {
  name: string;
  kind: 'text' | 'number' | 'integer' | 'choice' | 'boolean' | 'json';
  required: boolean;
  description?: string;
  choices: string[];
  schema: JsonSchema;
}

function kindOf(schema: JsonSchema): ActionField['kind'] {
  if (schema.enum) return 'choice';
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    default:
      return 'json';
  }
}

/** The form's fields: the body's properties, required ones first as the schema lists them. */
export function actionFields(document: OpenApiDocument, body: JsonSchema): ActionField[] {
  const required = new Set(body.required ?? []);
  return Object.entries(body.properties ?? {}).map(([name, raw]) => {
    const schema = resolve(document, raw) ?? {};
    return {
      name,
      kind: kindOf(schema),
      required: required.has(name),
      description: schema.description ?? raw.description,
      choices: (schema.enum ?? []).map(String),
      schema,
    };
  });
}

export type FieldValues = Record<string, string | boolean>;

/**
 * The request body from what was typed: empty optional fields left out, numbers as numbers.
 * Checking the values is the API's job (its 400 problem names the field); only text that is not
 * JSON at all, which the form cannot send, is refused here.
 */
export function bodyOf(fields: ActionField[], values: FieldValues): { body: Record<string, unknown>; unreadable: string[] } {
  const body: Record<string, unknown> = {};
  const unreadable: string[] = [];
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'boolean') {
      if (value === true || field.required) body[field.name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (field.required) body[field.name] = '';
      continue;
    }
    if (field.kind === 'number' || field.kind === 'integer') body[field.name] = Number(text);
    else if (field.kind === 'json') {
      try {
        body[field.name] = JSON.parse(text) as unknown;
      } catch {
        unreadable.push(field.name);
      }
    } else body[field.name] = text;
  }
  return { body, unreadable };
}
