import {
  at,
  complaintRequest,
  confirmReceipt,
  type DemoCase,
  type DemoScenario,
  type DemoStep,
  demoScenarios,
  escalated,
  notFixed,
  repairRequest,
  returnRequest,
  feedback,
  suggestionRequest,
  inquiryRequest,
  installationRequest,
  workComplaint,
} from '../demo/scenarios';

/** A scenario whose histories become fixtures named after it. */
export interface Recording {
  name: string;
  scenario: DemoScenario;
}

/** The demo's scenarios, in its order, by the names their fixtures take. */
const demoNames = [
  'return-refunded',
  'exchange-exchanged',
  'return-refunded-after-review',
  'return-rejected-after-inspection',
  'return-not-eligible',
  'return-cancelled-by-customer',
  'exchange-vip-exchanged',
  'repair-in-warranty-repaired',
  'repair-quote-approved-repaired',
  'repair-resolved-remotely',
  'repair-unrepairable-replaced',
  'repair-on-site-repaired',
  'complaint-resolved',
  'complaint-escalated-resolved',
  'complaint-major-incident-resolved',
  'inquiry-answered-by-knowledge-base',
  'inquiry-order-status-answered',
  'inquiry-answered-by-person',
  'inquiry-converted-to-return',
  'installation-installed',
  'installation-defect-exchanged',
  'suggestion-answered',
];

const supplierStep = (when: DemoStep['when'], body: Record<string, unknown>): DemoStep => ({
  when,
  by: 'partner',
  action: 'supplier-step',
  body,
});
const reopened = (times: number) => (c: DemoCase) => (c.details.reopened ?? 0) === times;

