import { randomUUID } from 'node:crypto';
import type { CustomerKind } from './customers';

/** The case as GET /v1/cases/:id shows it, as far as the demo reads it. */
export interface DemoCase {
  customerId: string;
  orderId: string | null;
  status: string;
  breached: boolean;
  details: {
    escalation?: { open?: boolean };
    reopened?: number;
    feedback?: { status: string; followUp?: { open: boolean } | null };
  };
}

/**
 * One thing a person or partner does to a case, once, in the order the scenario lists them: the
 * first step not yet taken is taken when the case first matches its `when`. It is either a
 * person's action through the API, or a partner event the simulator sends on command
 * (`action` names the command: carrier-event, inspection, supplier-step).
 */
export interface DemoStep {
  when: (c: DemoCase) => boolean;
  by: 'customer' | 'agent' | 'supervisor' | 'partner';
  action: string;
  /** Where it is sent under the case, when not its action route (`actions/<action>`): the survey's routes. */
  path?: string;
  /** What is sent; made from the case when it names the case's customer or order (a conversion's new case). */
  body?: Record<string, unknown> | ((c: DemoCase) => Record<string, unknown>);
  /** Tells the simulator how to play this case from here on, just before acting. */
  script?: Record<string, unknown>;
}

/** An order the sale put in the order system before the case, for the scenario's customer; dates in days before now. */
export interface OrderPlan {
  channel: string;
  /** A SKU the catalogue does not sell names its category and price. */
  lines: { sku: string; quantity: number; category?: string; unitPrice?: number }[];
  purchasedDaysAgo: number;
  deliveredDaysAgo: number;
}

/** What a case is opened with: a seeded customer of a kind, an order of theirs if the process needs one, and the rest of the body. */
export interface RequestPlan {
  customer: CustomerKind;
  order?: OrderPlan;
  body: Record<string, unknown>;
}

export interface DemoScenario {
  title: string;
  expectedOutcome: string;
  request: RequestPlan;
  /** How the simulator plays the case from the start (sim/caseScripts.ts), set before the case is opened. */
  script?: Record<string, unknown>;
  steps: DemoStep[];
}

export const at = (status: string) => (c: DemoCase) => c.status === status;
export const escalated = (c: DemoCase) => c.details.escalation?.open === true;

/** A return or exchange of one item of a two-line order of the catalogue, delivered `deliveredDaysAgo` days ago. */
export function returnRequest(
  channel: string,
  customer: CustomerKind,
  type: 'return' | 'exchange',
  item: { sku: string } & Record<string, unknown>,
  deliveredDaysAgo = 2,
): RequestPlan {
  return {
    customer,
    order: {
      channel,
      lines: [
        { sku: 'SNEAKER-42', quantity: 1 },
        { sku: 'HOODIE-M', quantity: 1 },
      ],
      purchasedDaysAgo: deliveredDaysAgo + 2,
      deliveredDaysAgo,
    },
    body: { type, channel, items: [{ quantity: 1, ...item }], reason: 'demo' },
  };
}

/**
 * A repair of a product bought `purchasedDaysAgo` days ago; its category comes from the order, so
 * a SKU the catalogue does not sell names it.
 */
export function repairRequest(
  channel: string,
  sku: string,
  purchasedDaysAgo = 60,
  offCatalogue: { category: string; unitPrice: number } | Record<string, never> = {},
): RequestPlan {
  return {
    customer: 'standard',
    order: { channel, lines: [{ sku, quantity: 1, ...offCatalogue }], purchasedDaysAgo, deliveredDaysAgo: purchasedDaysAgo - 2 },
    body: { type: 'repair', channel, item: { sku, serialNumber: `SN-${randomUUID().slice(0, 8)}` }, problem: 'it stopped working' },
  };
}

export function complaintRequest(channel: string, customer: CustomerKind, subject: string, description: string): RequestPlan {
  return { customer, body: { type: 'complaint', channel, subject, description } };
}

