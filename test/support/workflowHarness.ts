import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { WorkerDeploymentVersion } from '@temporalio/common';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createActivities } from '../../activities';
import type { Activities, SystemOrder } from '../../activities/types';
import { openCase } from '../../db/caseRecords';
import { getCase, getTimeline } from '../../db/caseQueries';
import { customerPayloadCodec } from '../../db/customerKeyRing';
import { createPool } from '../../db/pool';
import type { CaseRecord, PendingStart } from '../../domain';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../sim/createSimulator';
import { createCaseWorker } from '../../worker/createWorker';
import {
  type CaseActionRequest,
  caseActionUpdate,
  caseViewQuery,
  type PartnerStepRequest,
  partnerStepUpdate,
} from '../../workflows/lib/messages';
import type { ComplaintCaseResult } from '../../workflows/complaints/complaintCase';
import { complaints } from '../../workflows/complaints/definition';
import type { ComplaintCaseInput } from '../../workflows/complaints/input';
import { repairs } from '../../workflows/repairs/definition';
import type { RepairCaseInput } from '../../workflows/repairs/input';
import type { RepairCaseResult } from '../../workflows/repairs/repairCase';
import { returns } from '../../workflows/returns/definition';
import { processOf } from '../../workflows/registry';
import { customerClass } from '../../domain/customer';
import type { ReturnCaseInput } from '../../workflows/returns/input';
import type { ReturnCaseResult } from '../../workflows/returns/returnCase';
import { inquiries } from '../../workflows/inquiries/definition';
import { installations } from '../../workflows/installations/definition';
import type { InstallationCaseResult } from '../../workflows/installations/installationCase';
import type { InstallationCaseInput } from '../../workflows/installations/input';
import type { InquiryCaseResult } from '../../workflows/inquiries/inquiryCase';
import type { InquiryCaseInput } from '../../workflows/inquiries/input';
import { suggestions } from '../../workflows/suggestions/definition';
import type { SuggestionCaseInput } from '../../workflows/suggestions/input';
import type { SuggestionCaseResult } from '../../workflows/suggestions/suggestionCase';
import { testEnv, uniqueTaskQueue } from './env';
import { eventually } from './eventually';
import { testPayloadKeys } from './secrets';

type CaseInput = ReturnCaseInput | RepairCaseInput | ComplaintCaseInput | SuggestionCaseInput | InquiryCaseInput | InstallationCaseInput;

export interface SimRecords {
  refunds: { caseId: string; amount: number }[];
  charges: { caseId: string; amount: number }[];
  reservations: { caseId: string; sku: string }[];
  releases: { caseId: string }[];
  stockMovements: { caseId: string; sku: string; kind?: string; type?: string; quantity: number }[];
  labels: { caseId: string; labelId: string; carrier: string; trackingNumber: string; warehouseId: string }[];
  voidedLabels: { caseId: string }[];
  shipments: { caseId: string; sku: string }[];
  cancelledShipments: { caseId: string }[];
  notifications: { caseId: string; template: string }[];
  webhooks: { caseId: string; status: number | null }[];
  repairOrders?: { caseId: string; repairOrderId: string }[];
  cancelledRepairOrders?: { caseId: string; repairOrderId: string }[];
  partyMessages?: { caseId: string; audience: string; recipientId: string; template: string }[];
  visits?: { caseId: string; slot: { slotId: string; start: string } }[];
  installations?: { caseId: string; action: string; installerId: string; jobId: string; slot: { slotId: string; start: string } }[];
}

/** How long the worker's partner adapters wait for an answer before the attempt fails. */
export const PARTNER_TIMEOUT_MS = 2_000;

/**
 * A worker on its own task queue against the run's Temporal server, PostgreSQL and a fresh
 * simulator without autopilot: the test itself plays carrier and warehouse through Updates.
 */
/** What a harness's workers share: the task queue, the connection, the codec and the partners. */
type WorkerFactory = (version?: WorkerDeploymentVersion) => Promise<Worker>;

/** A worker of a harness, polling until stopped. */
export interface HarnessWorker {
  stop(): Promise<void>;
}

export class WorkflowHarness {
  private readonly workers: HarnessWorker[] = [];

