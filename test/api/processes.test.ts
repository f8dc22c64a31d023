import { randomUUID } from 'node:crypto';
import type { Principal } from '../../api/auth/tokens';
import { processes } from '../../workflows/registry';
import { closed, writeKpiCase } from '../support/kpiCases';
import { ApiHarness } from './support/apiHarness';

/**
 * GET /v1/processes: each registered process's transition table as its definition has it, and
 * its open cases per status counted from the case store (docs/integrators.md, "The process map").
 */

let api: ApiHarness;
const version = `processes-test-${randomUUID().slice(0, 8)}`;
const agent: Principal = { sub: 'agent-ana', role: 'agent' };

beforeAll(async () => {
  api = await ApiHarness.start('api-processes');
});

afterAll(async () => {
  await api.close();
});

interface Status {
  name: string;
  next: string[];
  actions: string[];
  openCases: number;
}
interface Summary {
  name: string;
  initialStatus: string;
  statuses: Status[];
  openCases: number;
}

async function complaints(): Promise<Summary> {
  const res = await api.as(agent).get('/v1/processes');
  expect(res.status).toBe(200);
  return (res.body.processes as Summary[]).find((p) => p.name === 'complaints')!;
}

const countIn = (process: Summary, status: string) => process.statuses.find((s) => s.name === status)?.openCases;

describe('GET /v1/processes', () => {
  it('gives every registered process its statuses, where each may go next and what it allows, as its definition says', async () => {
    const res = await api.as(agent).get('/v1/processes');

    expect(res.status).toBe(200);
    expect(res.body.processes.map((p: Summary) => p.name)).toEqual(processes.map((p) => p.name));
    const returns = (res.body.processes as Summary[]).find((p) => p.name === 'returns')!;
    expect(returns.initialStatus).toBe('requested');
    expect(returns.statuses[0]).toMatchObject({ name: 'requested', next: ['under_review', 'approved', 'closed'], actions: ['cancel'] });
    expect(returns.statuses.find((s) => s.name === 'closed')).toMatchObject({ next: [], actions: [], openCases: 0 });
  });

  it('counts the open cases in each status now, and never a closed one', async () => {
    const before = await complaints();
    const open = { type: 'complaint', channel: 'web', segment: 'standard', openedAt: new Date().toISOString() } as const;
    await writeKpiCase(api.deps.pool, version, { ...open, steps: [{ at: 1, type: 'complaint.acknowledged', patch: { status: 'acknowledged' } }] });
    await writeKpiCase(api.deps.pool, version, { ...open, steps: [{ at: 1, type: 'complaint.acknowledged', patch: { status: 'acknowledged' } }] });
    await writeKpiCase(api.deps.pool, version, { ...open, steps: [closed(2, 'resolved')] });

    const after = await complaints();

    expect(countIn(after, 'acknowledged')).toBe(countIn(before, 'acknowledged')! + 2);
    expect(countIn(after, 'closed')).toBe(0);
    expect(after.openCases).toBe(before.openCases + 2);
  });

  it('is for staff: a customer is refused and sees no counts', async () => {
    const res = await api.as({ sub: 'cust-0193', role: 'customer' }).get('/v1/processes');

    expect(res.status).toBe(403);
    expect(res.body.processes).toBeUndefined();
  });
});
