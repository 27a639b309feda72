// Keeping personal data no longer than needed: submitters' contact details go a set number of
// days after the submission was closed (archived or turned into a draft), reporters' notes and
// address hashes a set number of days after the report was decided. Run at start and on a
// timer, with no cron; several processes may run it at once (each purge is one idempotent
// transaction), and a purge that removed something is audited.
import type { AuditEntry } from '../repositories/audit-repository.js';
import type { Clock } from './clock.js';
import type { StorageAccess } from './storage-access.js';

const DAY = 24 * 60 * 60_000;

export interface RetentionDays {
  submissionContacts: number;
  reportDetails: number;
}

export interface PurgeResult {
  submissionContacts: number;
  reportDetails: number;
}

export class RetentionService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  purge(days: RetentionDays): Promise<PurgeResult> {
    return this.storage.transaction(async (tx) => {
      const now = this.clock();
      const result = {
        submissionContacts: await tx.submissions.purgeContactsClosedBefore(now - days.submissionContacts * DAY),
        reportDetails: await tx.reports.purgeDetailsDecidedBefore(now - days.reportDetails * DAY),
      };
      if (result.submissionContacts + result.reportDetails > 0) {
        const entry: Omit<AuditEntry, 'id'> = {
          userId: null,
          username: '系统',
          action: 'privacy.purge',
          entityType: 'personal-data',
          entityId: '',
          summary:
            `按保存期限删除：${result.submissionContacts} 份投稿的联系方式（结案满 ${days.submissionContacts} 天），` +
            `${result.reportDetails} 条举报的补充说明和地址摘要（处理满 ${days.reportDetails} 天）`,
          createdAt: now,
        };
        await tx.audit.append(entry);
      }
      return result;
    });
  }
}
