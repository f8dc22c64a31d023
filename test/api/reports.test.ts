import { randomUUID } from 'node:crypto';
import type { Principal } from '../../api/auth/tokens';
import { minutes } from '../../config/policies/duration';
import { kpiPolicies } from '../../config/policies/kpiPolicy';
import { upsertAgent } from '../../db/agents';
import { getCase } from '../../db/caseQueries';
import { recordSupplierStep } from '../../db/supplierScorecard';
import type { Actor } from '../../domain/case';
import { closed, writeKpiCase } from '../support/kpiCases';
import { ApiHarness } from './support/apiHarness';

/**
 * The KPI and per-agent reports over nine cases written for the purpose in March 2001, a month no
 * other test writes in, under a process version of this run's own. Every expected figure is worked
 * out by hand in the comments from the timelines below (README, "KPIs").
 */

let api: ApiHarness;
const suffix = randomUUID().slice(0, 8);
const version = `kpi-test-${suffix}`;
const agentA: Actor = { kind: 'agent', id: `agent-a-${suffix}` };
const agentB: Actor = { kind: 'agent', id: `agent-b-${suffix}` };
const customer: Actor = { kind: 'customer', id: `cust-${suffix}` };
const carrier: Actor = { kind: 'carrier', id: 'sim-carrier' };
const window = 'from=2001-03-01T00:00:00Z&to=2001-04-01T00:00:00Z';
const supervisor: Principal = { sub: 'sup-kpi', role: 'supervisor' };
const policy = kpiPolicies.standard;

const routedTo = (agent: Actor) => ({ at: 0, type: 'complaint.routed', data: { assignee: agent.id }, patch: { assignee: agent.id } });
const classified = (repeatOf: string | null) => ({ at: 0, type: 'complaint.classified', data: { repeatOf } });
const rated = (at: number, csat: number, nps: number) => ({ at, type: 'feedback.given', by: customer, data: { csat, nps, reasons: [] } });

