// The audit log (/admin/audit, admins only): who changed what and when, newest first.
import type { Request, Response } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { notFound } from '../../http-error.js';
import { paginate } from '../../pagination.js';
import { pageNumber } from '../../params.js';

export const AUDIT_PER_PAGE = 50;

const TEXT = {
  title: '操作日志',
  noSuchPage: '没有这一页。',
};

/** Readable names of the actions the admin area records; unknown ones are shown as stored. */
const ACTION_LABELS: Record<string, string> = {
  'user.login': '登录',
  'user.logout': '退出',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.delete': '删除用户',
  'settings.update': '修改设置',
  'comment.approve': '通过评论',
  'comment.reject': '拒绝评论',
  'comment.spam': '标为垃圾评论',
  'comment.delete': '删除评论',
  'sensitive-word.add': '添加敏感词',
  'sensitive-word.delete': '删除敏感词',
  'article.create': '新建文章',
  'article.update': '修改文章',
  'article.delete': '删除文章',
};

function actionLabel(action: string): string {
  return Object.hasOwn(ACTION_LABELS, action) ? ACTION_LABELS[action]! : action;
}

export function auditController({ repositories }: AdminContext) {
  return {
    async listAudit(req: Request, res: Response) {
      const page = pageNumber(req);
      const pagination = paginate(page, await repositories.audit.count(), AUDIT_PER_PAGE, '/admin/audit');
      if (page > pagination.totalPages) throw notFound(TEXT.noSuchPage);
      const entries = await repositories.audit.listRecent(AUDIT_PER_PAGE, (page - 1) * AUDIT_PER_PAGE);
      res.render('admin/audit/index', { title: TEXT.title, entries, pagination, actionLabel });
    },
  };
}
