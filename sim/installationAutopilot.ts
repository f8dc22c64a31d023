import type { AutopilotRuns } from './autopilotRuns';
import type { CaseScripts } from './caseScripts';
import type { InstallationJob } from './installers';
import { installerWebhook } from './webhookEvents';

/**
 * Plays the installer of a job by the case's installation script (sim/caseScripts.ts): once the
 * job is booked or moved, the technician reports the visit last booked, a step delay later.
 */

export interface InstallationAutopilotOptions {
  /** Off: jobs are booked but no outcome is sent unless a test or the demo sends it. */
  enabled: boolean;
  /** The time between a booking and the technician's report. */
  stepDelayMs: number;
  scripts: CaseScripts;
  runs: AutopilotRuns;
}

const INSTALLED_NOTES = 'installed, tested and packaging taken away (simulated)';

/** What a technician finds when unboxing an item of the category; the first is for anything else. */
const defects: Record<string, string> = {
  large_appliance: 'door seal torn at delivery (simulated)',
  tv: 'cracked panel found at unboxing (simulated)',
};
const OTHER_DEFECT = 'casing dented in transit (simulated)';

export class InstallationAutopilot {
  constructor(private readonly opts: InstallationAutopilotOptions) {}

  /** A moved visit replaces the report still pending for the earlier one. */
  jobScheduled(job: InstallationJob): void {
    if (!this.opts.enabled) return;
    if (this.opts.scripts.get(job.caseId).installation === 'manual') return this.opts.runs.abort(job.jobId);
    this.opts.runs.start(job.jobId, job.caseId, [
      {
        delayMs: this.opts.stepDelayMs,
        // Read when due, so a script changed after the booking still applies.
        webhook: () => {
          const script = this.opts.scripts.get(job.caseId).installation;
          if (script === 'manual') return undefined;
          const { caseId, jobId, category } = job;
          return installerWebhook(
            job.installerId,
            script === 'defect'
              ? { caseId, type: 'defect_found', jobId, defect: defects[category] ?? OTHER_DEFECT }
              : { caseId, type: 'installed', jobId, notes: INSTALLED_NOTES },
          );
        },
      },
    ]);
  }

  jobCancelled(jobId: string): void {
    this.opts.runs.abort(jobId);
  }
}
