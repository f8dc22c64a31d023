import type { NextFunction, Request, Response } from 'express';
import { SignJWT } from 'jose';
import {
  accessGuard,
  actorOf,
  type Caller,
  callerOf,
  caseReaders,
  customerOnly,
  describeAccess,
  partnerSignature,
  publicAccess,
  ruleOf,
  staff,
  tokenAccess,
} from '../../api/auth/access';
import { reaches, withinReach } from '../../api/auth/caseReach';
import { queueFilter, queueHolds } from '../../api/auth/queues';
import { mintToken, type Principal, tokenSettings, verifyToken } from '../../api/auth/tokens';
import type { CaseListFilter, CaseRecord } from '../../domain';
import { caseQueues, openEscalation } from '../../domain/workQueue';

/**
 * Who reaches which case, without a server: the reach of each role, an agent's queues, a tracking
 * link's single case, and the guard every route starts with. test/api checks the same rules over
 * HTTP; these run in milliseconds, so the mutation run (docs/testing.md) can use them.
 */

const settings = tokenSettings({ AUTH_JWT_ISSUER: 'after-sales-orchestrator', AUTH_JWT_AUDIENCE: 'after-sales-api' }, 'unit-test-secret-unit-test-secret');
const CASE_ID = 'case_3f1c0a9be27d4c51a8e06b9d2f';

function caseRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: CASE_ID,
    type: 'return',
    channel: 'web',
    customerId: 'cust-1',
    status: 'under_review',
    assignee: null,
    details: {},
    ...overrides,
  } as CaseRecord;
}

const caller = (principal: Principal, reach: Caller['reach']): Caller => ({ principal, reach });
const filter: CaseListFilter = { limit: 50, status: 'under_review' } as CaseListFilter;

describe('the reach of a role', () => {
  it('lets supervisors and admins reach every case, customers their own, suppliers those assigned to them', () => {
    const record = caseRecord({ customerId: 'cust-1', details: { supplierId: 'acme' } });
    expect(reaches(caller({ sub: 'sup-1', role: 'supervisor' }, 'all'), record)).toBe(true);
    expect(reaches(caller({ sub: 'cust-1', role: 'customer' }, 'own'), record)).toBe(true);
    expect(reaches(caller({ sub: 'cust-2', role: 'customer' }, 'own'), record)).toBe(false);
    expect(reaches(caller({ sub: 'acme', role: 'supplier' }, 'assigned'), record)).toBe(true);
    expect(reaches(caller({ sub: 'soundfix', role: 'supplier' }, 'assigned'), record)).toBe(false);
    expect(reaches(caller({ sub: 'soundfix', role: 'supplier' }, 'assigned'), caseRecord())).toBe(false);
  });

  it('lets an agent reach the cases of any one of their queues', () => {
    const storeAgent = caller({ sub: 'agent-7', role: 'agent', queues: ['store'] }, 'queue');
    // A return opened at a store counter sits in the returns queue and the store's: the store's staff reach it.
    expect(reaches(storeAgent, caseRecord({ type: 'return', channel: 'store' }))).toBe(true);
    expect(reaches(storeAgent, caseRecord({ type: 'return', channel: 'web' }))).toBe(false);
    expect(reaches(caller({ sub: 'agent-1', role: 'agent', queues: ['complaints'] }, 'queue'), caseRecord({ type: 'complaint', status: 'routed' }))).toBe(true);
  });

  it('lets a role that reaches every case do so even when its token names queues', () => {
    const supervisor = caller({ sub: 'sup-1', role: 'supervisor', queues: ['complaints'] }, 'all');
    expect(reaches(supervisor, caseRecord({ type: 'return' }))).toBe(true);
    expect(withinReach(supervisor, filter)).toEqual(filter);
  });

  it("opens a tracking link's own case and no other, whatever its role reaches", () => {
    const link = { sub: 'cust-1', role: 'customer' as const, case: CASE_ID };
    expect(reaches(caller(link, 'own'), caseRecord())).toBe(true);
    expect(reaches(caller(link, 'own'), caseRecord({ id: 'case_00000000000000000000000000' }))).toBe(false);
    expect(reaches(caller({ ...link, role: 'supervisor' }, 'all'), caseRecord({ id: 'case_00000000000000000000000000' }))).toBe(false);
  });

  it('narrows a list to what the caller reaches, whatever the query asked for', () => {
    expect(withinReach(caller({ sub: 'sup-1', role: 'supervisor' }, 'all'), filter)).toEqual(filter);
    expect(withinReach(caller({ sub: 'cust-1', role: 'customer' }, 'own'), { ...filter, customerId: 'cust-2' })).toEqual({ ...filter, customerId: 'cust-1' });
    expect(withinReach(caller({ sub: 'acme', role: 'supplier' }, 'assigned'), { ...filter, supplierId: 'soundfix' })).toEqual({ ...filter, supplierId: 'acme' });
    expect(withinReach(caller({ sub: 'agent-1', role: 'agent', queues: ['returns'] }, 'queue'), filter)).toEqual({
      ...filter,
      queueScope: { agentId: 'agent-1', queues: ['returns'] },
    });
    expect(withinReach(caller({ sub: 'agent-1', role: 'agent' }, 'queue'), filter)).toEqual(filter);
  });
});