export function suggestionRequest(channel: string, text: string): RequestPlan {
  return { customer: 'standard', body: { type: 'suggestion', channel, text } };
}

/** Staff answer a suggestion from the queue routing gave it (docs/processes/suggestions.md). */
export const answerSuggestion: DemoStep = {
  when: (c) => at('with_product')(c) || at('with_operations')(c),
  by: 'agent',
  action: 'answer',
  body: { text: 'Thank you: from next month our parcels ship in paper packaging.' },
};

export function inquiryRequest(channel: string, customer: CustomerKind, question: string, order?: OrderPlan): RequestPlan {
  return { customer, ...(order && { order }), body: { type: 'inquiry', channel, question } };
}

/** The customer's word on an automated answer (docs/processes/inquiries.md). */
export const helped: DemoStep = { when: at('awaiting_confirmation'), by: 'customer', action: 'helped' };

/** A person answers an inquiry handed over to them. */
export const answerInquiry: DemoStep = {
  when: at('with_agent'),
  by: 'agent',
  action: 'answer',
  body: { text: 'Yes: gift wrapping is offered at checkout for 3 EUR, in paper.' },
};

/**
 * A case turned into a return or exchange of one product of the case's order, through intake
 * (POST /v1/cases/{id}/conversions), linked both ways.
 */
function conversionTo(spec: {
  when: DemoStep['when'];
  by: DemoStep['by'];
  type: 'return' | 'exchange';
  channel: string;
  sku: string;
  condition: string;
  reason: string;
}): DemoStep {
  const { type, channel, sku, condition, reason } = spec;
  const item = { sku, quantity: 1, condition, ...(type === 'exchange' && { replacementSku: sku }) };
  return {
    when: spec.when,
    by: spec.by,
    action: 'convert',
    path: 'conversions',
    body: (c) => ({ type, channel, customer: { id: c.customerId }, orderId: c.orderId, items: [item], reason }),
  };
}

/** The agent opens the return an inquiry turns out to be. */
export const convertToReturn = (sku: string): DemoStep =>
  conversionTo({
    when: (c) => at('awaiting_confirmation')(c) || at('with_agent')(c),
    by: 'agent',
    type: 'return',
    channel: 'phone',
    sku,
    condition: 'unopened',
    reason: 'too small',
  });

/** An installation of a product delivered today; `offer`: offered as the order system's delivery notice would, for the customer to accept. */
export function installationRequest(channel: string, sku: string, offer = false): RequestPlan {
  return {
    customer: 'standard',
    order: { channel: 'web', lines: [{ sku, quantity: 1 }], purchasedDaysAgo: 3, deliveredDaysAgo: 0 },
    body: { type: 'installation', channel, item: { sku }, ...(offer && { offer: true }) },
  };
}

/** The customer turns a defect found at unboxing into an exchange of the same product (docs/processes/installations.md). */
export const exchangeDefective = (sku: string): DemoStep =>
  conversionTo({ when: at('defect_found'), by: 'customer', type: 'exchange', channel: 'app', sku, condition: 'damaged', reason: 'defect found at unboxing' });

