import { z } from 'zod';
import { casePolicies } from '../../config/policies/profiles';
import { type PartnerChannel, partnerChannels } from '../../domain/partners';
import type { IntakeRecords, Process } from '../../domain/process';
import { segmentPolicies } from '../../config/policies/segmentPolicy';
import { standingOf } from '../../domain/segmentation';
import { WorkQueue } from '../../domain/workQueue';
import * as workflows from '../../workflows';
import { CaseDetails, isCaseType, processes } from '../../workflows/registry';
import { complaintRequest, inquiryRequest, installationRequest, repairRequest, returnRequest, suggestionRequest } from '../support/requests';

/**
 * What every registered process must have, and have consistent. The type of a definition already
 * demands each part; these check what a type cannot: that the parts agree with each other.
 */
const registered: Process[] = [...processes];

/** A valid intake request of each process, by its name: a new process adds one here. */
const sampleRequests: Record<string, () => unknown> = {
  returns: returnRequest,
  repairs: repairRequest,
  complaints: complaintRequest,
  suggestions: suggestionRequest,
  inquiries: inquiryRequest,
  installations: installationRequest,
};

/** What the systems of record would say of a sample request: a customer, and an order with every sample SKU. */
function sampleRecords(customerId: string, orderId: string | undefined): IntakeRecords {
  const line = (sku: string, category: string) => ({ sku, category, quantity: 2, unitPrice: 1_500, returned: 0 });
  return {
    customer: {
      id: customerId,
      name: 'Sample Customer',
      contact: {},
      language: 'en',
      tags: [],
      consent: { marketing: false, surveys: true },
      advisorId: null,
      customerSince: '2025-01-01T00:00:00.000Z',
    },
    standing: standingOf([], '2025-01-01T00:00:00.000Z', segmentPolicies.standard, new Date()),
    order: orderId
      ? {
          id: orderId,
          customerId,
          currency: 'EUR',
          purchasedAt: '2026-11-28T10:00:00.000Z',
          deliveredAt: '2026-11-29T10:00:00.000Z',
          channel: 'web',
          storeId: null,
          lines: [line('JACKET-M', 'apparel'), line('CAP-1', 'apparel'), line('PHONE-X', 'phone'), line('CASE-X', 'accessories'), line('FRIDGE-9', 'large_appliance')],
        }
      : null,
  };
}

/** The statuses reachable from `from` by following `next`. */
function reachable(process: Process, from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    for (const next of process.statuses[status]?.next ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe.each(registered.map((p) => [p.name, p] as const))('the %s process', (_name, process) => {
  const statuses = Object.keys(process.statuses);

  it('has a workflow exported under its workflow type', () => {
    expect(typeof (workflows as Record<string, unknown>)[process.workflowType]).toBe('function');
  });

  it('starts somewhere, ends in closed, and can reach closed from every status it reaches', () => {
    expect(statuses).toContain(process.initialStatus);
    expect(process.statuses.closed).toEqual({ actions: [], steps: [], next: [] });
    const fromStart = reachable(process, process.initialStatus);
    expect(statuses.filter((s) => !fromStart.has(s))).toEqual([]);
    expect(statuses.filter((s) => !reachable(process, s).has('closed'))).toEqual([]);
    for (const rule of Object.values(process.statuses)) expect(rule.next.filter((s) => !statuses.includes(s))).toEqual([]);
  });

  it('allows in some status every action and step it declares, and declares every one a status allows', () => {
    const allowed = (part: 'actions' | 'steps') => new Set(Object.values(process.statuses).flatMap((rule) => rule[part]));
    expect([...allowed('actions')].sort()).toEqual(Object.keys(process.actions).sort());
    expect([...allowed('steps')].sort()).toEqual(Object.keys(process.steps).sort());
  });

  it('gives every action an object body, a summary and at least one role, but the conversion the API records', () => {
    for (const [name, spec] of Object.entries(process.actions)) {
      expect(spec.payload).toBeInstanceOf(z.ZodObject);
      expect(spec.summary.length).toBeGreaterThan(10);
      if (name === 'converted') expect(spec.reaches).toEqual({});
      else expect(Object.keys(spec.reaches).length).toBeGreaterThan(0);
    }
  });

  it('becomes only registered case types, and records that through the `converted` action', () => {
    const into = process.conversions?.into ?? [];
    for (const type of into) expect(isCaseType(type)).toBe(true);
    expect('converted' in process.actions).toBe(into.length > 0);
  });

  it('takes each partner step from a partner kind with a webhook, requiring only fields its events have', () => {
    for (const step of Object.values(process.steps)) {
      const channel: PartnerChannel = partnerChannels[step.partner];
      expect(Object.keys(channel.data.shape)).toEqual(expect.arrayContaining([...(step.requires ?? [])]));
    }
  });

  it('describes every fact its record shows, its intake writes only those, and the API publishes them', () => {
    expect(process.details).toBeInstanceOf(z.ZodObject);
    const fields = Object.entries(process.details.shape);
    expect(fields.length).toBeGreaterThan(0);
    for (const [name, field] of fields) {
      expect({ name, description: field.description }).toEqual({ name, description: expect.any(String) });
      expect(CaseDetails.shape[name]?.unwrap()).toBe(field);
    }
    const sample = sampleRequests[process.name];
    expect(sample).toBeDefined();
    const policies = casePolicies('standard');
    const request = process.intake.request.parse(sample!());
    const opening = process.intake.open(
      request,
      { process: policies[process.name as keyof typeof policies], sla: policies.sla },
      sampleRecords(request.customer.id, process.intake.orderOf(request)),
    );
    expect(process.details.strict().partial().safeParse(opening.details).error).toBeUndefined();
  });

  it('ends in named outcomes, a failure among them', () => {
    expect(process.outcomes).toContain('failed');
    expect(new Set(process.outcomes).size).toBe(process.outcomes.length);
  });

  it('puts work items in known queues, in statuses it has, timed by deadlines', () => {
    for (const rule of process.workItems) {
      expect(statuses).toContain(rule.status);
      expect(WorkQueue.options).toContain(rule.queue ?? process.queue);
      expect(rule.deadlines.length).toBeGreaterThan(0);
    }
  });

  it('ships a standard and a demo policy that its own schema accepts, each with its own version', () => {
    const { standard, demo } = process.policy.profiles;
    expect(process.policy.schema.safeParse(standard).success).toBe(true);
    expect(process.policy.schema.safeParse(demo).success).toBe(true);
    const version = (policy: unknown) => (policy as { version: string }).version;
    expect(version(demo)).not.toBe(version(standard));
  });

  it('takes intake requests whose type is one of its case types, and only those', () => {
    const type = process.intake.request.shape.type;
    expect(type).toBeDefined();
    for (const caseType of process.caseTypes) expect(type!.safeParse(caseType).success).toBe(true);
    expect(type!.safeParse('not-a-case-type').success).toBe(false);
  });
});

test('no two processes run the same case type, take the same work item kind or share a name', () => {
  const all = (pick: (p: Process) => readonly string[]) => registered.flatMap(pick);
  for (const values of [all((p) => p.caseTypes), all((p) => p.workItems.map((w) => w.kind)), all((p) => [p.name, p.workflowType])]) {
    expect(new Set(values).size).toBe(values.length);
  }
});