describe("an agent's queues", () => {
  const agent: Principal = { sub: 'agent-1', role: 'agent', queues: ['returns'] };

  it('reach the cases in them and those assigned to the agent anywhere; no claim works every queue', () => {
    expect(queueHolds(agent, caseRecord({ type: 'return' }))).toBe(true);
    expect(queueHolds(agent, caseRecord({ type: 'complaint', status: 'routed' }))).toBe(false);
    expect(queueHolds(agent, caseRecord({ type: 'complaint', status: 'routed', assignee: 'agent-1' }))).toBe(true);
    expect(queueHolds(agent, caseRecord({ type: 'complaint', status: 'routed', assignee: 'agent-2' }))).toBe(false);
    expect(queueHolds({ sub: 'agent-1', role: 'agent' }, caseRecord({ type: 'complaint', status: 'routed' }))).toBe(true);
    expect(queueFilter({ sub: 'agent-1', role: 'agent' })).toEqual({});
    expect(queueFilter(agent)).toEqual({ queueScope: { agentId: 'agent-1', queues: ['returns'] } });
  });

  it("hold a case by its process, its store, its status's work item, an open escalation and an open follow-up", () => {
    expect(caseQueues(caseRecord({ type: 'return', channel: 'web' }))).toEqual(['returns']);
    expect(caseQueues(caseRecord({ type: 'return', channel: 'store' }))).toEqual(['returns', 'store']);
    // The quote's approval sits in the store queue for a store case only, and is not listed twice.
    expect(caseQueues(caseRecord({ type: 'repair', channel: 'store', status: 'awaiting_quote_approval' }))).toEqual(['repairs', 'store']);
    expect(caseQueues(caseRecord({ type: 'repair', channel: 'web', status: 'awaiting_quote_approval' }))).toEqual(['repairs']);
    expect(caseQueues(caseRecord({ type: 'suggestion', status: 'with_product' }))).toEqual(['suggestions', 'product']);
    expect(caseQueues(caseRecord({ type: 'suggestion', status: 'with_operations' }))).toEqual(['suggestions', 'operations']);
    expect(caseQueues(caseRecord({ details: { escalation: { id: 'esc-1', open: true } } }))).toEqual(['returns', 'escalations']);
    // Acknowledging it names it.
    expect(openEscalation({ escalation: { id: 'esc-1', open: true } })).toEqual({ id: 'esc-1' });
    expect(caseQueues(caseRecord({ details: { escalation: { id: 'esc-1', open: false } } }))).toEqual(['returns']);
    expect(caseQueues(caseRecord({ details: { escalation: { open: true } } }))).toEqual(['returns']);
    expect(caseQueues(caseRecord({ details: { feedback: { followUp: { open: true } } } }))).toEqual(['returns', 'follow_ups']);
    expect(caseQueues(caseRecord({ details: { feedback: { followUp: { open: false } } } }))).toEqual(['returns']);
    expect(caseQueues(caseRecord({ details: { feedback: { followUp: null } } }))).toEqual(['returns']);
  });
});

