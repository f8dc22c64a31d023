/**
 * Kubernetes' OpenAPI schemas (the API server's swagger.json, a CRD's openAPIV3Schema) turned into
 * the standalone, strict JSON schemas kubeconform validates against: every $ref inlined, and every
 * object closed (additionalProperties: false) unless Kubernetes keeps unknown fields there, so a
 * misspelt or misplaced field fails the check as the API server would refuse it.
 */

export type Schema = { [keyword: string]: unknown };

/** The validation keywords kept; descriptions, formats (int32, byte) and x- extensions are dropped. */
const KEPT = [
  'type', 'enum', 'required', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
] as const;
const SUBSCHEMA_LISTS = ['oneOf', 'anyOf', 'allOf'] as const;

const INT_OR_STRING: Schema = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
/** The API server takes a quantity as a string ("512Mi") or a number (2). */
const QUANTITY: Schema = { oneOf: [{ type: 'string' }, { type: 'number' }] };
const QUANTITY_DEFINITION = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves `#/definitions/<name>`, or returns null where the chain loops (JSONSchemaProps): anything goes there. */
export type Resolver = (ref: string, convert: (schema: Schema) => Schema) => Schema | null;

export function convertSchema(schema: Schema, resolve: Resolver): Schema {
  if (typeof schema.$ref === 'string') return resolve(schema.$ref, (s) => convertSchema(s, resolve)) ?? {};
  if (schema.format === 'int-or-string' || schema['x-kubernetes-int-or-string'] === true) return INT_OR_STRING;
  const out: Schema = {};
  for (const keyword of KEPT) if (schema[keyword] !== undefined) out[keyword] = schema[keyword];
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  for (const keyword of SUBSCHEMA_LISTS) {
    const list = schema[keyword];
    if (Array.isArray(list)) out[keyword] = list.filter(isSchema).map((s) => convertSchema(s, resolve));
  }
  if (isSchema(schema.items)) out.items = convertSchema(schema.items, resolve);
  if (isSchema(schema.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).filter(([, s]) => isSchema(s)).map(([name, s]) => [name, convertSchema(s as Schema, resolve)]),
    );
  }
  const preservesUnknown = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (isSchema(schema.additionalProperties)) out.additionalProperties = convertSchema(schema.additionalProperties, resolve);
  else if (typeof schema.additionalProperties === 'boolean') out.additionalProperties = schema.additionalProperties;
  else if (out.properties !== undefined && !preservesUnknown) out.additionalProperties = false;
  return out;
}

/** Resolves swagger.json's definitions, each converted once; a definition met again inside itself is cut. */
export function definitionResolver(definitions: Record<string, Schema>): Resolver {
  const done = new Map<string, Schema>();
  const inProgress = new Set<string>();
  return (ref, convert) => {
    const name = ref.replace(/^#\/definitions\//, '');
    if (name === QUANTITY_DEFINITION) return QUANTITY;
    const known = done.get(name);
    if (known) return known;
    if (inProgress.has(name)) return null;
    const definition = definitions[name];
    if (!definition) throw new Error(`unknown definition ${ref}`);
    inProgress.add(name);
    const converted = convert(definition);
    inProgress.delete(name);
    done.set(name, converted);
    return converted;
  };
}

/** A kind's top-level schema, pinned to its apiVersion and kind as the file name promises. */
export function kindSchema(body: Schema, apiVersion: string, kind: string): Schema {
  const properties = isSchema(body.properties) ? body.properties : {};
  return {
    ...body,
    properties: { ...properties, apiVersion: { type: 'string', enum: [apiVersion] }, kind: { type: 'string', enum: [kind] } },
    required: [...new Set([...(Array.isArray(body.required) ? (body.required as string[]) : []), 'apiVersion', 'kind'])],
  };
}

/** kubeconform's file name for a kind: kind, then the group's first label, then the version, all lower case. */
export function schemaFileName(group: string, version: string, kind: string): string {
  const groupPart = group === '' ? '' : `-${group.split('.')[0]}`;
  return `${kind}${groupPart}-${version}.json`.toLowerCase();
}
