import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CaseStorePort } from '../../../activities/types';
import {
  allowedRepairActions,
  allowedSupplierSteps,
  type RepairAction,
  type RepairStatus,
  type SupplierStep,
} from '../../../domain/repairCase';
import { invalidTransition, unknownPartner } from '../../../workflows/lib/facts';
import { caseActionUpdate, caseViewQuery, partnerStepUpdate } from '../../../workflows/lib/messages';
import type { RepairCaseInput } from '../../../workflows/repairs/input';
import { appliedStepsQuery } from './appliedSteps';

/**
 * A stand-in for the real repair workflow under the same type name, like the return one: the
 * domain's transition tables and no partners. Every case starts in troubleshooting; "not_fixed"
 * places the order with the category's supplier and records that supplier on the case, the one
 * write the API relies on (it refuses other suppliers' webhooks).
 */

const afterAction: Record<RepairAction, RepairStatus> = {
  fixed: 'closed',
  not_fixed: 'repair_ordered',
  'approve-quote': 'repairing',
  'decline-quote': 'awaiting_ship_back',
  confirm: 'closed',
  reschedule: 'visit_scheduled',
  cancel: 'closed',
};

/** A diagnosis with a quote waits for the customer instead (see the step handler). */
const afterStep: Record<SupplierStep, RepairStatus> = {
  received: 'at_supplier',
  diagnosed: 'repairing',
  repaired: 'awaiting_ship_back',
  unrepairable: 'closed',
  shipped_back: 'shipped_back',
  visit_completed: 'closed',
};

const { recordCaseEvent } = proxyActivities<CaseStorePort>({ startToCloseTimeout: '10 seconds' });

export async function repairCase(input: RepairCaseInput): Promise<void> {
  const { caseId } = input;
  const supplierId = input.policy.supplierByCategory[input.item.category]!;
  let status: RepairStatus = 'troubleshooting';
  let appliedSteps = 0;

  setHandler(caseViewQuery, () => ({
    caseId,
    type: input.type,
    status,
    outcome: null,
    policyVersion: input.policy.version,
    deadlines: [],
    allowedActions: [...allowedRepairActions(status)],
    expectedSteps: [...allowedSupplierSteps(status)],
    details: { supplierId },
  }));
  setHandler(appliedStepsQuery, () => appliedSteps);

  setHandler(
    caseActionUpdate,
    async ({ action }) => {
      if (action === 'not_fixed') {
        await recordCaseEvent({
          caseId,
          eventKey: 'repair.ordered',
          type: 'repair.ordered',
          at: new Date().toISOString(),
          actor: { kind: 'system', id: 'stand-in' },
          data: { supplierId },
          patch: { status: 'repair_ordered', details: { supplierId } },
        });
      }
      status = afterAction[action as RepairAction];
      return { status };
    },
    {
      validator: ({ action }) => {
        const allowed = allowedRepairActions(status);
        if (!allowed.includes(action as RepairAction)) throw invalidTransition(action, status, allowed);
      },
    },
  );

  setHandler(
    partnerStepUpdate,
    ({ step, data }) => {
      status = step === 'diagnosed' && data.quote ? 'awaiting_quote_approval' : afterStep[step as SupplierStep];
      appliedSteps += 1;
      return { status };
    },
    {
      validator: ({ step, partner }) => {
        if (partner.id !== supplierId) throw unknownPartner(`case ${caseId} is not assigned to supplier ${partner.id}`);
        const allowed = allowedSupplierSteps(status);
        if (!allowed.includes(step as SupplierStep)) throw invalidTransition(step, status, allowed);
      },
    },
  );

  await condition(() => status === 'closed');
}
