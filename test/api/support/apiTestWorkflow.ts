import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import {
  allowedReturnActions,
  allowedReturnSteps,
  type ReturnAction,
  type ReturnPartnerStep,
  type ReturnStatus,
} from '../../../domain/returnCase';
import {
  caseActionUpdate,
  caseViewQuery,
  InvalidTransition,
  partnerStepUpdate,
  UnknownPartner,
  type InvalidTransitionDetails,
} from '../../../workflows/lib/messages';
import type { ReturnCaseInput } from '../../../workflows/returns/input';
import { appliedStepsQuery } from './appliedSteps';

export { repairCase } from './apiTestRepairWorkflow';
export { complaintCase } from './apiTestComplaintWorkflow';

/**
 * A stand-in for the real return workflow, registered under the same type name: it speaks the
 * same messages with the domain's transition tables, but runs no activities, so API tests do not
 * depend on the process implementation. Every case starts under review; the carrier's tracking
 * number is `track-<caseId>`.
 */

const afterAction: Record<ReturnAction, ReturnStatus> = {
  approve: 'label_issued',
  reject: 'closed',
  cancel: 'closed',
  survey: 'closed',
};

const afterStep: Record<ReturnPartnerStep, ReturnStatus> = {
  picked_up: 'in_transit',
  delivered: 'received',
  inspected: 'awaiting_survey',
};

function refuse(status: ReturnStatus, allowed: readonly string[], what: string): never {
  const details: InvalidTransitionDetails = { status, allowed: [...allowed] };
  throw ApplicationFailure.create({ type: InvalidTransition, message: `${what} is not allowed in ${status}`, details: [details] });
}

export async function returnCase(input: ReturnCaseInput): Promise<void> {
  let status: ReturnStatus = 'under_review';
  let appliedSteps = 0;
  const trackingNumber = `track-${input.caseId}`;

  setHandler(caseViewQuery, () => ({
    caseId: input.caseId,
    type: input.type,
    status,
    outcome: null,
    policyVersion: input.policy.version,
    deadlines: [],
    allowedActions: [...allowedReturnActions(status)],
    expectedSteps: [...allowedReturnSteps(status)],
    details: {},
  }));
  setHandler(appliedStepsQuery, () => appliedSteps);

  setHandler(
    caseActionUpdate,
    ({ action }) => {
      status = afterAction[action as ReturnAction];
      return { status };
    },
    {
      validator: ({ action }) => {
        const allowed = allowedReturnActions(status);
        if (!allowed.includes(action as ReturnAction)) refuse(status, allowed, action);
      },
    },
  );

  setHandler(
    partnerStepUpdate,
    ({ step }) => {
      status = afterStep[step as ReturnPartnerStep];
      appliedSteps += 1;
      return { status };
    },
    {
      validator: ({ step, data }) => {
        const allowed = allowedReturnSteps(status);
        if (!allowed.includes(step as ReturnPartnerStep)) refuse(status, allowed, step);
        if (step !== 'inspected' && data.trackingNumber !== trackingNumber) {
          throw ApplicationFailure.create({ type: UnknownPartner, message: `no shipment ${String(data.trackingNumber)}` });
        }
      },
    },
  );

  await condition(() => status === 'closed');
}
