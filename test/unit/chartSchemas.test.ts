import { convertSchema, definitionResolver, kindSchema, schemaFileName } from '../../scripts/chart/jsonSchema';

/** The offline schemas `npm run chart:check` validates the chart's manifests against (scripts/chart/). */
const definitions = {
  'io.k8s.api.core.v1.Container': {
    description: 'A container.',
    required: ['name'],
    properties: {
      name: { type: 'string', description: 'its name' },
      ports: { type: 'array', items: { $ref: '#/definitions/io.k8s.api.core.v1.ContainerPort' } },
      resources: { type: 'object', additionalProperties: { $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity' } },
    },
  },
  'io.k8s.api.core.v1.ContainerPort': {
    properties: { containerPort: { type: 'integer', format: 'int32' }, name: { type: 'string' } },
  },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
  'io.k8s.apiextensions.JSONSchemaProps': {
    properties: { not: { $ref: '#/definitions/io.k8s.apiextensions.JSONSchemaProps' }, type: { type: 'string' } },
  },
};

function convert(name: keyof typeof definitions) {
  return convertSchema({ $ref: `#/definitions/${name}` }, definitionResolver(definitions));
}

describe('Kubernetes schemas for kubeconform', () => {
  it('inlines references and closes every object with named fields, so a misspelt field is an error', () => {
    expect(convert('io.k8s.api.core.v1.Container')).toEqual({
      required: ['name'],
      properties: {
        name: { type: 'string' },
        ports: {
          type: 'array',
          items: { properties: { containerPort: { type: 'integer' }, name: { type: 'string' } }, additionalProperties: false },
        },
        // A map keeps any key; its values are quantities, strings ("512Mi") or numbers (2).
        resources: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
      },
      additionalProperties: false,
    });
  });

  it('takes an integer or a string where Kubernetes does (ports by name, surge as a percentage)', () => {
    expect(convert('io.k8s.apimachinery.pkg.util.intstr.IntOrString')).toEqual({ oneOf: [{ type: 'string' }, { type: 'integer' }] });
    expect(convertSchema({ 'x-kubernetes-int-or-string': true }, () => null)).toEqual({ oneOf: [{ type: 'string' }, { type: 'integer' }] });
  });

  it('leaves open what a CRD keeps unknown fields in, and allows null where it says nullable', () => {
    const crd = { type: 'object', properties: { metadata: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string', nullable: true } } } } };
    expect(convertSchema(crd, () => null)).toEqual({
      type: 'object',
      properties: { metadata: { type: 'object', properties: { a: { type: ['string', 'null'] } } } },
      additionalProperties: false,
    });
  });

  it('stops at a definition that contains itself instead of recursing forever', () => {
    expect(convert('io.k8s.apiextensions.JSONSchemaProps')).toEqual({
      properties: { not: {}, type: { type: 'string' } },
      additionalProperties: false,
    });
  });

  it('pins a kind file to its apiVersion and kind, named as kubeconform looks it up', () => {
    const schema = kindSchema({ properties: { spec: {} }, additionalProperties: false }, 'keda.sh/v1alpha1', 'ScaledObject');
    expect(schema.properties).toEqual({ spec: {}, apiVersion: { type: 'string', enum: ['keda.sh/v1alpha1'] }, kind: { type: 'string', enum: ['ScaledObject'] } });
    expect(schema.required).toEqual(['apiVersion', 'kind']);
    expect(schemaFileName('keda.sh', 'v1alpha1', 'ScaledObject')).toBe('scaledobject-keda-v1alpha1.json');
    expect(schemaFileName('networking.k8s.io', 'v1', 'Ingress')).toBe('ingress-networking-v1.json');
    expect(schemaFileName('', 'v1', 'Service')).toBe('service-v1.json');
  });
});
