import { requestHash } from '../../api/requestHash';
import { CaseId, caseIdFor } from '../../api/schemas/caseId';

describe('case ids', () => {
  it('are the same for the same customer and key, and valid case ids', () => {
    const id = caseIdFor('cust-1', 'key-1');

    expect(caseIdFor('cust-1', 'key-1')).toBe(id);
    expect(CaseId.safeParse(id).success).toBe(true);
  });

  it('differ between customers using the same key', () => {
    expect(caseIdFor('cust-1', 'key-1')).not.toBe(caseIdFor('cust-2', 'key-1'));
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    expect(caseIdFor('ab', 'c')).not.toBe(caseIdFor('a', 'bc'));
  });
});

describe('request hashes', () => {
  it('ignore key order and absent fields, at every depth', () => {
    expect(requestHash({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(
      requestHash({ b: { c: [1, { e: 3, d: 2 }] }, a: 1, f: undefined }),
    );
  });

  it('tell different bodies apart', () => {
    expect(requestHash({ reason: 'a' })).not.toBe(requestHash({ reason: 'b' }));
    expect(requestHash({ items: [1, 2] })).not.toBe(requestHash({ items: [2, 1] }));
  });
});
