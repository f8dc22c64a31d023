import { Router, type Request } from 'express';
import { z } from 'zod';
import { type InstallationJob, Installers } from '../installers';
import { caseId, notFound, sku } from './fields';
import { partnerWrite, type PartnerWriteDeps } from './partnerWrite';

/** An installer's API, one per installer id: installation jobs, each a technician's visit, booked, moved or cancelled. */

const notBefore = z.iso.datetime({ offset: true });
const JobRequest = z.object({
  caseId,
  orderId: z.string().min(1).max(128),
  sku,
  category: z.string().min(1).max(64),
  notBefore,
});
/** The case a follow-up call acts for, if named: a fault may be armed for it, and another case's job is unknown. */
const JobFields = z.object({ caseId: caseId.optional() });
const RescheduleRequest = JobFields.extend({ notBefore });
/** A cancellation needs no body. */
const CancelRequest = JobFields.default({});

export interface InstallerDeps extends PartnerWriteDeps {
  installers: Installers;
  onJobScheduled: (job: InstallationJob) => void;
  onJobCancelled: (jobId: string) => void;
}

const jobRef = (req: Request) => ({ installerId: String(req.params.installerId), jobId: String(req.params.jobId) });
const unknownJob = (installerId: string) => notFound(Installers.serves(installerId) ? 'installation_job' : 'installer');

export function installerRoutes(deps: InstallerDeps): Router {
  const { installers } = deps;
  const router = Router();

  router.post(
    '/installers/:installerId/jobs',
    partnerWrite(deps, 'bookInstallation', JobRequest, (input, req) => {
      const job = installers.book(String(req.params.installerId), input);
      if (job === 'unknown_installer') return notFound('installer');
      if (job === 'category_not_served') return { status: 422, body: { error: 'category_not_served', category: input.category } };
      deps.onJobScheduled(job);
      return { status: 201, body: { jobId: job.jobId, slot: job.slot } };
    }),
  );

  router.post(
    '/installers/:installerId/jobs/:jobId/reschedule',
    partnerWrite(deps, 'rescheduleInstallation', RescheduleRequest, (input, req) => {
      const { installerId, jobId } = jobRef(req);
      const job = installers.reschedule(installerId, jobId, input.notBefore, input.caseId);
      if (job === 'not_found') return unknownJob(installerId);
      if (job === 'cancelled') return { status: 409, body: { error: 'installation_cancelled', jobId } };
      deps.onJobScheduled(job);
      return { status: 200, body: { slot: job.slot } };
    }),
  );

  router.post(
    '/installers/:installerId/jobs/:jobId/cancel',
    partnerWrite(deps, 'cancelInstallation', CancelRequest, (input, req) => {
      const { installerId, jobId } = jobRef(req);
      if (installers.cancel(installerId, jobId, input.caseId) === 'not_found') return unknownJob(installerId);
      deps.onJobCancelled(jobId);
      return { status: 200, body: { jobId, status: 'cancelled' } };
    }),
  );

  return router;
}
