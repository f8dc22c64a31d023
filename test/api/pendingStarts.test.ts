import { randomUUID } from 'node:crypto';
import type { Client, WorkflowClient } from '@temporalio/client';
import { caseIdFor } from '../../api/schemas/caseId';
import { eventually } from '../support/eventually';
import { returnRequest } from '../support/requests';
import { ApiHarness } from './support/apiHarness';

/**
 * Intake keeps what it is about to start with the case, until the start is confirmed: an API that
 * dies in between leaves the reconciler (docs/reliability.md) what it needs to start the case.
 */
let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-pending-starts');
});

afterAll(async () => {
  await api.close();
});

/** The API's Temporal client, whose workflow starts wait until the test lets them through. */
function heldStarts(client: Client): { client: Client; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const workflow = new Proxy(client.workflow, {
    get(target, property, receiver) {
      if (property !== 'start') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<WorkflowClient['start']>) => {
        await gate;
        return target.start(...args);
      };
    },
  });
  const held = new Proxy(client, { get: (target, property, receiver) => (property === 'workflow' ? workflow : Reflect.get(target, property, receiver)) });
  return { client: held, release };
}

async function pendingStart(caseId: string) {
  const { rows } = await api.deps.pool.query('SELECT task_queue, workflow_type, input FROM pending_case_starts WHERE case_id = $1', [caseId]);
  return rows;
}

it('keeps the workflow start with the case while it is being started, with no contact data, and drops it once started', async () => {
  const held = heldStarts(api.client);
  const variant = await api.variant({ temporal: held.client });
  const body = returnRequest();
  const key = randomUUID();
  const caseId = caseIdFor(body.customer.id, key);

  const answer = variant.createCase(body, key);
  const [kept] = await eventually(async () => {
    const rows = await pendingStart(caseId);
    expect(rows).toHaveLength(1);
    return rows;
  });

  expect(kept).toMatchObject({
    task_queue: api.deps.config.TEMPORAL_TASK_QUEUE,
    workflow_type: 'returnCase',
    input: expect.objectContaining({ caseId, type: 'return', customer: expect.objectContaining({ id: body.customer.id }), feedback: expect.anything() }),
  });
  expect(JSON.stringify(kept.input)).not.toMatch(/@example\.com|Test Customer/);

  held.release();
  expect((await answer).status).toBe(201);
  expect(await pendingStart(caseId)).toEqual([]);
});
