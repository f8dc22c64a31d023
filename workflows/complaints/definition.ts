import { z } from 'zod';
import { customerOnly, customerOrStaff, staff } from '../../domain/access';
import { LongText, Text, VerdictAction } from '../../domain/actionPayloads';
import { AgentId } from '../../domain/case';
import { defineProcess } from '../../domain/process';
import { ComplaintDetails } from './details';
import { ComplaintCaseRequest, joinComplaint, openComplaint } from './intake';
import { complaintPolicy } from './policy';
import { ComplaintOutcome } from './vocabulary';

/**
 * Complaint (docs/processes/complaints.md): classified by the policy's rules (a repeat within the
 * window is flagged) → routed to an agent by skill and workload → acknowledged (first-response
 * SLA) → a solution proposed (solution SLA, paused while the agent waits for the customer's
 * answer) → verification window → confirmed, or reopened. Messages, reassignment and escalation
 * are taken at any step; a missed target escalates, and a major incident starts at the top level.
 */
export const complaints = defineProcess({
  name: 'complaints',
  title: 'Complaint',
  caseTypes: ['complaint'],
  workflowType: 'complaintCase',
  queue: 'complaints',
  // A complaint runs days, until it is resolved and confirmed, reopened or escalated: it outlives releases.
  versioning: 'AUTO_UPGRADE',
  initialStatus: 'opened',
  statuses: {
    opened: { actions: ['message', 'escalate'], steps: [], next: ['routed', 'closed'] },
    routed: { actions: ['acknowledge', 'reassign', 'message', 'escalate'], steps: [], next: ['acknowledged', 'closed'] },
    acknowledged: {
      actions: ['propose-solution', 'request-info', 'reassign', 'message', 'escalate'],
      steps: [],
      next: ['awaiting_customer', 'solution_proposed', 'closed'],
    },
    awaiting_customer: { actions: ['message', 'reassign', 'escalate'], steps: [], next: ['acknowledged', 'closed'] },
    solution_proposed: { actions: ['confirm', 'reopen', 'message', 'escalate'], steps: [], next: ['acknowledged', 'closed'] },
    closed: { actions: [], steps: [], next: [] },
  },
  outcomes: ComplaintOutcome.options,
  details: ComplaintDetails,
  actions: {
    acknowledge: {
      payload: z.object({ note: Text.optional() }).meta({ id: 'AcknowledgeAction' }),
      summary: 'The agent takes up the complaint: its first response',
      reaches: staff,
    },
    'request-info': {
      payload: z
        .object({ question: Text.meta({ description: 'What the agent needs to know; the solution clock pauses until the customer answers' }) })
        .meta({ id: 'RequestInfoAction' }),
      summary: 'The agent asks the customer a question; the solution clock waits for the answer (a message)',
      reaches: staff,
    },
    message: {
      payload: z.object({ text: LongText }).meta({ id: 'MessageAction' }),
      summary: 'The customer or staff add a message to the complaint',
      reaches: customerOrStaff,
    },
    'propose-solution': {
      payload: z.object({ solution: LongText }).meta({ id: 'ProposeSolutionAction' }),
      summary: 'The agent proposes a solution; the customer has the verification window to confirm or reopen',
      reaches: staff,
    },
    confirm: {
      payload: VerdictAction,
      summary: "The customer accepts the complaint's solution: it closes (the customer only)",
      reaches: customerOnly,
    },
    reopen: { payload: VerdictAction, summary: 'The customer is not satisfied with the solution: the complaint reopens', reaches: customerOnly },
    reassign: {
      payload: z
        .object({ agentId: AgentId.optional().meta({ description: 'Absent: routing picks another agent with the skill' }) })
        .meta({ id: 'ReassignAction' }),
      summary: 'Staff give the complaint to another agent, named or picked by routing',
      reaches: staff,
    },
    escalate: {
      payload: z.object({ reason: Text.optional() }).meta({ id: 'EscalateAction' }),
      summary: 'The customer or staff escalate the complaint: team lead, then supervisor, then management',
      reaches: customerOrStaff,
    },
  },
  steps: {},
  assignedPartners: {},
  workItems: [
    { kind: 'acknowledge_complaint', status: 'routed', deadlines: ['first_response'] },
    { kind: 'answer_complaint', status: 'acknowledged', deadlines: ['solution'] },
  ],
  policy: complaintPolicy,
  intake: { request: ComplaintCaseRequest, orderOf: (request) => request.orderId, check: () => [], open: openComplaint, join: joinComplaint },
});