export const review = (script?: Record<string, unknown>): DemoStep => ({
  when: at('under_review'),
  by: 'agent',
  action: 'approve',
  body: { note: 'checked photos' },
  script,
});
const surveyAt = (status: string) => (c: DemoCase) => c.status === 'closed' && c.details.feedback?.status === status;
/** The customer answers the survey every resolved case asks; reasons when unhappy (docs/feedback.md). */
export const feedback = (csat: number, nps: number, reasons: string[] = []): DemoStep => ({
  when: surveyAt('requested'),
  by: 'customer',
  action: 'feedback',
  path: 'feedback',
  body: { csat, nps, reasons, comment: csat >= 4 ? 'quick and easy' : 'not good enough' },
});
/** A supervisor calls back after a low rating, which closes its follow-up. */
export const followUp: DemoStep = {
  when: (c) => surveyAt('answered')(c) && c.details.feedback?.followUp?.open === true,
  by: 'supervisor',
  action: 'follow-up',
  path: 'feedback/follow-up',
  body: { note: 'called the customer and apologised' },
};
export const notFixed = (script?: Record<string, unknown>): DemoStep => ({ when: at('troubleshooting'), by: 'customer', action: 'not_fixed', script });
export const confirmReceipt: DemoStep = { when: at('shipped_back'), by: 'customer', action: 'confirm' };
export const workComplaint: DemoStep[] = [
  { when: at('routed'), by: 'supervisor', action: 'acknowledge', body: { note: 'on it' } },
  { when: at('acknowledged'), by: 'supervisor', action: 'propose-solution', body: { solution: 'a voucher and a replacement' } },
  { when: at('solution_proposed'), by: 'customer', action: 'confirm', body: { comment: 'thanks' } },
];
export const acknowledgeEscalation: DemoStep = { when: escalated, by: 'supervisor', action: 'acknowledge-escalation' };

