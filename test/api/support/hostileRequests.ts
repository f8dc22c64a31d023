import fc from 'fast-check';
import type { AccessRule } from '../../../api/auth/access';
import type { Role } from '../../../api/auth/tokens';
import { signWebhook } from '../../../api/webhooks/signature';

/**
 * Generators of hostile requests for the property-based test. Every request carries at least one
 * defect that makes it certain to fail (a bad token, a role the route refuses, a case beyond
 * reach, a malformed path parameter or query value, a missing header, a bad signature, a wrong
 * content type, a closed case, a reused key), and is otherwise as hostile as can be: random
 * bodies, bytes, deep nesting, oversized documents, NUL characters, odd headers.
 */

export interface QueryParameter {
  name: string;
  /** The values it takes, when it takes a closed set (an enum in the OpenAPI document). */
  allowed?: string[];
}

export interface RouteShape {
  method: 'get' | 'post' | 'put';
  path: string;
  rule: AccessRule;
  /** An operation of the OpenAPI document; else one of the few routes outside it (the contract itself, metrics). */
  documented: boolean;
  /** Query parameters (from the OpenAPI document). */
  query: QueryParameter[];
  /** Header parameters a request must carry. */
  requiredHeaders: string[];
}

/** What exists before the fuzzing starts; none of it may change. */
export interface World {
  /** valid: one per role, the customer being the owner of the world's cases and the supplier the assigned one. */
  tokens: { valid: Record<Role, string>; intruder: string; otherSupplier: string; invalid: string[] };
  ownerCase: string;
  assignedCase: string;
  closedCase: string;
  webhookSecret: string;
  /** The owner's intake request and key: a different body under the same key must be refused. */
  intake: { body: Record<string, unknown>; key: string };
}

export interface HostileRequest {
  defect: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));
const hex = fc.stringMatching(/^[0-9a-f]{26}$/);
/** Never a valid id or name of ours: every one holds a character none of them allows. */
const malformed = fc
  .tuple(fc.string({ maxLength: 40 }), fc.constantFrom('~', '!', ' ', 'ü', '\0', '$', '"', '<', '*'), fc.string({ maxLength: 5 }))
  .map(([a, bad, b]) => `${a}${bad}${b}`);
const hugeQueryValue = fc.tuple(fc.integer({ min: 201, max: 600 }), printable(10)).map(([n, tail]) => 'x'.repeat(n) + tail);

const hostileJsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('\0', '\u202e', '\ud83d\ude00'.repeat(200), 'a'.repeat(3000), -1, 1e308, 0.5, null, true, [], {}),
);

/** Replaces one leaf of a valid document with a different, hostile value. */
function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const collect = (value: unknown, path: (string | number)[]) => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) collect(v, [...path, Array.isArray(value) ? Number(k) : k]);
    } else paths.push(path);
  };
  collect(base, []);
  return fc.tuple(fc.constantFrom(...paths), hostileJsonValue).map(([path, value]) => {
    const copy = structuredClone(base);
    let at: any = copy;
    for (const key of path.slice(0, -1)) at = at[key];
    const last = path[path.length - 1]!;
    // A "mutation" to the very same value would leave a valid request: use a different one then.
    at[last] = JSON.stringify(at[last]) === JSON.stringify(value) ? [value] : value;
    return copy;
  });
}

