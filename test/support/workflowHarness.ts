import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createActivities } from '../../activities';
import { openCase } from '../../db/caseRecords';
import { getCase, getTimeline } from '../../db/caseQueries';
import { createPool } from '../../db/pool';
import type { CaseRecord } from '../../domain';
import { createSimulator, type Simulator } from '../../sim/createSimulator';
import { createCaseWorker } from '../../worker/createWorker';
import { caseViewQuery, type PartnerStepRequest, partnerStepUpdate } from '../../workflows/lib/messages';
import type { ReturnCaseInput } from '../../workflows/returns/input';
import { returnCaseWorkflowType } from '../../workflows/returns/input';
import type { ReturnCaseResult } from '../../workflows/returns/returnCase';
import { testEnv, uniqueTaskQueue } from './env';
import { eventually } from './eventually';

export interface SimRecords {
  refunds: { caseId: string; amount: number }[];
  charges: { caseId: string; amount: number }[];
  reservations: { caseId: string; sku: string }[];
  releases: { caseId: string }[];
  stockMovements: { caseId: string; sku: string; kind?: string; type?: string; quantity: number }[];
  labels: { caseId: string; labelId: string; trackingNumber: string }[];
  voidedLabels: { caseId: string }[];
  shipments: { caseId: string; sku: string }[];
  cancelledShipments: { caseId: string }[];
  notifications: { caseId: string; template: string }[];
  webhooks: { caseId: string; status: number }[];
}

/**
 * A worker on its own task queue against the run's Temporal server, PostgreSQL and a fresh
 * simulator without autopilot: the test itself plays carrier and warehouse through Updates.
 */
export class WorkflowHarness {
  private constructor(
    readonly client: Client,
    readonly pool: Pool,
    readonly sim: Simulator,
    readonly taskQueue: string,
    private readonly worker: Worker,
    private readonly running: Promise<void>,
    private readonly connections: { close(): Promise<void> }[],
  ) {}

  static async start(name: string): Promise<WorkflowHarness> {
    const env = testEnv();
    const pool = createPool(env.databaseUrl, 5);
    const sim = createSimulator({ webhookSecret: 'test-secret-test-secret', autopilot: false });
    const simUrl = await sim.start(0, '127.0.0.1');
    const taskQueue = uniqueTaskQueue(name);
    const nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
    const worker = await createCaseWorker({
      connection: nativeConnection,
      namespace: env.namespace,
      taskQueue,
      workflowBundlePath: env.workflowBundlePath,
      activities: createActivities({
        pool,
        timeoutMs: 2_000,
        partners: { inventory: simUrl, logistics: simUrl, payments: simUrl, notification: simUrl },
      }),
    });
    const running = worker.run();
    const connection = await Connection.connect({ address: env.temporalAddress });
    const client = new Client({ connection, namespace: env.namespace });
    return new WorkflowHarness(client, pool, sim, taskQueue, worker, running, [connection, nativeConnection]);
  }

  /** Opens the case record as the API would, then starts its workflow. */
  async startReturn(input: ReturnCaseInput) {
    const opened = await openCase(this.pool, {
      caseId: input.caseId,
      idempotencyKey: randomUUID(),
      requestHash: randomUUID(),
      type: input.type,
      channel: input.channel,
      customerId: input.customer.id,
      customerTier: input.customer.tier,
      orderId: input.order.id,
      lines: input.items.map(({ sku, quantity }) => ({ sku, quantity })),
      priority: 'normal',
      policyVersion: input.policy.version,
      createdAt: input.requestedAt,
      actor: { kind: 'customer', id: input.customer.id },
      details: { reason: input.reason },
    });
    expect(opened).toEqual({ kind: 'created' });
    return this.client.workflow.start<(i: ReturnCaseInput) => Promise<ReturnCaseResult>>(returnCaseWorkflowType, {
      workflowId: input.caseId,
      taskQueue: this.taskQueue,
      args: [input],
    });
  }

  async waitForStatus(caseId: string, status: string): Promise<void> {
    const handle = this.client.workflow.getHandle(caseId);
    await eventually(async () => expect((await handle.query(caseViewQuery)).status).toBe(status));
  }

  partnerStep(caseId: string, step: Omit<PartnerStepRequest, 'eventId' | 'occurredAt'> & { eventId?: string }) {
    const eventId = step.eventId ?? randomUUID();
    return this.client.workflow.getHandle(caseId).executeUpdate(partnerStepUpdate, {
      args: [{ ...step, eventId, occurredAt: new Date().toISOString() }],
      updateId: `${step.partner.kind}:${step.partner.id}:${eventId}`,
    });
  }

  /** Carrier scans and warehouse inspection, as the partners would send them. */
  async deliverParcel(caseId: string, inspection: 'restockable' | 'damaged' = 'restockable'): Promise<void> {
    await this.waitForStatus(caseId, 'label_issued');
    const trackingNumber = (await this.records(caseId)).labels[0]!.trackingNumber;
    const carrier = { kind: 'carrier' as const, id: 'sim-carrier' };
    await this.partnerStep(caseId, { step: 'picked_up', partner: carrier, data: { trackingNumber } });
    await this.partnerStep(caseId, { step: 'delivered', partner: carrier, data: { trackingNumber } });
    await this.partnerStep(caseId, {
      step: 'inspected',
      partner: { kind: 'warehouse', id: 'sim-warehouse' },
      data: { result: inspection },
    });
  }

  async records(caseId: string): Promise<SimRecords> {
    const res = await fetch(`${this.sim.url}/sim/records?caseId=${encodeURIComponent(caseId)}`);
    return (await res.json()) as SimRecords;
  }

  async caseRecord(caseId: string): Promise<CaseRecord> {
    const record = await getCase(this.pool, caseId);
    if (!record) throw new Error(`no case record for ${caseId}`);
    return record;
  }

  async timelineTypes(caseId: string): Promise<string[]> {
    return (await getTimeline(this.pool, caseId)).map((e) => e.type);
  }

  injectFault(operation: string, failTimes: number): Promise<void> {
    return this.simControl('/sim/faults', { operation, failTimes });
  }

  seedCatalog(entry: { sku: string; unitPrice?: number; stock?: number }): Promise<void> {
    return this.simControl('/sim/catalog', entry);
  }

  private async simControl(path: string, body: unknown): Promise<void> {
    const res = await fetch(`${this.sim.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.ok).toBe(true);
  }

  async close(): Promise<void> {
    this.worker.shutdown();
    await this.running;
    for (const c of this.connections) await c.close();
    await this.sim.stop();
    await this.pool.end();
  }
}