  private constructor(
    readonly client: Client,
    readonly pool: Pool,
    readonly sim: Simulator,
    readonly taskQueue: string,
    private readonly makeWorker: WorkerFactory,
    private readonly connections: { close(): Promise<void> }[],
  ) {}

  /**
   * `version`: the first worker joins that worker deployment version (docs/versioning.md); none:
   * unversioned. `activities`: what a test changes of the workers' activities.
   */
  static async start(
    name: string,
    simulator: Pick<SimulatorOptions, 'visitTimes' | 'installationTimes'> = {},
    opts: { version?: WorkerDeploymentVersion; activities?: (activities: Activities) => Activities } = {},
  ): Promise<WorkflowHarness> {
    const env = testEnv();
    const pool = createPool(env.databaseUrl, 5);
    const sim = createSimulator({ webhookSecret: 'test-secret-test-secret', autopilot: false, ...simulator });
    const simUrl = await sim.start(0, '127.0.0.1');
    const taskQueue = uniqueTaskQueue(name);
    const nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
    const { payloadCodec, keyRing } = customerPayloadCodec(pool, testPayloadKeys(), 60_000);
    const makeWorker: WorkerFactory = (version) =>
      createCaseWorker({
        connection: nativeConnection,
        namespace: env.namespace,
        taskQueue,
        workflowBundlePath: env.workflowBundlePath,
        payloadCodec,
        version,
        activities: (opts.activities ?? ((same) => same))(createActivities({
          pool,
          customerKeys: keyRing,
          timeoutMs: PARTNER_TIMEOUT_MS,
          buildId: version?.buildId,
          partners: {
            inventory: simUrl,
            logistics: simUrl,
            payments: simUrl,
            notification: simUrl,
            supplier: simUrl,
            installer: simUrl,
            orders: simUrl,
            customers: simUrl,
          },
        })),
      });
    const connection = await Connection.connect({ address: env.temporalAddress });
    const client = new Client({ connection, namespace: env.namespace, dataConverter: { payloadCodecs: [payloadCodec] } });
    const harness = new WorkflowHarness(client, pool, sim, taskQueue, makeWorker, [connection, nativeConnection]);
    await harness.startWorker(opts.version);
    return harness;
  }

  /** One more worker on this harness's task queue, of `version` or unversioned; stopped by close() if not before. */
  async startWorker(version?: WorkerDeploymentVersion): Promise<HarnessWorker> {
    const worker = await this.makeWorker(version);
    const running = worker.run();
    let stopped: Promise<void> | undefined;
    const handle = {
      stop: () =>
        (stopped ??= (async () => {
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running;
        })()),
    };
    this.workers.push(handle);
    return handle;
  }

  startReturn(input: ReturnCaseInput) {
    const lines = input.items.map(({ sku, quantity }) => ({ sku, quantity }));
    return this.startCase<ReturnCaseInput, ReturnCaseResult>(returns.workflowType, input, lines);
  }

  startComplaint(input: ComplaintCaseInput) {
    return this.startCase<ComplaintCaseInput, ComplaintCaseResult>(complaints.workflowType, input, []);
  }

  startSuggestion(input: SuggestionCaseInput) {
    return this.startCase<SuggestionCaseInput, SuggestionCaseResult>(suggestions.workflowType, input, []);
  }

  startInquiry(input: InquiryCaseInput) {
    return this.startCase<InquiryCaseInput, InquiryCaseResult>(inquiries.workflowType, input, []);
  }

  startInstallation(input: InstallationCaseInput) {
    return this.startCase<InstallationCaseInput, InstallationCaseResult>(installations.workflowType, input, []);
  }

  startRepair(input: RepairCaseInput) {
    return this.startCase<RepairCaseInput, RepairCaseResult>(repairs.workflowType, input, [{ sku: input.item.sku, quantity: 1 }]);
  }

  /**
   * A return as an API leaves it that dies between writing the case and starting its workflow:
   * the case record with its pending start on this harness's task queue, and no workflow.
   */
  async openReturnLeftBehind(input: ReturnCaseInput): Promise<void> {
    const lines = input.items.map(({ sku, quantity }) => ({ sku, quantity }));
    await this.openRecord(input, lines, { taskQueue: this.taskQueue, workflowType: returns.workflowType, input });
  }

