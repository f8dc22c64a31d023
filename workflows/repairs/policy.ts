import { z } from 'zod';
import { days, hours, minutes, seconds } from '../../config/policies/duration';
import type { PolicySpec } from '../../domain/process';
import { ProductCategory } from './vocabulary';

const durationMs = z.number().int().positive();
const share = z.number().min(0).max(1);

export const KnowledgeArticle = z.object({ title: z.string().min(1), url: z.url() });

/**
 * Rules of the repair process, pinned by each case at intake like the return policy. Suppliers are
 * chosen by product category; each supplier step must arrive within the supplier's response SLA.
 */
export const RepairPolicy = z
  .object({
    version: z.string().min(1),
    warrantyMonths: z.record(ProductCategory, z.number().int().nonnegative()),
    /**
     * Guided troubleshooting offered before anything ships, when the knowledge base has no
     * confident match for the customer's description; categories without either skip it.
     */
    troubleshooting: z.partialRecord(ProductCategory, KnowledgeArticle),
    /**
     * The knowledge base's best article for the customer's description is offered instead when its
     * confidence reaches this (docs/processes/repairs.md#troubleshooting-article). Absent on the
     * policies cases pinned before the knowledge base: they offer the article above.
     */
    troubleshootingMinConfidence: share.optional(),
    troubleshootingWindowMs: durationMs,
    /** Categories repaired at the customer's home by a technician instead of shipped. */
    onSiteCategories: z.array(ProductCategory),
    supplierByCategory: z.record(ProductCategory, z.string().min(1)),
    supplierResponseMs: z.object({ default: durationMs, bySupplier: z.record(z.string(), durationMs) }),
    /** The reminder goes out when this share of the response time has passed. */
    supplierReminderAt: z.number().gt(0).lt(1),
    quoteApprovalWindowMs: durationMs,
    /** After the item is shipped back, the case closes itself if the customer does not confirm. */
    autoCloseAfterShipBackMs: durationMs,
    /** Escalation on a supplier breach: who is told, and how long each level has to acknowledge. */
    escalation: z.object({
      levels: z.array(z.object({ name: z.string().min(1), ackWithinMs: durationMs })).min(1),
    }),
  })
  .meta({ id: 'RepairPolicy' });
export type RepairPolicy = z.infer<typeof RepairPolicy>;

const standard: RepairPolicy = {
  version: 'repairs/2026-12-02',
  warrantyMonths: { phone: 24, laptop: 24, headphones: 12, small_appliance: 24, large_appliance: 36, tv: 24 },
  troubleshooting: {
    phone: { title: 'Restart and reset network settings', url: 'https://help.example.com/kb/phone-reset' },
    laptop: { title: 'Run the built-in hardware diagnostics', url: 'https://help.example.com/kb/laptop-diagnostics' },
    headphones: { title: 'Re-pair and reset your headphones', url: 'https://help.example.com/kb/headphones-reset' },
    tv: { title: 'Power-cycle and update the firmware', url: 'https://help.example.com/kb/tv-firmware' },
  },
  // Calibrated on the seeded articles and the descriptions in test/unit/troubleshootingArticles.test.ts:
  // what customers write about a fault an article is about (charging, restarting, pairing) scores
  // 0.6 to 1, a description no article is about (a cracked screen, a TV that will not turn on) at
  // most 0.51; below the threshold, the category's article above is offered.
  troubleshootingMinConfidence: 0.55,
  troubleshootingWindowMs: days(3),
  onSiteCategories: ['large_appliance'],
  supplierByCategory: {
    phone: 'acme-repairs',
    laptop: 'acme-repairs',
    headphones: 'soundfix',
    small_appliance: 'homeserve',
    large_appliance: 'homeserve',
    tv: 'acme-repairs',
  },
  supplierResponseMs: { default: hours(48), bySupplier: { homeserve: hours(24) } },
  supplierReminderAt: 0.75,
  quoteApprovalWindowMs: days(7),
  autoCloseAfterShipBackMs: days(7),
  escalation: {
    levels: [
      { name: 'team_lead', ackWithinMs: hours(4) },
      { name: 'supervisor', ackWithinMs: hours(8) },
      { name: 'management', ackWithinMs: hours(24) },
    ],
  },
};

const demo: RepairPolicy = {
  ...standard,
  version: 'repairs/2026-12-02-demo',
  troubleshootingWindowMs: seconds(20),
  supplierResponseMs: { default: minutes(2), bySupplier: {} },
  quoteApprovalWindowMs: seconds(30),
  autoCloseAfterShipBackMs: seconds(5),
  escalation: { levels: standard.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(30) })) },
};

export const repairPolicy: PolicySpec<RepairPolicy> = { schema: RepairPolicy, profiles: { standard, demo } };
