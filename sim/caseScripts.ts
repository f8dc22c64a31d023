import { z } from 'zod';

/**
 * How the autopilot plays a case: whether the parcel is ever picked up, what inspection finds, how
 * a repair supplier behaves and what an installer's technician finds.
 */

/**
 * in_warranty: received → diagnosed → repaired → shipped_back. quote: the diagnosis carries a
 * quote, then the supplier waits for the customer's decision (repaired → shipped_back after an
 * approval, shipped_back unrepaired after a decline). unrepairable: received → diagnosed →
 * unrepairable. late: received, then silence, so the supplier breaches its response SLA. on_site:
 * once a technician visit is booked, visit_completed (repaired). manual: nothing.
 */
export const RepairScript = z.enum(['in_warranty', 'quote', 'unrepairable', 'late', 'on_site', 'manual']);
export type RepairScript = z.infer<typeof RepairScript>;

/**
 * Once an installation is booked (or moved), what the technician reports of the visit last booked:
 * installed; defect (defect_found: damage found at unboxing); manual: nothing.
 */
export const InstallationScript = z.enum(['installed', 'defect', 'manual']);
export type InstallationScript = z.infer<typeof InstallationScript>;

export const CaseScript = z.object({
  caseId: z.string().min(1),
  pickup: z.enum(['auto', 'never']).default('auto'),
  /** manual: the autopilot stops after delivery and the test or demo sends the inspection itself. */
  inspection: z.enum(['restockable', 'damaged', 'manual']).default('restockable'),
  /**
   * Read when the repair order is placed (for on-site orders: when the visit is booked). Unset:
   * on_site for on-site orders, in_warranty for orders in warranty, quote for the others.
   */
  repair: RepairScript.optional(),
  installation: InstallationScript.default('installed'),
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
