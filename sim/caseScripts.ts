import { z } from 'zod';

/** How the autopilot plays a case: whether the parcel is ever picked up, and what inspection finds. */

export const CaseScript = z.object({
  caseId: z.string().min(1),
  pickup: z.enum(['auto', 'never']).default('auto'),
  /** manual: the autopilot stops after delivery and the test or demo sends the inspection itself. */
  inspection: z.enum(['restockable', 'damaged', 'manual']).default('restockable'),
});
export type CaseScript = z.infer<typeof CaseScript>;

export class CaseScripts {
  private readonly scripts = new Map<string, CaseScript>();

  set(script: CaseScript): void {
    this.scripts.set(script.caseId, script);
  }

  get(caseId: string): CaseScript {
    return this.scripts.get(caseId) ?? CaseScript.parse({ caseId });
  }

  reset(): void {
    this.scripts.clear();
  }
}
