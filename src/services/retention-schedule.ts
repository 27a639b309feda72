// Runs the personal-data purge (RetentionService) when the portal starts and every few hours
// after, with the retention days the settings hold at that moment. No cron: the timer does not
// keep the process alive, and a failed run is reported and tried again at the next one.
import { PeriodicJob } from './periodic-job.js';
import type { PurgeResult, RetentionService } from './retention-service.js';
import { toSiteSettings } from './site-settings.js';
import type { StorageAccess } from './storage-access.js';

export const RETENTION_INTERVAL_MS = 6 * 60 * 60_000;

export class RetentionSchedule {
  private readonly job: PeriodicJob;

  constructor(
    private readonly storage: StorageAccess,
    private readonly retention: RetentionService,
    onError: (err: unknown) => void,
  ) {
    this.job = new PeriodicJob(() => this.runOnce(), RETENTION_INTERVAL_MS, onError);
  }

  /** One purge now, with the stored retention days. */
  async runOnce(): Promise<PurgeResult> {
    const settings = toSiteSettings(await this.storage.repositories.settings.getAll());
    return this.retention.purge({
      submissionContacts: Number(settings.submissionContactRetentionDays),
      reportDetails: Number(settings.reportDetailRetentionDays),
    });
  }

  start(): void {
    this.job.start();
  }

  stop(): void {
    this.job.stop();
  }
}