  /** Opens the case record as the API would, then starts its workflow. */
  private async startCase<I extends CaseInput, R>(workflowType: string, input: I, lines: { sku: string; quantity: number }[]) {
    await this.openRecord(input, lines);
    return this.client.workflow.start<(i: I) => Promise<R>>(workflowType, {
      workflowId: input.caseId,
      taskQueue: this.taskQueue,
      args: [input],
    });
  }

  /** The case record as the API opens it; the simulated order system holds the case's order, as intake would have found it there. */
  private async openRecord(input: CaseInput, lines: { sku: string; quantity: number }[], pendingStart?: PendingStart): Promise<void> {
    // An installation pins only the order's delivery; it never reads the order back.
    if ('order' in input && 'lines' in input.order) {
      const { id, purchasedAt, deliveredAt, currency } = input.order;
      await this.simControl('/sim/orders', {
        id,
        customerId: input.customer.id,
        purchasedAt,
        deliveredAt: deliveredAt ?? null,
        currency,
        lines: input.order.lines.map((line) => ({ ...line, category: 'item' in input ? input.item.category : 'apparel' })),
      });
    }
    const opened = await openCase(this.pool, {
      caseId: input.caseId,
      idempotencyKey: randomUUID(),
      requestHash: randomUUID(),
      type: input.type,
      status: processOf(input.type).initialStatus,
      channel: input.channel,
      customerId: input.customer.id,
      customerSegment: customerClass(input.customer),
      orderId: 'order' in input ? input.order.id : (input.orderId ?? null),
      lines,
      priority: 'normal',
      policyVersion: input.policy.version,
      createdAt: input.requestedAt,
      actor: { kind: 'customer', id: input.customer.id },
      audit: { requestId: `open-${randomUUID()}`, role: 'customer' },
      details: {},
      pendingStart,
    });
    expect(opened).toEqual({ kind: 'created' });
  }

  /** One action by a person on a case, as the API sends it. */
  action(caseId: string, action: string, actor: CaseActionRequest['actor'], payload: Record<string, unknown> = {}) {
    return this.client.workflow.getHandle(caseId).executeUpdate(caseActionUpdate, {
      args: [{ action, actor, role: actor.kind, requestId: `${action}-${randomUUID()}`, payload }],
    });
  }

  async waitForStatus(caseId: string, status: string): Promise<void> {
    const handle = this.client.workflow.getHandle(caseId);
    await eventually(async () => expect((await handle.query(caseViewQuery)).status).toBe(status));
  }

  partnerStep(caseId: string, step: Omit<PartnerStepRequest, 'eventId' | 'occurredAt' | 'requestId'> & { eventId?: string }) {
    const eventId = step.eventId ?? randomUUID();
    return this.client.workflow.getHandle(caseId).executeUpdate(partnerStepUpdate, {
      args: [{ ...step, eventId, occurredAt: new Date().toISOString(), requestId: `webhook-${randomUUID()}` }],
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

  /** The order as the simulated order system has it now. */
  async orderSystem(orderId: string): Promise<SystemOrder> {
    const res = await fetch(`${this.sim.url}/orders/${encodeURIComponent(orderId)}`);
    expect(res.ok).toBe(true);
    return (await res.json()) as SystemOrder;
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

  /**
   * The next failTimes calls of the operation fail with status: a 5xx the activity retries, a 4xx
   * is a refusal for good. With caseId, only that case's calls fail. With when: 'after_recording',
   * the partner acts first and then loses its answer (with delayMs: answers that late).
   */
  injectFault(
    operation: string,
    failTimes: number,
    opts: { status?: number; caseId?: string; when?: 'after_recording'; delayMs?: number } = {},
  ): Promise<void> {
    return this.simControl('/sim/faults', { operation, failTimes, ...opts });
  }

  /** An order the simulated order system holds, as intake would have found it there. */
  seedOrder(order: Omit<SystemOrder, 'channel' | 'storeId' | 'lines'> & { lines: { sku: string; quantity: number; unitPrice: number }[] }): Promise<void> {
    return this.simControl('/sim/orders', { ...order, lines: order.lines.map((line) => ({ ...line, category: 'apparel' })) });
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
    for (const worker of this.workers) await worker.stop();
    for (const c of this.connections) await c.close();
    await this.sim.stop();
    await this.pool.end();
  }
}
