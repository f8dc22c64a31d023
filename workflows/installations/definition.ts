import { customerOrStaff } from '../../domain/access';
import { CancelAction, cancelAction, NoPayload, rescheduleAction } from '../../domain/actionPayloads';
import { LinkedCase } from '../../domain/caseDetails';
import { defineProcess } from '../../domain/process';
import { InstallationDetails } from './details';
import { checkInstallation, InstallationCaseRequest, openInstallation } from './intake';
import { installationPolicy } from './policy';
import { InstallationOutcome } from './vocabulary';

/**
 * Installation and unboxing inspection (docs/processes/installations.md): a delivered bulky
 * product → a technician's visit booked with the category's installer (the customer may move it
 * or cancel) → the installer's signed report: installed, or a defect found at unboxing, which
 * becomes a return, exchange or repair linked to it → feedback.
 */
export const installations = defineProcess({
  name: 'installations',
  title: 'Installation',
  caseTypes: ['installation'],
  workflowType: 'installationCase',
  queue: 'installations',
  // An installation waits days on delivery, the visit and its report: it outlives releases.
  versioning: 'AUTO_UPGRADE',
  initialStatus: 'requested',
  statuses: {
    requested: { actions: ['cancel'], steps: [], next: ['offered', 'visit_booked', 'closed'] },
    offered: { actions: ['accept', 'decline'], steps: [], next: ['visit_booked', 'closed'] },
    visit_booked: { actions: ['reschedule', 'cancel'], steps: ['installed', 'defect_found'], next: ['defect_found', 'closed'] },
    defect_found: { actions: ['converted'], steps: [], next: ['closed'] },
    closed: { actions: [], steps: [], next: [] },
  },
  outcomes: InstallationOutcome.options,
  details: InstallationDetails,
  actions: {
    accept: { payload: NoPayload, summary: 'The customer takes up the installation offered on delivery: a visit is booked', reaches: customerOrStaff },
    decline: {
      payload: CancelAction,
      summary: 'The customer does not want the installation offered on delivery: it closes',
      reaches: customerOrStaff,
    },
    reschedule: rescheduleAction,
    cancel: cancelAction,
    converted: {
      payload: LinkedCase,
      summary: 'Recorded by POST /v1/cases/{id}/conversions once the return, exchange or repair for the defect is open; no one sends it directly',
      reaches: {},
    },
  },
  steps: {
    installed: { partner: 'installer', requires: ['jobId'] },
    defect_found: { partner: 'installer', requires: ['jobId', 'defect'] },
  },
  assignedPartners: { installer: 'installerId' },
  workItems: [{ kind: 'remedy_installation_defect', status: 'defect_found', deadlines: ['remedy'] }],
  policy: installationPolicy,
  conversions: { into: ['return', 'exchange', 'repair'] },
  intake: {
    request: InstallationCaseRequest,
    orderOf: (request) => request.orderId,
    check: checkInstallation,
    open: openInstallation,
    // Asking for an installation the delivery already offered takes the offer up.
    join: { windowMs: (policy) => policy.joinWithinMs, action: () => ({ action: 'accept', payload: {} }) },
  },
});
