// The audit log (/admin/audit, admins only): who changed what and when, newest first.
import type { Request, Response } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { auditActionLabel } from '../../audit-labels.js';
import { notFound } from '../../http-error.js';
import { AUDIT_MESSAGES } from '../../messages/audit.js';
import { SITE_MESSAGES } from '../../messages/site.js';
import { paginate } from '../../pagination.js';
import { pageNumber } from '../../params.js';

export const AUDIT_PER_PAGE = 50;

export function auditController({ repositories }: AdminContext) {
  return {
    async listAudit(req: Request, res: Response) {
      const page = pageNumber(req);
      const pagination = paginate(page, await repositories.audit.count(), AUDIT_PER_PAGE, '/admin/audit');
      if (page > pagination.totalPages) throw notFound(SITE_MESSAGES.noSuchPage);
      const entries = await repositories.audit.listRecent(pagination.slice.limit, pagination.slice.offset);
      res.render('admin/audit/index', { title: AUDIT_MESSAGES.title, entries, pagination, actionLabel: auditActionLabel });
    },
  };
}
