import { mintToken, type TokenSettings } from '../../api/auth/tokens';
import { signWebhook } from '../../api/webhooks/signature';
import type { ParcelStep } from '../../workflows/returns/state';
import { CARRIER_ID } from '../../sim/carrier';
import type { CaseScript } from '../../sim/caseScripts';
import type { FaultRequest } from '../../sim/faults';
import type { SimRecords } from '../../sim/ledger';
import type { PartnerWebhook } from '../../sim/webhookEvents';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * The HTTP calls the bench and the drill make, as a sales channel, a partner and the simulator's
 * operator would, against the private stack on 127.0.0.1. One place, so a header every /v1 route
 * comes to need (a bearer token) is added once.
 */
export class ServiceClient {
  constructor(
    private readonly apiUrl: string,
    private readonly simulatorUrl: string,
    private readonly webhookSecret: string,
    /** Cases are opened as a channel's agent would open them, with a token of the stack's. */
    private readonly tokens: TokenSettings,
  ) {}

  /** Minted once: signing a token per request would load the measured path with work no channel does. */
  private bearer: Promise<string> | undefined;

  async createCase(body: unknown, idempotencyKey: string): Promise<Answer> {
    return this.api('/v1/cases', JSON.stringify(body), { 'idempotency-key': idempotencyKey, authorization: await this.agent() });
  }

  /** A person's action on a case (approve, reject…), taken by the same agent. */
  async caseAction(caseId: string, action: string, payload: Record<string, unknown>, idempotencyKey: string): Promise<Answer> {
    const path = `/v1/cases/${encodeURIComponent(caseId)}/actions/${action}`;
    return this.api(path, JSON.stringify(payload), { 'idempotency-key': idempotencyKey, authorization: await this.agent() });
  }

  private agent(): Promise<string> {
    // Outlives any run: a token expiring mid-run would turn into 401s, not measurements.
    this.bearer ??= mintToken({ sub: 'channel-agent', role: 'agent' }, this.tokens, '12h').then((token) => `Bearer ${token}`);
    return this.bearer;
  }

  /** A carrier scan, signed as the carrier signs it. */
  carrierEvent(event: { caseId: string; type: ParcelStep; trackingNumber: string; eventId: string }): Promise<Answer> {
    return this.partnerWebhook({ path: `/v1/webhooks/carriers/${CARRIER_ID}`, event: { ...event, occurredAt: new Date().toISOString() } });
  }

  /** A partner's event, signed at the moment it is sent, as a partner signs each delivery of it. */
  partnerWebhook({ path, event }: PartnerWebhook): Promise<Answer> {
    const raw = JSON.stringify(event);
    return this.api(path, raw, signWebhook(this.webhookSecret, raw));
  }

  /** An order in the simulated order system (and its customer in the customer system); one already there is fine. */
  async addOrder(order: Record<string, unknown>): Promise<void> {
    const res = await answer(await fetch(`${this.simulatorUrl}/sim/orders`, post(JSON.stringify(order))));
    if (res.status !== 201 && res.status !== 409) throw new Error(`the simulator refused order ${String(order.id)}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async simRecords(caseId?: string): Promise<SimRecords> {
    const query = caseId === undefined ? '' : `?caseId=${encodeURIComponent(caseId)}`;
    return (await answer(await fetch(`${this.simulatorUrl}/sim/records${query}`))).body as unknown as SimRecords;
  }

  /** Arms a partner fault in the simulator (sim/faults.ts): a number of failing calls, or an outage of a length. */
  async simFault(fault: FaultRequest): Promise<void> {
    const res = await answer(await fetch(`${this.simulatorUrl}/sim/faults`, post(JSON.stringify(fault))));
    if (res.status !== 200) throw new Error(`the simulator refused fault ${JSON.stringify(fault)}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async simScript(script: Partial<CaseScript> & { caseId: string }): Promise<void> {
    const res = await answer(await fetch(`${this.simulatorUrl}/sim/scripts`, post(JSON.stringify(script))));
    if (res.status !== 200) throw new Error(`the simulator refused script ${JSON.stringify(script)}: ${res.status}`);
  }

  private async api(path: string, rawBody: string, headers: Record<string, string>): Promise<Answer> {
    return answer(await fetch(`${this.apiUrl}${path}`, post(rawBody, headers)));
  }
}

function post(body: string, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body };
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