describe('bearer tokens', () => {
  it('carry the subject, role, queues and case they were minted with', async () => {
    const agent: Principal = { sub: 'agent-1', role: 'agent', queues: ['returns', 'store'] };
    const link: Principal = { sub: 'cust-1', role: 'customer', case: CASE_ID };
    expect(await verifyToken(await mintToken(agent, settings), settings)).toEqual(agent);
    expect(await verifyToken(await mintToken(link, settings), settings)).toEqual(link);
  });

  it('are JWTs signed with HS256, as their header says to any tool that reads them', async () => {
    const token = await mintToken({ sub: 'agent-1', role: 'agent' }, settings);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it.each([
    ['another secret', { ...settings, secret: 'another-secret-another-secret-00' }],
    ['another issuer', { ...settings, issuer: 'someone-else' }],
    ['another audience', { ...settings, audience: 'another-api' }],
  ])('are refused when signed for %s', async (_what, other) => {
    const token = await mintToken({ sub: 'agent-1', role: 'agent' }, settings);
    await expect(verifyToken(token, other)).rejects.toMatchObject({
      name: 'InvalidToken',
      message: 'the token is malformed, wrongly signed or not for this API',
    });
  });

  it('are refused once expired, without an expiry, with another algorithm, or without a valid role', async () => {
    const key = new TextEncoder().encode(settings.secret);
    const signed = (claims: Record<string, unknown>, alg = 'HS256') =>
      new SignJWT(claims).setProtectedHeader({ alg }).setSubject('agent-1').setIssuer(settings.issuer).setAudience(settings.audience);
    const expired = await signed({ role: 'agent' }).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key);
    const forever = await signed({ role: 'agent' }).sign(key);
    const hs512 = await signed({ role: 'agent' }, 'HS512').setExpirationTime('1h').sign(key);
    const noRole = await signed({ role: 'wizard' }).setExpirationTime('1h').sign(key);

    await expect(verifyToken(expired, settings)).rejects.toThrow('the token has expired');
    await expect(verifyToken(forever, settings)).rejects.toThrow('the token is malformed, wrongly signed or not for this API');
    await expect(verifyToken(hs512, settings)).rejects.toThrow('the token is malformed, wrongly signed or not for this API');
    await expect(verifyToken(noRole, settings)).rejects.toThrow('the token lacks a valid sub or role claim');
  });

  it('live for the time they were minted for', async () => {
    const token = await mintToken({ sub: 'agent-1', role: 'agent' }, settings, '2h');
    const { exp, iat } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number; iat: number };
    expect(exp - iat).toBe(7_200);
  });
});

/** What the guard saw and did: the caller it left, the challenge it set, whether it let the request on. */
function guardedCall(authorization: string | undefined, routePath = '/v1/cases/:id') {
  const headers = new Map<string, string>();
  const res = { locals: {} as Record<string, unknown>, set: (name: string, value: string) => headers.set(name, value) };
  const req = { get: (name: string) => (name.toLowerCase() === 'authorization' ? authorization : undefined), route: { path: routePath } };
  let passed = false;
  const next: NextFunction = () => {
    passed = true;
  };
  return {
    run: (rule: Parameters<typeof accessGuard>[0]) => accessGuard(rule, settings)(req as unknown as Request, res as unknown as Response, next),
    res: res as unknown as Response,
    challenge: () => headers.get('WWW-Authenticate'),
    passed: () => passed,
  };
}

