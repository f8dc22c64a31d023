import { CaseStatus } from '../../workflows/registry';
import { type ApiClient, ApiHarness } from './support/apiHarness';

/**
 * Query parameters are a closed vocabulary: a value outside an enum, or a parameter a route does
 * not take, is a 400 naming what is accepted, never an empty or unfiltered 200. Every operation of
 * /openapi.json is checked, so a route added later is held to the same rule without a line here.
 */

let api: ApiHarness;
let local: ApiClient;
let operations: Operation[];

interface Parameter {
  name: string;
  in: string;
  schema: { enum?: string[]; $ref?: string };
}
interface Operation {
  method: string;
  path: string;
  query: Parameter[];
}

/** Every GET operation (the reads, where a filter matters) with its query parameters, $refs resolved. */
async function getOperations(client: ApiClient): Promise<Operation[]> {
  const document = (await client.get('/openapi.json')).body;
  const schemas = document.components.schemas as Record<string, { enum?: string[] }>;
  const resolved = (p: Parameter): Parameter => {
    const ref = p.schema.$ref?.replace('#/components/schemas/', '');
    return ref ? { ...p, schema: { ...schemas[ref], ...p.schema } } : p;
  };
  return Object.entries(document.paths as Record<string, Record<string, { parameters?: Parameter[] }>>).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => method === 'get')
      .map(([method, op]) => ({ method, path, query: (op.parameters ?? []).filter((p) => p.in === 'query').map(resolved) })),
  );
}

/** Path parameters filled with something well formed; the query is checked whatever they name. */
const concrete = (path: string) => path.replace(/\{kind\}/, 'carrier').replace(/\{(\w+)\}/g, 'x1');

beforeAll(async () => {
  api = await ApiHarness.start('api-list-filters');
  local = await api.variant({ localSignIn: true });
  operations = await getOperations(local);
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

describe('a list filter', () => {
  it('refuses a status no process has, naming every status there is', async () => {
    const res = await api.get('/v1/cases?status=no_such_status');

    expect(res.status).toBe(400);
    expect(res.body.type).toBe(problemType('validation'));
    expect(res.body.errors).toEqual([{ in: 'query', path: 'status', message: expect.any(String), allowed: CaseStatus.options }]);
    for (const status of CaseStatus.options) expect(res.body.detail).toContain(`"${status}"`);
    expect((await api.get('/v1/cases?status=under_review')).status).toBe(200);
  });

  it('refuses a misspelt filter instead of answering the unfiltered list, naming the filters there are', async () => {
    const res = await api.get('/v1/cases?stauts=closed');

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        in: 'query',
        path: 'stauts',
        message: expect.stringMatching(/^not a query parameter of this route; this route takes status, type, /),
        allowed: ['status', 'type', 'channel', 'customerId', 'supplierId', 'breached', 'limit', 'cursor'],
      },
    ]);
  });

  it('of any read refuses a value outside its enum with the values it takes', async () => {
    const checked: string[] = [];
    for (const { path, query } of operations) {
      for (const { name, schema } of query.filter((p) => p.schema.enum)) {
        const res = await local.get(`${concrete(path)}?${name}=no_such_value`);

        expect({ path, name, status: res.status }).toEqual({ path, name, status: 400 });
        const error = (res.body.errors as { path: string }[]).find((e) => e.path === name);
        expect({ path, name, error }).toEqual({ path, name, error: { in: 'query', path: name, message: expect.any(String), allowed: schema.enum } });
        checked.push(`${path}?${name}`);
      }
    }
    // The closed sets there are today; a new one is checked without being named here.
    expect(checked).toEqual(
      expect.arrayContaining([
        '/v1/cases?status',
        '/v1/cases?type',
        '/v1/cases?channel',
        '/v1/cases?breached',
        '/v1/work-items?queue',
        '/v1/knowledge/articles?locale',
        '/v1/knowledge/articles?category',
        '/v1/reports/kpis?format',
        '/v1/reports/kpis?groupBy',
        '/v1/reports/agents?format',
      ]),
    );
  });

  it('of any read, and any read without filters, refuses a parameter it does not take', async () => {
    for (const { path, query } of operations) {
      const res = await local.get(`${concrete(path)}?no_such_filter=1`);

      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      const error = (res.body.errors as { path: string }[]).find((e) => e.path === 'no_such_filter');
      expect({ path, error }).toEqual({
        path,
        error: { in: 'query', path: 'no_such_filter', message: expect.stringContaining('not a query parameter'), allowed: query.map((p) => p.name) },
      });
    }
    expect(operations.length).toBeGreaterThan(15);
  });
});
