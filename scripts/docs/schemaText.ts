import { z } from 'zod';

/** A JSON Schema node as z.toJSONSchema writes it, as far as the docs read it. */
interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $defs?: Record<string, JsonSchema>;
}

function kind(node: JsonSchema): string {
  if (node.enum) return `one of ${node.enum.map((v) => `\`${v}\``).join(', ')}`;
  if (node.format === 'date-time') return 'date-time';
  if (node.type === 'string') {
    const { minLength: min, maxLength: max } = node;
    return max !== undefined ? `text, ${min ?? 0}–${max} characters` : 'text';
  }
  if (node.type === 'integer' || node.type === 'number') {
    const range = node.minimum !== undefined && node.maximum !== undefined ? ` ${node.minimum}–${node.maximum}` : '';
    return `${node.type}${range}`;
  }
  return node.type ?? 'object';
}

/**
 * The fields of an object schema in a line each reader can act on: name, whether it may be left
 * out, what it takes, and its description. `requiredAlso` marks fields a rule outside the schema
 * demands (a partner step's `requires`).
 */
export function fieldList(schema: z.ZodObject, requiredAlso: readonly string[] = []): string {
  const document = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  // A schema with an id (an /openapi.json component) is a $ref to its definition, the root too.
  const resolve = (node: JsonSchema): JsonSchema => (node.$ref ? resolve(document.$defs?.[node.$ref.split('/').pop()!] ?? {}) : node);
  const root = resolve(document);
  const fields = Object.entries(root.properties ?? {}).map(([name, raw]) => {
    const node = resolve(raw);
    const required = root.required?.includes(name) || requiredAlso.includes(name);
    const description = raw.description ?? node.description;
    return `\`${name}\`${required ? '' : ' (optional)'}: ${kind(node)}${description ? ` — ${description}` : ''}`;
  });
  return fields.length === 0 ? 'none: send `{}`' : fields.join('<br>');
}