describe('the guard every route starts with', () => {
  it('lets a listed role through and leaves its caller and reach for the handler', async () => {
    const call = guardedCall(`Bearer ${await mintToken({ sub: 'cust-1', role: 'customer' }, settings)}`);
    await call.run(tokenAccess(caseReaders));
    expect(call.passed()).toBe(true);
    expect(callerOf(call.res)).toEqual({ principal: { sub: 'cust-1', role: 'customer' }, reach: 'own' });
    expect(actorOf(callerOf(call.res))).toEqual({ kind: 'customer', id: 'cust-1' });

    // Only a tracking link's token is held to its case's routes.
    const offCase = guardedCall(`Bearer ${await mintToken({ sub: 'cust-1', role: 'customer' }, settings)}`, '/v1/customers/:id');
    await offCase.run(tokenAccess(customerOnly));
    expect(offCase.passed()).toBe(true);
  });

  it('asks for a token when there is none, and names a malformed header or an invalid token', async () => {
    const none = guardedCall(undefined);
    await expect(none.run(tokenAccess(staff))).rejects.toMatchObject({ kind: 'unauthorized', detail: 'send a bearer token in the Authorization header' });
    expect(none.challenge()).toBe('Bearer realm="after-sales"');

    const basic = guardedCall('Basic dXNlcjpwYXNz');
    await expect(basic.run(tokenAccess(staff))).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(basic.challenge()).toBe('Bearer realm="after-sales", error="invalid_request", error_description="the Authorization header is not "Bearer <token>""');

    const forged = guardedCall('Bearer not.a.token');
    await expect(forged.run(tokenAccess(staff))).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(forged.challenge()).toMatch(/^Bearer realm="after-sales", error="invalid_token", error_description="the token is malformed/);
    expect(none.passed() || basic.passed() || forged.passed()).toBe(false);
  });

  it('takes a valid token only as the whole header, "Bearer <token>" and nothing around it', async () => {
    const token = await mintToken({ sub: 'sup-1', role: 'supervisor' }, settings);
    for (const header of [`Token Bearer ${token}`, `Bearer ${token} Bearer other`]) {
      const call = guardedCall(header);
      await expect(call.run(tokenAccess(staff))).rejects.toMatchObject({ kind: 'unauthorized', detail: 'the Authorization header is not "Bearer <token>"' });
      expect(call.passed()).toBe(false);
    }
  });

  it("refuses a role the rule does not list, and a tracking link's token off its case's routes", async () => {
    const customer = guardedCall(`Bearer ${await mintToken({ sub: 'cust-1', role: 'customer' }, settings)}`);
    await expect(customer.run(tokenAccess(staff))).rejects.toMatchObject({ kind: 'forbidden', detail: 'role customer may not do this' });
    expect(customer.challenge()).toBe('Bearer realm="after-sales", error="insufficient_scope", error_description="role customer may not do this"');

    const link = `Bearer ${await mintToken({ sub: 'cust-1', role: 'customer', case: CASE_ID }, settings)}`;
    const offCase = guardedCall(link, '/v1/customers/:id');
    await expect(offCase.run(tokenAccess(customerOnly))).rejects.toMatchObject({ kind: 'forbidden', detail: 'a tracking link opens its own case only' });
    expect(offCase.challenge()).toBe('Bearer realm="after-sales", error="insufficient_scope", error_description="a tracking link opens its own case only"');
    const onCase = guardedCall(link, '/v1/cases/:id/events');
    await onCase.run(tokenAccess(customerOnly));
    expect(onCase.passed()).toBe(true);
    expect(customer.passed() || offCase.passed()).toBe(false);
  });

  it('lets anyone through a public or partner-signed route without reading a token', async () => {
    for (const rule of [publicAccess('the API contract'), partnerSignature]) {
      const call = guardedCall('Bearer not.a.token');
      await call.run(rule);
      expect(call.passed()).toBe(true);
      expect(call.res.locals.caller).toBeUndefined();
    }
    expect(() => callerOf(guardedCall(undefined).res)).toThrow('callerOf() on a route whose access rule is not a token rule');
  });

  it('carries its rule, so the route-walking test finds every route', () => {
    const rule = tokenAccess(staff);
    expect(ruleOf(accessGuard(rule, settings))).toBe(rule);
    expect(ruleOf(() => undefined)).toBeUndefined();
    expect(ruleOf('not a handler')).toBeUndefined();
    expect(ruleOf(undefined)).toBeUndefined();
  });

  it('describes each rule for the API reference', () => {
    expect(describeAccess(publicAccess('probes'))).toBe('Public: probes');
    expect(describeAccess(partnerSignature)).toBe('Partners only, authenticated by the HMAC signature (no bearer token)');
    expect(describeAccess(tokenAccess(caseReaders))).toBe(
      'Bearer token with role customer (own cases), supplier (assigned cases), agent (queues), supervisor, admin',
    );
  });
});
