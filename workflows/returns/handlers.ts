import { unknownPartner } from '../lib/facts';
import { registerFactHandlers } from '../lib/factHandlers';
import { pinnedVersion } from '../lib/pinnedVersion';
import { returns } from './definition';
import type { ReturnCaseInput } from './input';
import type { ReturnState } from './state';

export function registerReturnHandlers(input: ReturnCaseInput, state: ReturnState): void {
  registerFactHandlers(state, {
    definition: returns,
    caseId: input.caseId,
    type: input.type,
    policyVersion: input.sla ? pinnedVersion(input.policy, input.sla) : input.policy.version,
    actions: {
      approve: { slot: 'review', fact: ({ payload }) => ({ decision: 'approve', note: payload.note }) },
      reject: { slot: 'review', fact: ({ payload }) => ({ decision: 'reject', note: payload.reason }) },
      cancel: { slot: 'cancel', fact: ({ payload }) => ({ reason: payload.reason }) },
      survey: { slot: 'survey', fact: ({ payload }) => ({ score: payload.score, comment: payload.comment }) },
    },
    steps: {
      picked_up: { slot: 'pickedUp', fact: ({ data, occurredAt }) => ({ trackingNumber: data.trackingNumber, occurredAt }) },
      delivered: { slot: 'delivered', fact: ({ data, occurredAt }) => ({ trackingNumber: data.trackingNumber, occurredAt }) },
      inspected: { slot: 'inspection', fact: ({ data, occurredAt }) => ({ result: data.result, notes: data.notes, occurredAt }) },
    },
    joinable: ['cancel'],
    checkPartner(req) {
      const { label } = state;
      const { kind, id } = req.partner;
      if (kind === 'carrier' && (id !== label?.carrier || req.data.trackingNumber !== label.trackingNumber)) {
        throw unknownPartner(`case ${input.caseId} has no parcel ${String(req.data.trackingNumber)} with carrier ${id}`);
      }
      // A label issued before labels named their warehouse leaves the inspection to any warehouse.
      if (kind === 'warehouse' && label?.warehouseId !== undefined && id !== label.warehouseId) {
        throw unknownPartner(`case ${input.caseId}'s return is not routed to warehouse ${id}`);
      }
    },
  });
}
