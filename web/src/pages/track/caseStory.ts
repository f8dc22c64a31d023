import type { components } from '../../api/schema';
import type { MessageKey } from '../../i18n/en';
import { trackEn } from './messages';

/**
 * A case told the way its customer follows it: which process it is, the sentence for where it
 * stands, the steps behind it (the timeline's events a customer recognises; the staff's own
 * bookkeeping is left out) and the steps of the process's usual path still ahead.
 */

export type CaseRecord = components['schemas']['CaseWithLiveView'];
export type CaseEvent = components['schemas']['CaseTimeline']['events'][number];

type Process = 'returns' | 'repairs' | 'complaints' | 'suggestions' | 'inquiries' | 'installations';

const processOf: Record<CaseRecord['type'], Process> = {
  return: 'returns',
  exchange: 'returns',
  repair: 'repairs',
  complaint: 'complaints',
  suggestion: 'suggestions',
  inquiry: 'inquiries',
  installation: 'installations',
};

/**
 * The statuses a case of each process usually passes through, in order, as its customer sees them.
 * A step the process takes one of several ways lists them together; its message is the first's.
 */
const usualPath: Record<Process, readonly (string | readonly string[])[]> = {
  returns: ['requested', 'under_review', 'label_issued', 'in_transit', 'received', 'inspected', 'refunding', 'closed'],
  repairs: ['requested', 'repair_ordered', 'at_supplier', 'repairing', 'awaiting_ship_back', 'shipped_back', 'closed'],
  complaints: ['opened', 'routed', 'acknowledged', 'solution_proposed', 'closed'],
  // Routing picks one team: either is the step before the answer.
  suggestions: ['received', ['with_product', 'with_operations'], 'closed'],
  // An automated answer the customer confirms, or a person's.
  inquiries: ['received', ['awaiting_confirmation', 'with_agent'], 'closed'],
  installations: ['requested', 'visit_booked', 'closed'],
};

function messageKey(key: string): MessageKey | null {
  return key in trackEn ? (key as MessageKey) : null;
}

/** Where the case stands, in a sentence of the customer's language. */
export function statusSentence(record: CaseRecord): MessageKey {
  return messageKey(`track.status.${processOf[record.type]}.${record.status}`) ?? 'track.status.unknown';
}

/** The case's events a customer recognises, oldest first, with what to call them. */
export function stepsDone(events: readonly CaseEvent[]): { key: MessageKey; at: string }[] {
  return events.flatMap((event) => {
    const key = messageKey(`track.event.${event.type}`);
    return key ? [{ key, at: event.at }] : [];
  });
}

/** The usual path's steps after the one the case is at; none once it is closed or off the path. */
export function stepsToCome(record: CaseRecord): MessageKey[] {
  const process = processOf[record.type];
  const path = usualPath[process];
  const here = path.findIndex((step) => step === record.status || (Array.isArray(step) && step.includes(record.status)));
  if (here < 0) return [];
  return path.slice(here + 1).flatMap((step) => messageKey(`track.step.${process}.${typeof step === 'string' ? step : step[0]}`) ?? []);
}

/** The case's deadlines the customer cares about, each as a sentence with its date. */
export function datesToKnow(record: CaseRecord): { key: MessageKey; dueAt: string }[] {
  const deadlines = record.deadlines.map(({ name, dueAt }) => ({
    key: messageKey(`track.deadline.${name}`) ?? 'track.deadline.other',
    dueAt,
  }));
  const survey = record.details.feedback;
  return survey?.status === 'requested' ? [...deadlines, { key: 'track.deadline.survey', dueAt: survey.closesAt }] : deadlines;
}

/** What the customer may do on a case, in the order the page offers it; the case says which are open now. */
export const customerActions = ['helped', 'not_helped', 'reschedule', 'approve-quote', 'decline-quote', 'fixed', 'not_fixed', 'confirm', 'reopen', 'cancel'] as const;
export type CustomerAction = (typeof customerActions)[number];

/** The customer's actions the case takes now (its live view's allowed actions). */
export function actionsNow(record: CaseRecord): CustomerAction[] {
  const allowed = new Set(record.live?.allowedActions ?? []);
  return customerActions.filter((action) => allowed.has(action));
}

/** Actions that end something the customer cannot take back: asked twice. */
export const needsConfirmation: ReadonlySet<CustomerAction> = new Set(['cancel', 'decline-quote']);