beforeAll(async () => {
  api = await ApiHarness.start('api-reports');
  const write = writeKpiCase.bind(null, api.deps.pool, version);
  // 1: a complaint answered in 5 min by A, resolved at once; rated 5 / 10.
  await write({
    type: 'complaint', channel: 'web', segment: 'standard', openedAt: '2001-03-10T09:00:00Z',
    steps: [classified(null), routedTo(agentA), { at: 5, type: 'complaint.acknowledged', by: agentA },
      { at: 60, type: 'solution.proposed', by: agentA }, { at: 120, type: 'solution.confirmed', by: customer },
      closed(120, 'resolved'), rated(180, 5, 10)],
  });
  // 2: a repeat complaint of A's: first response breached, answered at 25 min, three times back
  // to the customer (asked, their message, reopened), resolved unconfirmed at 400 min; rated 2 / 3.
  await write({
    type: 'complaint', channel: 'phone', segment: 'high_value', openedAt: '2001-03-11T09:00:00Z',
    steps: [classified('case-earlier'), routedTo(agentA), { at: 20, type: 'sla.breached', data: { clock: 'first_response' } },
      { at: 25, type: 'complaint.acknowledged', by: agentA }, { at: 30, type: 'information.requested', by: agentA },
      { at: 40, type: 'message.added', by: customer }, { at: 100, type: 'solution.proposed', by: agentA },
      { at: 200, type: 'complaint.reopened', by: customer }, { at: 300, type: 'solution.proposed', by: agentA },
      closed(400, 'resolved_unconfirmed'), { at: 500, type: 'feedback.given', by: customer, data: { csat: 2, nps: 3, reasons: ['too_slow'] } }],
  });
  // 3: a return approved by policy, carried, refunded: closed after 2 days, no staff; rated 4 / 9.
  await write({
    type: 'return', channel: 'app', segment: 'loyal', openedAt: '2001-03-12T09:00:00Z',
    steps: [{ at: 0, type: 'case.approved', data: { by: 'policy' } }, { at: 60, type: 'parcel.picked_up', by: carrier },
      { at: 1440, type: 'parcel.delivered', by: carrier }, { at: 2000, type: 'inspection.completed', by: { kind: 'warehouse', id: 'wh-berlin' } },
      { at: 2880, type: 'refund.issued' }, closed(2880, 'refunded'), rated(2940, 4, 9)],
  });
  // 4: a return B reviewed after 30 min, nobody holding it, closed after 4 days; the survey of old (3, no NPS).
  await write({
    type: 'return', channel: 'web', segment: 'standard', openedAt: '2001-03-13T09:00:00Z',
    steps: [{ at: 0, type: 'review.requested' }, { at: 30, type: 'case.approved', by: agentB },
      closed(5760, 'refunded'), { at: 5770, type: 'survey.answered', by: customer, data: { score: 3 } }],
  });
  // 5: a repair B typed in at the store counter, then run without staff; closed after 3 days.
  const repair = await write({
    type: 'repair', channel: 'store', segment: 'standard', openedAt: '2001-03-14T09:00:00Z', openedBy: agentB,
    steps: [{ at: 0, type: 'repair.ordered' }, { at: 600, type: 'supplier.received', by: { kind: 'supplier', id: 'acme-repairs' } },
      closed(4320, 'repaired')],
  });
  // Its supplier's steps in the window: two of three within their due time.
  for (const [step, late] of [['received', false], ['diagnosed', true], ['repaired', false]] as const) {
    await recordSupplierStep(api.deps.pool, {
      supplierId: `fixit-${suffix}`, caseId: repair, step,
      requestedAt: '2001-03-14T10:00:00Z', dueAt: '2001-03-15T10:00:00Z',
      completedAt: late ? '2001-03-16T10:00:00Z' : '2001-03-15T09:00:00Z',
    });
  }
  // 6: an exchange the customer cancelled after an hour: closed, not resolved.
  await write({
    type: 'exchange', channel: 'web', segment: 'standard', openedAt: '2001-03-15T09:00:00Z',
    steps: [{ at: 60, type: 'case.cancelled', by: customer }, closed(60, 'cancelled_by_customer')],
  });
  // 7: a complaint routed to B, still open.
  await write({ type: 'complaint', channel: 'email', segment: 'new', openedAt: '2001-03-20T09:00:00Z', steps: [classified(null), routedTo(agentB)] });
  // 8: a complaint of A's opened and answered in February, closed on 2 March (after 5 days), rated in April.
  await write({
    type: 'complaint', channel: 'web', segment: 'standard', openedAt: '2001-02-25T09:00:00Z',
    steps: [classified(null), routedTo(agentA), { at: 10, type: 'complaint.acknowledged', by: agentA },
      { at: 1000, type: 'solution.proposed', by: agentA }, closed(7200, 'resolved'), rated(50_000, 5, 10)],
  });
  // 9: a return opened an hour before the window ends, reviewed by B at 50 min, closed after it.
  await write({
    type: 'return', channel: 'web', segment: 'standard', openedAt: '2001-03-31T23:00:00Z',
    steps: [{ at: 0, type: 'review.requested' }, { at: 50, type: 'case.approved', by: agentB }, closed(120, 'refunded')],
  });
});

afterAll(async () => {
  await api.close();
});

/** The report's group of this file's cases. */
async function ourKpis(query: string) {
  const res = await api.as(supervisor).get(`/v1/reports/kpis?${query}`);
  expect(res.status).toBe(200);
  return res.body.groups.find((g: { key: string }) => g.key === version)?.kpis;
}

async function csv(path: string, init: { accept?: string } = {}) {
  const token = await api.token(supervisor);
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...(init.accept && { accept: init.accept }) } });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

const figure = (value: number | null, unit: string, target: number, better: string, sample: number) => ({
  value,
  unit,
  target,
  better,
  met: value === null ? null : better === 'higher' ? value >= target : value <= target,
  sample,
});

