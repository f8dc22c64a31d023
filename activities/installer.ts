import { z } from 'zod';
import type { InstallerPort } from './types';
import { partnerClient, pathId, type PartnerConfig } from './partnerHttp';

/**
 * Installers: a technician's visit that installs a delivered bulky item and inspects it as it is
 * unboxed. Every installer is reached under its own path, so one adapter serves all of them; what
 * the technician finds comes back by signed webhook.
 */

const VisitSlot = z.object({ slotId: z.string().min(1), start: z.iso.datetime(), end: z.iso.datetime() });
const Job = z.object({ jobId: z.string().min(1), slot: VisitSlot });
const Rescheduled = z.object({ slot: VisitSlot });

const jobPath = (installerId: string, jobId: string) => `/installers/${pathId(installerId)}/jobs/${pathId(jobId)}`;

export function createInstallerActivities(config: PartnerConfig): InstallerPort {
  const post = partnerClient('installer', config);
  return {
    async bookInstallation({ idempotencyKey, installerId, ...job }) {
      return post({
        operation: 'bookInstallation',
        path: `/installers/${pathId(installerId)}/jobs`,
        idempotencyKey,
        body: job,
        response: Job,
      });
    },

    async rescheduleInstallation({ idempotencyKey, caseId, installerId, jobId, notBefore }) {
      return post({
        operation: 'rescheduleInstallation',
        path: `${jobPath(installerId, jobId)}/reschedule`,
        idempotencyKey,
        body: { caseId, notBefore },
        response: Rescheduled,
      });
    },

    async cancelInstallation({ idempotencyKey, caseId, installerId, jobId }) {
      await post({
        operation: 'cancelInstallation',
        path: `${jobPath(installerId, jobId)}/cancel`,
        idempotencyKey,
        body: { caseId },
        response: z.unknown(),
      });
    },
  };
}