export function demoScenarios(): DemoScenario[] {
  return [
    {
      title: 'app: return, approved by policy, refunded',
      expectedOutcome: 'refunded',
      request: returnRequest('app', 'standard', 'return', { sku: 'HOODIE-M', condition: 'unopened' }),
      steps: [feedback(5, 9)],
    },
    {
      title: 'web: exchange for another size',
      expectedOutcome: 'exchanged',
      request: returnRequest('web', 'standard', 'exchange', { sku: 'SNEAKER-42', condition: 'unopened', replacementSku: 'SNEAKER-43' }),
      steps: [],
    },
    {
      title: 'store: opened item, an agent approves, refunded',
      expectedOutcome: 'refunded',
      request: returnRequest('store', 'standard', 'return', { sku: 'SNEAKER-42', condition: 'opened' }),
      steps: [review(), feedback(4, 8)],
    },
    {
      title: 'marketplace: inspection finds damage',
      expectedOutcome: 'rejected_after_inspection',
      request: returnRequest('marketplace', 'standard', 'return', { sku: 'HOODIE-M', condition: 'opened' }),
      steps: [review({ inspection: 'damaged' })],
    },
    {
      title: 'phone: requested after the return window',
      expectedOutcome: 'not_eligible',
      request: returnRequest('phone', 'standard', 'return', { sku: 'HOODIE-M', condition: 'unopened' }, 20),
      steps: [],
    },
    {
      title: 'email: customer cancels before shipping, label voided',
      expectedOutcome: 'cancelled_by_customer',
      request: returnRequest('email', 'standard', 'return', { sku: 'SNEAKER-42', condition: 'opened' }),
      steps: [
        review({ pickup: 'never' }),
        { when: at('label_issued'), by: 'customer', action: 'cancel', body: { reason: 'found it fits after all' } },
      ],
    },
    {
      title: 'social: high-value customer’s exchange, 18 days after delivery',
      expectedOutcome: 'exchanged',
      request: returnRequest('social', 'high_value', 'exchange', { sku: 'HOODIE-M', condition: 'opened', replacementSku: 'HOODIE-L' }, 18),
      steps: [],
    },
    {
      title: 'app: phone repaired under warranty, customer confirms receipt',
      expectedOutcome: 'repaired',
      request: repairRequest('app', 'PHONE-X'),
      steps: [notFixed(), confirmReceipt, feedback(2, 3, ['repair_quality']), followUp],
    },
    {
      title: 'web: laptop out of warranty, customer approves the quote',
      expectedOutcome: 'repaired',
      request: repairRequest('web', 'LAPTOP-14', 900),
      steps: [notFixed(), { when: at('awaiting_quote_approval'), by: 'customer', action: 'approve-quote' }, confirmReceipt],
    },
    {
      title: 'mini_program: headphones fixed by the troubleshooting guide',
      expectedOutcome: 'resolved_remotely',
      request: repairRequest('mini_program', 'BUDS-2'),
      steps: [{ when: at('troubleshooting'), by: 'customer', action: 'fixed' }],
    },
    {
      title: 'marketplace: TV unrepairable, replaced from stock',
      expectedOutcome: 'replaced',
      request: repairRequest('marketplace', 'TV-55'),
      steps: [notFixed({ repair: 'unrepairable' })],
    },
    {
      title: 'phone: fridge repaired by a technician at home',
      expectedOutcome: 'repaired',
      request: repairRequest('phone', 'FRIDGE-9'),
      steps: [],
    },
    {
      title: 'web: complaint about a late delivery, resolved',
      expectedOutcome: 'resolved',
      request: complaintRequest('web', 'standard', 'Where is my parcel?', 'The delivery is a week late.'),
      steps: [...workComplaint, feedback(4, 7)],
    },
    {
      title: 'email: high-value customer’s complaint, routed to their advisor, nobody answers in time, escalated, then resolved',
      expectedOutcome: 'resolved',
      request: complaintRequest('email', 'high_value', 'Charged twice', 'I was charged twice for one order.'),
      steps: [acknowledgeEscalation, ...workComplaint.map((s, i) => (i === 0 ? { ...s, when: (c: DemoCase) => at('routed')(c) && c.breached } : s))],
    },
    {
      title: 'store: major incident, straight to management',
      expectedOutcome: 'resolved',
      request: complaintRequest('store', 'standard', 'Charger', 'Smoke came out of the charger and it burned the desk.'),
      steps: [acknowledgeEscalation, ...workComplaint],
    },
    {
      title: 'app: a question in Chinese the knowledge base answers on its own (冰箱不冷了怎么办); the customer says it helped',
      expectedOutcome: 'answered_automatically',
      request: inquiryRequest('app', 'high_value', '冰箱不冷了怎么办'),
      steps: [helped, feedback(5, 10)],
    },
    {
      title: 'phone: where is my order, answered from the order system at once',
      expectedOutcome: 'answered_automatically',
      request: inquiryRequest('phone', 'standard', 'Where is my order? It has not arrived.', {
        channel: 'web',
        lines: [{ sku: 'JACKET-M', quantity: 1 }],
        purchasedDaysAgo: 2,
        deliveredDaysAgo: 0,
      }),
      steps: [helped],
    },
    {
      title: 'web: a question no article answers, handed to a person within 30 s, who answers it',
      expectedOutcome: 'answered',
      request: inquiryRequest('web', 'standard', 'Do you sell gift wrapping for the jacket?'),
      steps: [answerInquiry, feedback(4, 8)],
    },
    {
      title: 'mini_program: a question that turns out to be a return, converted by the agent and linked both ways',
      expectedOutcome: 'converted',
      request: inquiryRequest('mini_program', 'high_value', '这件夹克太小了，可以换一件吗？', {
        channel: 'mini_program',
        lines: [{ sku: 'JACKET-M', quantity: 1 }],
        purchasedDaysAgo: 6,
        deliveredDaysAgo: 4,
      }),
      steps: [convertToReturn('JACKET-M')],
    },
    {
      title: 'web: a television installed at home by the installer, reported by signed webhook',
      expectedOutcome: 'installed',
      request: installationRequest('web', 'TV-55'),
      steps: [feedback(5, 9)],
    },
    {
      title: 'app: a fridge whose technician finds a defect at unboxing; the customer exchanges it, linked both ways',
      expectedOutcome: 'defect_remedied',
      script: { installation: 'defect' },
      request: installationRequest('app', 'FRIDGE-9'),
      steps: [exchangeDefective('FRIDGE-9')],
    },
    {
      title: 'mini_program: a suggestion in Chinese about packaging, routed to operations and answered',
      expectedOutcome: 'answered',
      request: suggestionRequest('mini_program', '希望快递可以用纸箱包装，少用塑料泡沫。'),
      steps: [answerSuggestion, feedback(5, 9)],
    },
  ];
}
