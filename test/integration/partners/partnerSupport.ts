import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import express from 'express';
import type { PartnerConfig } from '../../../activities/partnerHttp';
import type { SystemOrder } from '../../../activities/types';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type SignatureCheck,
  verifyWebhookSignature,
} from '../../../api/webhooks/signature';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../../sim/createSimulator';
import type { SimRecords } from '../../../sim/ledger';

/** The partner simulator and a stand-in for our webhook endpoints: partner tests need no Temporal, no PostgreSQL. */

export const WEBHOOK_SECRET = 'partner-tests-webhook-secret';

export async function startSimulator(opts: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  const sim = createSimulator({ webhookSecret: WEBHOOK_SECRET, autopilot: false, ...opts });
  await sim.start(0);
  return sim;
}

export function adapterConfig(sim: Simulator): PartnerConfig {
  return { baseUrl: sim.url, timeoutMs: 2_000 };
}

export async function simRecords(sim: Simulator, caseId: string): Promise<SimRecords> {
  const res = await fetch(`${sim.url}/sim/records?caseId=${encodeURIComponent(caseId)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as SimRecords;
}

export async function simPost(sim: Simulator, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

export async function simGet(sim: Simulator, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sim.url}${path}`);
  return { status: res.status, body: await res.json() };
}

/** An order in the simulated order system (POST /sim/orders), as it stored it. */
export async function placeOrder(sim: Simulator, order: Record<string, unknown>): Promise<SystemOrder> {
  const { status, body } = await simPost(sim, '/sim/orders', order);
  expect(status).toBe(201);
  return body as SystemOrder;
}

/** The ApplicationFailure a call rejects with; fails the test if the call succeeds or throws anything else. */
export async function failureOf(call: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await call.then(
    () => {
      throw new Error('expected the partner call to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
}

export interface ReceivedWebhook {
  path: string;
  event: Record<string, unknown>;
  signature: SignatureCheck;
}

/**
 * Our API's webhook endpoints reduced to what the simulator relies on: verify the signature
 * (401 when wrong, like the real routes), then answer what the test scripted.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /**
   * Status for a correctly signed webhook, or status and body where the sender reads the answer
   * (the steps a 409 allows); tests replace it to provoke retries.
   */
  answer: (webhook: ReceivedWebhook) => number | { status: number; body: unknown } = () => 200;
  private readonly server: Server;

  private constructor() {
    const app = express();
    app.post('/v1/webhooks/*path', express.raw({ type: 'application/json' }), (req, res) => {
      const rawBody = req.body as Buffer;
      const webhook: ReceivedWebhook = {
        path: req.path,
        event: JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>,
        signature: verifyWebhookSignature({
          secrets: [WEBHOOK_SECRET],
          rawBody,
          timestamp: req.get(TIMESTAMP_HEADER),
          signature: req.get(SIGNATURE_HEADER),
          toleranceSeconds: 300,
        }),
      };
      this.received.push(webhook);
      const answer = webhook.signature.ok ? this.answer(webhook) : 401;
      if (typeof answer === 'number') res.status(answer).json({ status: answer < 300 ? 'accepted' : 'refused' });
      else res.status(answer.status).json(answer.body);
    });
    this.server = createServer(app);
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  forCase(caseId: string): ReceivedWebhook[] {
    return this.received.filter((w) => w.event.caseId === caseId);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      this.server.closeAllConnections();
    });
  }
}
