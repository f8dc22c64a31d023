import { qualityPolicies } from '../../config/policies/qualityPolicy';
import { drawQualitySample } from '../../db/qualityDraw';
import { badCaseSteps, closedCase, noonOf } from '../support/qualityCases';
import { ApiHarness } from './support/apiHarness';

/** The quality routes over HTTP, on a day drawn here (the draw itself: test/integration/workflows/qualitySample.test.ts). */

const policy = qualityPolicies.standard;
const day = '2019-06-12';
let api: ApiHarness;
let bad: string;
let reviewed: string;
let waiting: string;

beforeAll(async () => {
  api = await ApiHarness.start('api-quality');
  bad = await closedCase(api.deps.pool, { type: 'repair', channel: 'store', closedAt: noonOf(day), outcome: 'refunded', steps: badCaseSteps });
  reviewed = await closedCase(api.deps.pool, { type: 'complaint', channel: 'phone', closedAt: noonOf(day) });
  waiting = await closedCase(api.deps.pool, { type: 'complaint', channel: 'web', closedAt: noonOf(day) });
  await drawQualitySample(api.deps.pool, { day, policy, now: new Date() });
});
afterAll(async () => {
  await api?.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;
const supervisor = () => api.as({ sub: 'sup-qa', role: 'supervisor' });
const goodScores = { greeting: 5, accuracy: 4, empathy: 4, resolution: 5, compliance: 3 };

describe('the day’s sample', () => {
  it('shows each sampled case with its process check, the strata and the rubric with both languages', async () => {
    const res = await supervisor().get(`/v1/quality/samples?date=${day}`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      day,
      policyVersion: policy.version,
      share: 0.1,
      timeZone: 'Europe/Berlin',
      rubric: { scale: { min: 1, max: 5 }, criteria: expect.arrayContaining([{ key: 'empathy', label: { en: 'Empathy', 'zh-CN': '同理心' }, weight: 2 }]) },
      strata: [
        { type: 'complaint', channel: 'phone', closed: 1, sampled: 1 },
        { type: 'complaint', channel: 'web', closed: 1, sampled: 1 },
        { type: 'repair', channel: 'store', closed: 1, sampled: 1 },
      ],
    });
    const flagged = (res.body.items as Record<string, any>[]).find((i) => i.caseId === bad);
    expect(flagged).toMatchObject({
      type: 'repair',
      channel: 'store',
      outcome: 'refunded',
      review: null,
      check: { passed: false, refunds: { issued: 2, expected: 1 }, escalations: { ok: false }, notices: { ok: false } },
    });
  });

  it('answers 404 for a day not drawn and 400 for something that is not a day', async () => {
    expect(await supervisor().get('/v1/quality/samples?date=2019-06-11')).toMatchObject({ status: 404, body: { type: problemType('not-found') } });
    expect(await supervisor().get('/v1/quality/samples?date=yesterday')).toMatchObject({
      status: 400,
      body: { type: problemType('validation'), errors: [expect.objectContaining({ in: 'query', path: 'date' })] },
    });
  });
});

describe('a QA review', () => {
  it('is scored once: weighted by the rubric, shown with the check, and gone from the quality queue', async () => {
    const first = await supervisor().post(`/v1/quality/reviews/${reviewed}`, { scores: goodScores, comment: 'friendly and quick' });
    const second = await api.post(`/v1/quality/reviews/${reviewed}`, { scores: { ...goodScores, greeting: 1 } });

    expect(first).toMatchObject({
      status: 200,
      body: { caseId: reviewed, day, review: { reviewer: 'sup-qa', scores: goodScores, score: 79.5, passed: true, comment: 'friendly and quick' } },
    });
    expect(second).toMatchObject({ status: 409, body: { type: problemType('already-reviewed'), caseId: reviewed, reviewer: 'sup-qa' } });
    const listed = (await supervisor().get(`/v1/quality/samples?date=${day}`)).body.items as Record<string, any>[];
    expect(listed.find((i) => i.caseId === reviewed)).toMatchObject({ review: { score: 79.5, scores: goodScores }, check: { passed: true } });
    const queue = (await supervisor().get('/v1/work-items?queue=quality&limit=200')).body.items as Record<string, any>[];
    expect(queue.map((i) => i.caseId)).toEqual(expect.arrayContaining([waiting, bad]));
    expect(queue.map((i) => i.caseId)).not.toContain(reviewed);
    expect(queue.find((i) => i.caseId === waiting)).toMatchObject({ kind: 'review_quality_sample', queue: 'quality', assignee: null });
  });

  it('refuses scores off the rubric with an error per criterion, and records nothing', async () => {
    const res = await supervisor().post(`/v1/quality/reviews/${waiting}`, { scores: { ...goodScores, empathy: 7, greeting: undefined, tone: 3 } });

    expect(res).toMatchObject({ status: 400, body: { type: problemType('validation') } });
    expect(res.body.errors).toEqual([
      { in: 'body', path: 'scores.greeting', message: 'required: 1 to 5' },
      { in: 'body', path: 'scores.empathy', message: 'a whole number from 1 to 5' },
      { in: 'body', path: 'scores.tone', message: 'not a criterion of rubric rubric/2026-12-03' },
    ]);
    const shapeless = await supervisor().post(`/v1/quality/reviews/${waiting}`, { scores: 'great' });
    expect(shapeless).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ in: 'body', path: 'scores' })] } });
    const listed = (await supervisor().get(`/v1/quality/samples?date=${day}`)).body.items as Record<string, any>[];
    expect(listed.find((i) => i.caseId === waiting)).toMatchObject({ review: null });
  });

  it('answers 404 for a case in no sample', async () => {
    const unsampled = await closedCase(api.deps.pool, { type: 'return', channel: 'web', closedAt: noonOf('2019-06-13') });
    expect(await supervisor().post(`/v1/quality/reviews/${unsampled}`, { scores: goodScores })).toMatchObject({
      status: 404,
      body: { type: problemType('not-sampled'), caseId: unsampled },
    });
  });
});

describe('who may', () => {
  it.each([
    ['a customer', { sub: 'cust-1', role: 'customer' as const }],
    ['an agent', { sub: 'agent-1', role: 'agent' as const }],
  ])('refuses %s every quality route', async (_who, principal) => {
    const caller = api.as(principal);
    const answers = [
      await caller.get(`/v1/quality/samples?date=${day}`),
      await caller.post(`/v1/quality/reviews/${waiting}`, { scores: goodScores }),
      await caller.post('/v1/quality/draws', { day }),
    ];
    expect(answers.map((a) => [a.status, a.body.type])).toEqual(Array(3).fill([403, problemType('forbidden')]));
    const listed = (await supervisor().get(`/v1/quality/samples?date=${day}`)).body.items as Record<string, any>[];
    expect(listed.find((i) => i.caseId === waiting)).toMatchObject({ review: null });
  });

  it('does not show agents the quality queue, whose steps they may not take', async () => {
    const asAgent = (queues?: string[]) => api.as({ sub: 'agent-1', role: 'agent', queues }).get('/v1/work-items?queue=quality');
    expect((await asAgent()).body.items).toEqual([]);
    expect((await asAgent(['quality'])).body.items).toEqual([]);
    expect((await supervisor().get('/v1/work-items?queue=quality')).body.items).not.toEqual([]);
  });

  it('answers a draw by hand 503 while no worker has created the schedule', async () => {
    const res = await supervisor().post('/v1/quality/draws', { day });
    expect(res).toMatchObject({ status: 503, body: { type: problemType('unavailable') } });
    expect(res.headers.get('retry-after')).toBe('5');
  });
});