/** What the demo does not show: the other ends of each process, and the paths the next changes touch. */
function moreScenarios(): Recording[] {
  const [acknowledge, propose, confirm] = workComplaint;
  return [
    {
      name: 'return-cancelled-not-shipped',
      scenario: {
        title: 'app: label issued, the parcel never handed over, ship-by passes',
        expectedOutcome: 'cancelled_not_shipped',
        request: returnRequest('app', 'standard', 'return', { sku: 'HOODIE-M', condition: 'unopened' }),
        script: { pickup: 'never' },
        steps: [],
      },
    },
    {
      name: 'return-rejected-by-review',
      scenario: {
        title: 'store: opened item, the agent rejects it',
        expectedOutcome: 'rejected_by_review',
        request: returnRequest('store', 'standard', 'return', { sku: 'SNEAKER-42', condition: 'opened' }),
        steps: [{ when: at('under_review'), by: 'agent', action: 'reject', body: { reason: 'worn outdoors' } }],
      },
    },
    {
      name: 'return-review-timed-out-refunded',
      scenario: {
        title: 'web: nobody reviews in time, the policy approves, refunded',
        expectedOutcome: 'refunded',
        request: returnRequest('web', 'standard', 'return', { sku: 'SNEAKER-42', condition: 'opened' }),
        steps: [feedback(3, 6)],
      },
    },
    {
      name: 'repair-quote-declined-returned-unrepaired',
      scenario: {
        title: 'web: laptop out of warranty, the customer declines the quote',
        expectedOutcome: 'returned_unrepaired',
        request: repairRequest('web', 'LAPTOP-14', 900),
        steps: [
          notFixed(),
          { when: at('awaiting_quote_approval'), by: 'customer', action: 'decline-quote', body: { reason: 'too dear' } },
          confirmReceipt,
        ],
      },
    },
    {
      name: 'repair-unrepairable-refunded',
      scenario: {
        title: 'app: TV unrepairable and none in stock, refunded',
        expectedOutcome: 'refunded',
        request: repairRequest('app', 'OOS-TV-55', 60, { category: 'tv', unitPrice: 89_900 }),
        steps: [notFixed({ repair: 'unrepairable' })],
      },
    },
    {
      name: 'repair-quote-approved-unrepairable-replaced',
      scenario: {
        title: 'web: quote approved and paid, then the laptop proves unrepairable, replaced',
        expectedOutcome: 'replaced',
        request: repairRequest('web', 'LAPTOP-15', 900),
        steps: [
          notFixed({ repair: 'manual' }),
          supplierStep(at('repair_ordered'), { type: 'received' }),
          supplierStep(at('at_supplier'), { type: 'diagnosed', diagnosis: 'cracked hinge', quote: { amount: 8_900, currency: 'EUR' } }),
          { when: at('awaiting_quote_approval'), by: 'customer', action: 'approve-quote' },
          supplierStep(at('repairing'), { type: 'unrepairable' }),
        ],
      },
    },
    {
      name: 'repair-on-site-rescheduled-repaired',
      scenario: {
        title: 'phone: washing machine visit moved once, then repaired at home',
        expectedOutcome: 'repaired',
        request: repairRequest('phone', 'WASHER-7'),
        script: { repair: 'manual' },
        steps: [
          { when: at('visit_scheduled'), by: 'customer', action: 'reschedule', body: {} },
          supplierStep(at('visit_scheduled'), { type: 'visit_completed', outcome: 'repaired' }),
        ],
      },
    },
    {
      name: 'repair-cancelled-by-customer',
      scenario: {
        title: 'app: the customer cancels during troubleshooting',
        expectedOutcome: 'cancelled_by_customer',
        request: repairRequest('app', 'PHONE-LITE'),
        steps: [{ when: at('troubleshooting'), by: 'customer', action: 'cancel', body: { reason: 'bought a new one' } }],
      },
    },
    {
      name: 'repair-supplier-late-escalated-repaired',
      scenario: {
        title: 'app: the supplier misses its response time, the case escalates, then the repair goes on',
        expectedOutcome: 'repaired',
        request: repairRequest('app', 'PHONE-X'),
        steps: [
          notFixed({ repair: 'late' }),
          supplierStep((c) => at('at_supplier')(c) && c.breached, { type: 'diagnosed', diagnosis: 'loose connector' }),
          supplierStep(at('repairing'), { type: 'repaired' }),
          supplierStep(at('awaiting_ship_back'), { type: 'shipped_back' }),
          confirmReceipt,
        ],
      },
    },
    {
      name: 'complaint-reopened-resolved',
      scenario: {
        title: 'app: the first solution does not satisfy, the complaint reopens, the second does',
        expectedOutcome: 'resolved',
        request: complaintRequest('app', 'standard', 'Wrong colour', 'The parcel held a red jacket, I ordered blue.'),
        steps: [
          acknowledge!,
          propose!,
          { when: at('solution_proposed'), by: 'customer', action: 'reopen', body: { comment: 'a voucher is not enough' } },
          { when: (c) => at('acknowledged')(c) && reopened(1)(c), by: 'supervisor', action: 'propose-solution', body: { solution: 'the blue one, sent today' } },
          confirm!,
        ],
      },
    },
    {
      name: 'complaint-escalated-twice-resolved-unacknowledged',
      scenario: {
        title: 'web: nobody answers in time, the customer escalates as well, and the complaint is resolved with its escalation unacknowledged',
        expectedOutcome: 'resolved',
        request: complaintRequest('web', 'standard', 'Broken zip', 'The zip of the jacket broke on the first day.'),
        steps: [
          { when: (c) => at('routed')(c) && escalated(c), by: 'customer', action: 'escalate', body: { reason: 'nobody has answered me' } },
          acknowledge!,
          propose!,
          confirm!,
        ],
      },
    },
    {
      name: 'complaint-information-requested-resolved',
      scenario: {
        title: 'web: the agent asks twice for details before proposing a solution',
        expectedOutcome: 'resolved',
        request: complaintRequest('web', 'standard', 'Noise', 'The fan makes a noise.'),
        steps: [
          acknowledge!,
          { when: at('acknowledged'), by: 'supervisor', action: 'request-info', body: { question: 'When does it happen?' } },
          { when: at('awaiting_customer'), by: 'customer', action: 'message', body: { text: 'At full speed.' } },
          { when: at('acknowledged'), by: 'supervisor', action: 'request-info', body: { question: 'Which model is it?' } },
          { when: at('awaiting_customer'), by: 'customer', action: 'message', body: { text: 'The tower fan.' } },
          propose!,
          confirm!,
        ],
      },
    },
    {
      name: 'complaint-resolved-unconfirmed',
      scenario: {
        title: 'email: the customer never answers the proposed solution',
        expectedOutcome: 'resolved_unconfirmed',
        request: complaintRequest('email', 'standard', 'Invoice', 'The invoice address is wrong.'),
        steps: [acknowledge!, propose!],
      },
    },
    {
      name: 'inquiry-answered-then-silence',
      scenario: {
        title: 'app: an article sent, and the customer never says whether it helped',
        expectedOutcome: 'answered_automatically',
        request: inquiryRequest('app', 'standard', 'When will I get my refund?'),
        steps: [],
      },
    },
    {
      name: 'inquiry-not-helped-unanswered',
      scenario: {
        title: 'web: the article did not help, and nobody answers within the window',
        expectedOutcome: 'closed_without_answer',
        request: inquiryRequest('web', 'standard', 'When will I get my refund?'),
        steps: [{ when: (c) => c.status === 'awaiting_confirmation', by: 'customer', action: 'not_helped', body: { note: 'still waiting' } }],
      },
    },
    {
      name: 'installation-offer-declined',
      scenario: {
        title: 'web: an installation offered on delivery, declined by the customer',
        expectedOutcome: 'declined',
        request: installationRequest('web', 'TV-55', true),
        steps: [{ when: (c) => c.status === 'offered', by: 'customer', action: 'decline', body: { reason: 'installing it myself' } }],
      },
    },
    {
      name: 'installation-offer-expired',
      scenario: {
        title: 'web: an installation offered on delivery that the customer never answers',
        expectedOutcome: 'offer_expired',
        request: installationRequest('web', 'FRIDGE-9', true),
        steps: [],
      },
    },
    {
      name: 'installation-offer-accepted-installed',
      scenario: {
        title: 'app: an installation offered on delivery, accepted, installed',
        expectedOutcome: 'installed',
        request: installationRequest('app', 'FRIDGE-9', true),
        steps: [{ when: (c) => c.status === 'offered', by: 'customer', action: 'accept' }],
      },
    },
    {
      name: 'installation-cancelled',
      scenario: {
        title: 'web: an installation the customer cancels after moving the visit once',
        expectedOutcome: 'cancelled',
        script: { installation: 'manual' },
        request: installationRequest('web', 'FRIDGE-9'),
        steps: [
          { when: (c) => c.status === 'visit_booked', by: 'customer', action: 'reschedule' },
          { when: (c) => c.status === 'visit_booked', by: 'customer', action: 'cancel', body: { reason: 'bought elsewhere' } },
        ],
      },
    },
    {
      name: 'suggestion-closed-without-answer',
      scenario: {
        title: 'web: a product idea nobody answers within the window',
        expectedOutcome: 'closed_without_answer',
        request: suggestionRequest('web', 'Please make the kettle in a darker colour.'),
        steps: [],
      },
    },
  ];
}

/** Every outcome the demo covers and the ones it leaves out; one case each. */
export function recordingScenarios(): Recording[] {
  const demo = demoScenarios();
  if (demo.length !== demoNames.length) throw new Error('name every demo scenario in scripts/recording/scenarios.ts');
  return [...demo.map((scenario, i) => ({ name: demoNames[i]!, scenario })), ...moreScenarios()];
}