describe('GET /v1/reports/kpis', () => {
  it('computes every KPI of the window as worked out by hand, each against its target', async () => {
    const kpis = await ourKpis(`${window}&groupBy=processVersion`);
    const t = policy.targets;

    expect(kpis).toEqual({
      // First responses given in March, by staff: 1 (5 min), 2 (25), 4 (30), 9 (50); 8's was in February.
      // Nearest rank: p50 the 2nd of 4, p90 the 4th.
      firstResponseP50: figure(minutes(25), 'ms', t.firstResponseP50Ms, 'lower', 4),
      firstResponseP90: figure(minutes(50), 'ms', t.firstResponseP90Ms, 'lower', 4),
      // Closed in March with a resolved outcome: 1 (120 min), 2 (400), 3 (2,880), 5 (4,320), 4 (5,760),
      // 8 (7,200); 6 was cancelled, 7 is open, 9 closed in April. p50 the 3rd of 6, p90 the 6th.
      resolutionP50: figure(minutes(2880), 'ms', t.resolutionP50Ms, 'lower', 6),
      resolutionP90: figure(minutes(7200), 'ms', t.resolutionP90Ms, 'lower', 6),
      slaCompliance: {
        // Closed complaints 1, 2, 8 ran both clocks; 2 breached its first response.
        first_response: figure(0.6667, 'share', t.slaCompliance, 'higher', 3),
        solution: figure(1, 'share', t.slaCompliance, 'higher', 3),
        // Of the returns under review, only 4 closed in March.
        review: figure(1, 'share', t.slaCompliance, 'higher', 1),
      },
      // Of the 6 resolved, 2 had the customer back three times.
      firstContactResolution: figure(0.8333, 'share', t.firstContactResolution, 'higher', 6),
      // 6 of the 7 closed in March.
      problemResolution: figure(0.8571, 'share', t.problemResolution, 'higher', 7),
      // Opened in March: 1–7 and 9 (8 opened in February); complaints 1, 2, 7, of which 2 repeats one.
      repeatComplaintRate: figure(0.3333, 'share', t.repeatComplaintRate, 'lower', 3),
      complaintRate: figure(0.375, 'share', t.complaintRate, 'lower', 8),
      // Rated in March: 1 (5), 2 (2), 3 (4), 4 (3, the survey of old); 8 was rated in April.
      csat: figure(0.5, 'share', t.csat, 'higher', 4),
      // NPS answers: 10, 3, 9: two promoters, one detractor, of three.
      nps: figure(33.3, 'points', t.nps, 'higher', 3),
      // No staff between request and close: 3, 5 (typed in by B, then no staff), 6; of 7.
      automationShare: figure(0.4286, 'share', t.automationShare, 'higher', 7),
      // Returns, exchanges and repairs closed in March: 3 (2,880 min), 4 (5,760), 5 (4,320), 6 (60): mean 3,255 min.
      afterSalesCycle: figure(minutes(3255), 'ms', t.afterSalesCycleMs, 'lower', 4),
      supplierOnTime: figure(0.6667, 'share', t.supplierOnTime, 'higher', 3),
    });
  });

  it('groups by agent: whoever holds the case, else the staff member who last acted on it', async () => {
    const res = await api.as(supervisor).get(`/v1/reports/kpis?${window}&groupBy=agent`);
    const group = (id: string) => res.body.groups.find((g: { key: string }) => g.key === id).kpis;

    // A holds 1, 2 and 8; B holds 7 and last acted on 4 and 9.
    expect(group(agentA.id).problemResolution).toMatchObject({ value: 1, sample: 3 });
    expect(group(agentA.id).firstResponseP50).toMatchObject({ value: minutes(5), sample: 2 });
    expect(group(agentB.id).complaintRate).toMatchObject({ value: 0.3333, sample: 3 });
    expect(group(agentB.id).firstResponseP90).toMatchObject({ value: minutes(50), sample: 2 });
  });

  it('groups by the worker build that ran each case up to its close (docs/versioning.md), in a month of its own', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((build) => `build-${build}-${suffix}`) as [string, string, string];
    const write = writeKpiCase.bind(null, api.deps.pool, `${version}-builds`);
    const june = 'from=2001-06-01T00:00:00Z&to=2001-07-01T00:00:00Z';
    // Started on A, moved to B, closed on B; its survey, answered on C after the close, does not move it.
    const moved = await write({
      type: 'return', channel: 'app', segment: 'loyal', openedAt: '2001-06-05T09:00:00Z',
      steps: [{ at: 0, type: 'case.approved', buildId: a }, { at: 60, type: 'parcel.picked_up', by: carrier, buildId: b },
        { ...closed(120, 'refunded'), buildId: b }, { ...rated(180, 5, 10), buildId: c }],
    });
    // Run on A alone, and cancelled.
    await write({
      type: 'return', channel: 'web', segment: 'standard', openedAt: '2001-06-06T09:00:00Z',
      steps: [{ at: 0, type: 'case.approved', buildId: a }, { ...closed(30, 'cancelled_by_customer'), buildId: a }],
    });
    // Run by unversioned workers only.
    await write({ type: 'return', channel: 'web', segment: 'standard', openedAt: '2001-06-07T09:00:00Z', steps: [closed(30, 'refunded')] });

    const res = await api.as(supervisor).get(`/v1/reports/kpis?${june}&groupBy=buildId`);

    expect(res.status).toBe(200);
    expect(res.body.groupBy).toBe('buildId');
    // Groups by key, none last: no group for C, which ran no step before a close.
    expect(res.body.groups.map((g: { key: string | null }) => g.key)).toEqual([a, b, null]);
    const group = (key: string | null) => res.body.groups.find((g: { key: string | null }) => g.key === key).kpis;
    expect(group(a).problemResolution).toMatchObject({ value: 0, sample: 1 });
    expect(group(b).problemResolution).toMatchObject({ value: 1, sample: 1 });
    expect(group(b).csat).toMatchObject({ value: 1, sample: 1 });
    expect(group(null).problemResolution).toMatchObject({ value: 1, sample: 1 });
    // The record keeps every build that ran the case, in order, the survey's among them.
    expect((await getCase(api.deps.pool, moved))?.buildIds).toEqual([a, b, c]);
  });

  it('answers a window with nothing in it with one group of empty figures', async () => {
    const res = await api.as(supervisor).get('/v1/reports/kpis?from=1999-01-01T00:00:00Z&to=1999-01-02T00:00:00Z');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '1999-01-01T00:00:00.000Z', to: '1999-01-02T00:00:00.000Z', groupBy: null, policyVersion: policy.version });
    expect(res.body.groups).toEqual([{ key: null, kpis: expect.objectContaining({ csat: figure(null, 'share', policy.targets.csat, 'higher', 0) }) }]);
  });

  it('gives the same figures as CSV, one line per group and KPI, by ?format=csv or Accept: text/csv', async () => {
    const json = (await api.as(supervisor).get(`/v1/reports/kpis?${window}&groupBy=processVersion`)).body;
    const byFormat = await csv(`/v1/reports/kpis?${window}&groupBy=processVersion&format=csv`);
    const byAccept = await csv(`/v1/reports/kpis?${window}&groupBy=processVersion`, { accept: 'text/csv' });

    expect(byFormat.status).toBe(200);
    expect(byFormat.type).toMatch(/^text\/csv/);
    expect(byAccept.text).toBe(byFormat.text);
    const [header, ...lines] = byFormat.text.trimEnd().split('\r\n');
    expect(header).toBe('groupBy,group,kpi,value,unit,target,better,met,sample');
    const cell = (v: unknown) => (v === null ? '' : String(v));
    const expected = json.groups.flatMap((g: { key: string | null; kpis: Record<string, any> }) =>
      Object.entries(g.kpis).flatMap(([name, k]) =>
        (name === 'slaCompliance' ? Object.entries(k).map(([clock, f]) => [`${name}.${clock}`, f]) : [[name, k]]).map(
          ([kpi, f]: any[]) => ['processVersion', g.key, kpi, f.value, f.unit, f.target, f.better, f.met, f.sample].map(cell).join(','),
        ),
      ),
    );
    expect(lines).toEqual(expected);
    expect(lines).toContain(`processVersion,${version},nps,33.3,points,40,higher,false,3`);
  });

  it.each([
    ['no window', '', ['from', 'to']],
    ['a date that is no instant', 'from=yesterday&to=2001-04-01T00:00:00Z', ['from']],
    ['an unknown grouping', `${window}&groupBy=colour`, ['groupBy']],
    ['an unknown format', `${window}&format=xml`, ['format']],
    ['from after to', 'from=2001-04-01T00:00:00Z&to=2001-03-01T00:00:00Z', ['to']],
    ['an empty window', 'from=2001-04-01T00:00:00Z&to=2001-04-01T00:00:00Z', ['to']],
    ['a window longer than the policy allows', 'from=2000-01-01T00:00:00Z&to=2001-04-01T00:00:00Z', ['to']],
  ])('answers 400 naming the field for %s', async (_what, query, fields) => {
    const res = await api.as(supervisor).get(`/v1/reports/kpis?${query}`);

    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('https://after-sales.example/problems/validation');
    expect(res.body.errors.map((e: { in: string; path: string }) => `${e.in} ${e.path}`).sort()).toEqual(fields.map((f) => `query ${f}`));
  });

  it('is for supervisors and admins only', async () => {
    const path = `/v1/reports/kpis?${window}`;
    const agent = await api.as({ sub: agentA.id, role: 'agent' }).get(path);
    const someCustomer = await api.as({ sub: customer.id, role: 'customer' }).get(path);
    const supplier = await api.as({ sub: 'acme-repairs', role: 'supplier' }).get(path);
    const admin = await api.as({ sub: 'admin-kpi', role: 'admin' }).get(path);

    expect([agent.status, someCustomer.status, supplier.status, admin.status]).toEqual([403, 403, 403, 200]);
    expect(agent.body.type).toBe('https://after-sales.example/problems/forbidden');
  });
});

