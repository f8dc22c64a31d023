import { randomUUID } from 'node:crypto';
import { returnRequest } from '../support/requests';
import { ApiHarness } from './support/apiHarness';

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-actions');
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

describe('POST /v1/cases/:id/actions/:action', () => {
  it('applies an allowed action and answers the new status', async () => {
    const caseId = await api.openCase(returnRequest());
    const res = await api.post(`/v1/cases/${caseId}/actions/approve`, { note: 'fine' });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ caseId, status: 'label_issued' });
    expect(await api.liveStatus(caseId)).toBe('label_issued');
  });

  it('answers 409 with the current status and the allowed actions when the state does not allow it', async () => {
    const request = returnRequest();
    const caseId = await api.openCase(request);
    const customer = api.as({ sub: request.customer.id, role: 'customer' });
    const res = await customer.post(`/v1/cases/${caseId}/actions/survey`, { score: 5 });

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      type: problemType('invalid-transition'),
      currentStatus: 'under_review',
      allowedActions: ['approve', 'reject', 'cancel'],
    });
    expect(await api.liveStatus(caseId)).toBe('under_review');
  });

  it('answers 409 "case is closed" once the workflow has ended', async () => {
    const caseId = await api.openCase(returnRequest());
    expect((await api.post(`/v1/cases/${caseId}/actions/cancel`, {})).body.status).toBe('closed');
    const res = await api.post(`/v1/cases/${caseId}/actions/approve`, {});

    expect(res.status).toBe(409);
    expect(res.body.type).toBe(problemType('case-closed'));
  });

  it('takes a body-less cancel', async () => {
    const caseId = await api.openCase(returnRequest());
    const res = await api.request('POST', `/v1/cases/${caseId}/actions/cancel`);

    expect(res.status).toBe(200);
    expect(res.body.status).toBe('closed');
  });

  it('acts once for a repeated Idempotency-Key and answers the first result again', async () => {
    const caseId = await api.openCase(returnRequest());
    const key = { 'idempotency-key': randomUUID() };
    const first = await api.post(`/v1/cases/${caseId}/actions/approve`, {}, key);
    // approve is no longer allowed in label_issued; a second execution would be a 409.
    const again = await api.post(`/v1/cases/${caseId}/actions/approve`, {}, key);

    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
  });

  it('answers 404 listing the valid actions for an unknown action', async () => {
    const caseId = await api.openCase(returnRequest());
    const res = await api.post(`/v1/cases/${caseId}/actions/teleport`, {});

    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      type: problemType('unknown-action'),
      validActions: ['approve', 'reject', 'cancel', 'survey'],
    });
  });

  it('answers 400 naming the field for a bad action body, and 404 for an unknown case', async () => {
    const request = returnRequest();
    const caseId = await api.openCase(request);
    const bad = await api.as({ sub: request.customer.id, role: 'customer' }).post(`/v1/cases/${caseId}/actions/survey`, { score: 9 });
    const unknown = await api.post('/v1/cases/case_00000000000000000000000000/actions/cancel', {});

    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'score' })]);
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe(problemType('case-not-found'));
  });
});
