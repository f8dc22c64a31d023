import { apiRoutes } from '../../api/app';
import { describingDeps } from '../../api/describingDeps';
import { openApiDocument } from '../../api/openapi';
import { contactFields, ERASED, freeTextFields, referenceFields, withoutPersonalData } from '../../domain/personalData';

/** What an erasure takes from a case's details and its events' data (domain/personalData.ts), and what it leaves. */

describe('withoutPersonalData', () => {
  it('erases contact details, free text and references at any depth, and keeps the facts', () => {
    const data = {
      reason: 'bought for Erika, +49 30 5550199',
      items: [{ sku: 'CAP-1', quantity: 2, brand: 'quillstone', condition: 'unopened' }],
      customer: { id: 'cust-1', contact: { name: 'Erika', email: 'erika@example.com', phone: '+49 30 5550199' }, segment: 'loyal' },
      refund: { refundId: 'rf-9', amount: 3_000, currency: 'EUR' },
      feedback: { csat: 2, nps: 4, reasons: ['too_slow'], comment: 'Erika again' },
      convertedFrom: { caseId: 'case_1', type: 'inquiry', question: 'Where is my order?' },
      shipment: { sku: 'CAP-1', trackingNumber: 'SIM123' },
      orderId: 'ord-7',
    };

    expect(withoutPersonalData(data, 'cust-1', 'erased:case_1')).toEqual({
      reason: ERASED,
      items: data.items,
      customer: { id: 'erased:case_1', contact: { name: ERASED, email: ERASED, phone: ERASED }, segment: 'loyal' },
      refund: { refundId: ERASED, amount: 3_000, currency: 'EUR' },
      feedback: { csat: 2, nps: 4, reasons: ['too_slow'], comment: ERASED },
      convertedFrom: { caseId: 'case_1', type: 'inquiry', question: ERASED },
      shipment: { sku: 'CAP-1', trackingNumber: ERASED },
      orderId: ERASED,
    });
  });

  it('replaces the customer id where it is a whole value only, and erases what is no text under a personal field', () => {
    expect(withoutPersonalData({ actor: 'cust-1', other: 'cust-10', list: ['cust-1'], note: { lines: ['a', 3, null] } }, 'cust-1', 'x')).toEqual({
      actor: 'x',
      other: 'cust-10',
      list: ['x'],
      note: { lines: [ERASED, null, null] },
    });
  });
});

/** The names of every string field a request to these routes may carry that is long enough to be someone's words. */
function freeTextOfRequests(paths: (path: string) => boolean): Map<string, string[]> {
  const document = openApiDocument(apiRoutes(describingDeps())) as any;
  const schemas = document.components.schemas as Record<string, any>;
  const found = new Map<string, string[]>();
  const walk = (schema: any, name: string, where: string, seen: Set<unknown>): void => {
    if (!schema || seen.has(schema)) return;
    seen.add(schema);
    if (schema.$ref) return walk(schemas[schema.$ref.split('/').pop()], name, where, seen);
    if (schema.type === 'string' && !schema.enum && !schema.format && !schema.pattern && (schema.maxLength ?? Infinity) >= 200) {
      found.set(name, [...(found.get(name) ?? []), where]);
    }
    for (const part of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? []), schema.items]) walk(part, name, where, seen);
    for (const [key, value] of Object.entries(schema.properties ?? {})) walk(value, key, where, seen);
  };
  for (const [path, methods] of Object.entries<Record<string, any>>(document.paths)) {
    if (!paths(path)) continue;
    for (const [method, operation] of Object.entries(methods)) {
      walk(operation.requestBody?.content?.['application/json']?.schema, '(body)', `${method} ${path}`, new Set());
    }
  }
  return found;
}

it('names every free text a customer, staff member or partner can write into a case, so an erasure finds it', () => {
  const personal = new Set([...contactFields, ...freeTextFields, ...referenceFields]);
  // A partner's slot id is its own reference to a time, not to the customer.
  const notPersonal = new Set(['slotId']);
  const texts = freeTextOfRequests((path) => path.startsWith('/v1/cases') || path.startsWith('/v1/webhooks'));

  expect(texts.size).toBeGreaterThan(8);
  expect([...texts].filter(([name]) => !personal.has(name) && !notPersonal.has(name))).toEqual([]);
});