const deepNesting = fc.integer({ min: 100, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
const oversized = fc.constant(JSON.stringify({ reason: 'x'.repeat(150_000) }));

function bodies(base?: Record<string, unknown>): fc.Arbitrary<Buffer | undefined> {
  const text = fc.oneof(
    { arbitrary: fc.json({ maxDepth: 5 }), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 2 },
    { arbitrary: base ? mutated(base).map((v) => JSON.stringify(v)) : fc.json(), weight: 6 },
    { arbitrary: deepNesting, weight: 1 },
    { arbitrary: oversized, weight: 1 },
    { arbitrary: fc.constantFrom('', 'null', '{', '{"a":"\\u0000"}', '[]', '"\\ud800"'), weight: 2 },
  );
  return fc.oneof(
    { arbitrary: text.map((t) => Buffer.from(t)), weight: 10 },
    { arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

const jsonTypes = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON');
const otherTypes = fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx');
const extraHeaders = fc.dictionary(fc.stringMatching(/^x-[a-z]{1,12}$/), printable(60), { maxKeys: 3 });
const requestIds = fc.option(fc.oneof(printable(200), fc.constant('trace-1')), { nil: undefined });

function signature(secret: string, body: Buffer | undefined, kind: 'valid' | 'stale' | 'wrong' | 'garbage' | 'missing') {
  const raw = body?.toString('utf8') ?? '';
  const now = Math.floor(Date.now() / 1000);
  if (kind === 'missing') return {};
  if (kind === 'garbage') return { 'x-webhook-timestamp': String(now), 'x-webhook-signature': `v1=${'0'.repeat(64)}` };
  if (kind === 'stale') return signWebhook(secret, raw, now - 3600);
  return signWebhook(kind === 'wrong' ? `${secret}-not` : secret, raw, now);
}

/** Where a route's `:param` segments get their values: ids that exist, ids that do not, and garbage. */
function paramValue(world: World, route: RouteShape, param: string, defect: string): fc.Arbitrary<string> {
  const caseId = route.path.startsWith('/v1/cases/') && param === 'id';
  if (defect === 'param') return caseId ? fc.oneof(malformed, hex.map((h) => `case_${h}`)) : malformed;
  if (caseId && defect === 'reach') return fc.constantFrom(world.ownerCase, world.assignedCase, world.closedCase);
  if (caseId && defect === 'closed-case') return fc.constant(world.closedCase);
  if (caseId) return fc.oneof(fc.constantFrom(world.ownerCase, world.assignedCase, world.closedCase), hex.map((h) => `case_${h}`), malformed);
  // Other names (a partner, an unknown action) never match a real route with them: they are all garbage.
  return fc.oneof(malformed, fc.constantFrom('dhl', 'sim-carrier', 'wh-1', 'acme-repairs'));
}

/** The defects a route can be given with certainty of failing. */
export function defectsFor(route: RouteShape): string[] {
  const defects: string[] = [];
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (route.rule.kind === 'token') {
    defects.push('token');
    if (Object.keys(route.rule.reaches).length < 5) defects.push('role');
    const { customer, supplier } = route.rule.reaches;
    if (params.includes('id') && route.path.startsWith('/v1/cases/') && (customer === 'own' || supplier === 'assigned')) defects.push('reach');
  }
  if (params.length > 0 && !route.path.includes(':action')) defects.push('param');
  if (route.query.length > 0) defects.push('query');
  if (route.query.some((p) => p.allowed)) defects.push('enum-value');
  // A documented route refuses a query parameter it does not take; the contract and the metrics are not such routes.
  if (route.documented) defects.push('unknown-query');
  if (route.requiredHeaders.length > 0) defects.push('header');
  if (route.rule.kind === 'partner-signature') defects.push('signature', 'signed-refused');
  if (route.method !== 'get') defects.push('content-type');
  if (route.method === 'post' && route.path.startsWith('/v1/cases/:id')) defects.push('closed-case');
  if (route.method === 'post' && route.path === '/v1/cases') defects.push('reused-key');
  return defects;
}

/**
 * A partner event for the world's closed case: refused as it is (409), so fast-check shrinking a
 * mutation back to it still sends a refusal; an open case would take it, or answer 503 step-early.
 */
function partnerEvent(world: World) {
  return { eventId: 'e-1', type: 'picked_up', caseId: world.closedCase, trackingNumber: `track-${world.closedCase}`, occurredAt: new Date().toISOString() };
}

/** Values for the route's own query parameters: an enum's mostly from its values, so the request goes on to meet its defect. */
function queryValues(parameters: QueryParameter[]): fc.Arbitrary<Record<string, string>> {
  const anyValue = fc.oneof(printable(30), fc.constant('\0'));
  return fc
    .tuple(
      ...parameters.map((p) =>
        fc.option(p.allowed ? fc.oneof({ arbitrary: fc.constantFrom(...p.allowed), weight: 4 }, { arbitrary: anyValue, weight: 1 }) : anyValue, {
          nil: undefined,
          freq: 2,
        }),
      ),
    )
    .map((values) => Object.fromEntries(parameters.flatMap((p, i) => (values[i] === undefined ? [] : [[p.name, values[i]!]]))));
}

/** Not the name of any query parameter of ours, nor of one the route takes; access_token among them, which no route reads. */
const strangerName = fc.oneof(fc.stringMatching(/^[a-z_]{1,20}$/).map((n) => `x_${n}`), fc.constantFrom('access_token', 'token', 'stauts', 'limit ', 'Status'));

/** The one query parameter that carries the defect: oversized or NUL, outside its enum, or not the route's. */
function badQueryValue(route: RouteShape, defect: string): fc.Arbitrary<[string, string] | undefined> {
  if (defect === 'query') return fc.tuple(fc.constantFrom(...route.query.map((p) => p.name)), fc.oneof(hugeQueryValue, fc.constant('\0')));
  if (defect === 'enum-value') {
    return fc
      .constantFrom(...route.query.filter((p) => p.allowed))
      .chain((p) => fc.tuple(fc.constant(p.name), fc.oneof(printable(30), fc.constantFrom(...p.allowed!).map((v) => `${v.toUpperCase()}_`)).filter((v) => !p.allowed!.includes(v))));
  }
  if (defect === 'unknown-query') return fc.tuple(strangerName.filter((n) => !route.query.some((p) => p.name === n)), printable(30));
  return fc.constant(undefined);
}

function authorization(world: World, route: RouteShape, defect: string): fc.Arbitrary<string | undefined> {
  const { valid, intruder, otherSupplier, invalid } = world.tokens;
  if (route.rule.kind !== 'token') return fc.option(fc.constantFrom(...Object.values(valid), ...invalid), { nil: undefined });
  const reaches = route.rule.reaches;
  if (defect === 'token') return fc.oneof(fc.constant(undefined), fc.constantFrom(...invalid), printable(80));
  if (defect === 'role') return fc.constantFrom(...(Object.keys(valid) as Role[]).filter((r) => !reaches[r]).map((r) => valid[r]));
  if (defect === 'reach') return fc.constantFrom(...[reaches.customer ? intruder : undefined, reaches.supplier ? otherSupplier : undefined].filter((t) => t !== undefined));
  if (defect === 'reused-key') return fc.constant(valid.customer);
  return fc.constantFrom(...Object.values(valid));
}

export function hostileRequest(world: World, route: RouteShape, defect: string): fc.Arbitrary<HostileRequest> {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const base = route.path === '/v1/cases' ? world.intake.body : route.rule.kind === 'partner-signature' ? partnerEvent(world) : undefined;
  const knownQuery = route.query.length ? queryValues(route.query) : fc.constant({});
  return fc
    .record({
      params: fc.tuple(...params.map((p) => paramValue(world, route, p, defect))),
      query: knownQuery,
      badQuery: badQueryValue(route, defect),
      authorization: authorization(world, route, defect),
      contentType: defect === 'content-type' ? otherTypes : fc.oneof({ arbitrary: jsonTypes, weight: 8 }, { arbitrary: otherTypes, weight: 1 }),
      body: defect === 'content-type' ? bodies(base).map((b) => (b?.length ? b : Buffer.from('{}'))) : bodies(base),
      idempotencyKey: fc.option(printable(60), { nil: undefined }),
      badKey: fc.oneof(fc.constant(undefined), fc.constant(''), printable(10).map((s) => s + 'k'.repeat(201))),
      signature: fc.constantFrom<Parameters<typeof signature>[2]>(...(defect === 'signature' ? (['stale', 'wrong', 'garbage', 'missing'] as const) : (['valid'] as const))),
      requestId: requestIds,
      extra: extraHeaders,
    })
    .map((r) => {
      let path = route.path;
      params.forEach((p, i) => (path = path.replace(`:${p}`, encodeURIComponent(r.params[i]!))));
      const query = new URLSearchParams(Object.entries(r.query));
      if (r.badQuery) query.set(...r.badQuery);
      const headers: Record<string, string> = { ...r.extra };
      if (r.authorization !== undefined) headers.authorization = r.authorization;
      if (r.requestId !== undefined) headers['x-request-id'] = r.requestId;
      const body = route.method !== 'get' ? r.body : undefined;
      if (body !== undefined) headers['content-type'] = r.contentType;
      if (route.requiredHeaders.includes('Idempotency-Key')) {
        const key = defect === 'header' ? r.badKey : defect === 'reused-key' ? world.intake.key : r.idempotencyKey;
        if (key !== undefined) headers['idempotency-key'] = key;
      }
      if (route.rule.kind === 'partner-signature') Object.assign(headers, signature(world.webhookSecret, body, r.signature));
      const search = query.toString();
      const method = route.method.toUpperCase() as HostileRequest['method'];
      return { defect, method, path: search ? `${path}?${search}` : path, headers, body };
    });
}
