/**
 * Idempotency keys that name each occurrence of a step. A partner answers a repeated key with its
 * first answer, so the second reminder of the same kind, a visit booked again after a reschedule,
 * or a second escalation of the same clock needs a key of its own. The first occurrence keeps the
 * plain key (caseId:step…), which is what cases recorded before these keys used for it: their
 * histories replay unchanged. Counted in workflow state, in the deterministic order the workflow
 * asks, so a replay derives the same keys.
 */
export class OccurrenceKeys {
  private readonly seen = new Map<string, number>();

  constructor(private readonly caseId: string) {}

  key(...step: (string | number)[]): string {
    const plain = [this.caseId, ...step].join(':');
    const n = (this.seen.get(plain) ?? 0) + 1;
    this.seen.set(plain, n);
    return n === 1 ? plain : `${plain}#${n}`;
  }
}