describe('GET /v1/reports/agents', () => {
  it("gives each agent's cases handled, first responses, CSAT and breaches, as worked out by hand", async () => {
    const res = await api.as(supervisor).get(`/v1/reports/agents?${window}`);
    const of = (agent: Actor) => res.body.agents.find((a: { agentId: string }) => a.agentId === agent.id);

    expect(res.status).toBe(200);
    expect(res.body.promptResponseMs).toBe(minutes(10));
    // A: closed 1, 2, 8; responded on 1 (5 min) and 2 (25 min); rated 5 and 2; 2 breached once.
    expect(of(agentA)).toEqual({
      agentId: agentA.id,
      casesHandled: 3,
      firstResponses: 2,
      firstResponseP50Ms: minutes(5),
      promptResponses: 1,
      promptResponseShare: 0.5,
      csatAnswers: 2,
      csat: 0.5,
      breaches: 1,
    });
    // B: closed 4 (7 is open, 9 closed in April); responded on 4 (30 min) and 9 (50 min); the old survey's 3.
    // The repair B typed in at the counter is not B's: that was the customer's request.
    expect(of(agentB)).toEqual({
      agentId: agentB.id,
      casesHandled: 1,
      firstResponses: 2,
      firstResponseP50Ms: minutes(30),
      promptResponses: 0,
      promptResponseShare: 0,
      csatAnswers: 1,
      csat: 0,
      breaches: 0,
    });
  });

  it('lists an agent of the roster with no cases in the window with zeros', async () => {
    const idle = `agent-idle-${suffix}`;
    await upsertAgent(api.deps.pool, { id: idle, name: 'Idle Agent', skills: [], capacity: 1 });

    const res = await api.as(supervisor).get(`/v1/reports/agents?${window}`);

    expect(res.body.agents).toContainEqual({
      agentId: idle,
      casesHandled: 0,
      firstResponses: 0,
      firstResponseP50Ms: null,
      promptResponses: 0,
      promptResponseShare: null,
      csatAnswers: 0,
      csat: null,
      breaches: 0,
    });
  });

  it('gives the same figures as CSV, one line per agent', async () => {
    const json = (await api.as(supervisor).get(`/v1/reports/agents?${window}`)).body;
    const res = await csv(`/v1/reports/agents?${window}&format=csv`);

    const [header, ...lines] = res.text.trimEnd().split('\r\n');
    const columns = header!.split(',');
    expect(columns).toEqual(Object.keys(json.agents[0]));
    const cell = (v: unknown) => (v === null ? '' : String(v));
    expect(lines).toEqual(json.agents.map((a: Record<string, unknown>) => columns.map((c) => cell(a[c])).join(',')));
  });

  it('answers 400 for a bad window and 403 to agents', async () => {
    const bad = await api.as(supervisor).get('/v1/reports/agents?from=2001-03-02T00:00:00Z&to=2001-03-01T00:00:00Z');
    const agent = await api.as({ sub: agentA.id, role: 'agent' }).get(`/v1/reports/agents?${window}`);

    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ in: 'query', path: 'to' })]);
    expect(agent.status).toBe(403);
  });
});
