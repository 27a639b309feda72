// The comment queue (/admin/comments): tabs by status, bulk and per-row moderation, and the
// moderation settings (publish-at-once or review-first, the sensitive-word list).
import type { Request, Response } from 'express';
import type { Comment, CommentStatus } from '../../../domain/types.js';
import { ACTION_STATUS, MODE_LABELS, type ModerationAction as Action } from '../../../services/moderation-service.js';
import { normaliseForMatching } from '../../../services/word-filter.js';
import type { AdminContext } from '../../admin-context.js';
import { badRequest, notFound } from '../../http-error.js';
import { paginate } from '../../pagination.js';
import { pageNumber, parseId, queryString } from '../../params.js';
import { singleField } from '../../forms/single-field.js';

export const COMMENTS_PER_PAGE = 20;
export const WORD_MAX = 30;

const TEXT = {
  queueTitle: '评论管理',
  settingsTitle: '评论审核设置',
  statusLabels: { pending: '待审核', approved: '已通过', rejected: '已拒绝', spam: '垃圾评论' } as Record<CommentStatus, string>,
  actionLabels: { approve: '通过', reject: '拒绝', spam: '标为垃圾', delete: '删除' } as Record<Action, string>,
  done: {
    approve: (n: number) => `已通过 ${n} 条评论。`,
    reject: (n: number) => `已拒绝 ${n} 条评论。`,
    spam: (n: number) => `已将 ${n} 条评论标为垃圾评论。`,
    delete: (n: number) => `已删除 ${n} 条评论。`,
  } as Record<Action, (n: number) => string>,
  unchanged: '所选评论已经是这个状态，没有改动。',
  nothingSelected: '请先勾选要处理的评论。',
  unknownAction: '未知的评论操作。',
  unknownStatus: '评论状态只能是 pending、approved、rejected 或 spam。',
  badIds: '评论编号不正确。',
  commentGone: '这条评论不存在或已被删除。',
  noSuchPage: '没有这一页。',
  modeLabels: MODE_LABELS,
  modeInvalid: '请选择评论审核方式。',
  modeSaved: (label: string) => `评论审核方式已改为：${label}。`,
  modeUnchanged: '评论审核方式没有变化。',
  wordEmpty: '请填写敏感词。',
  wordOnlySymbols: '敏感词不能只由标点、符号或空格组成。',
  wordTooLong: `敏感词不能超过 ${WORD_MAX} 个字。`,
  wordExists: (word: string) => `“${word}”已在敏感词列表中。`,
  wordAdded: (word: string) => `已添加敏感词“${word}”。`,
  wordRemoved: (word: string) => `已删除敏感词“${word}”。`,
  wordGone: '这个敏感词不存在或已被删除。',
  fieldOnce: (name: string) => `字段 ${name} 只能提交一次。`,
};

const STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'rejected', 'spam'];
const ACTIONS: readonly Action[] = ['approve', 'reject', 'spam', 'delete'];
const ID = /^[1-9]\d{0,14}$/;

/** The ticked comment ids (a checkbox field that may repeat); malformed ids are a 400. */
function idList(body: unknown): number[] {
  const raw = (body as Record<string, unknown> | undefined)?.ids;
  if (raw === undefined) return [];
  const values: unknown[] = Array.isArray(raw) ? raw : [raw];
  return [
    ...new Set(
      values.map((value) => {
        if (typeof value !== 'string' || !ID.test(value)) throw badRequest(TEXT.badIds);
        return Number(value);
      }),
    ),
  ];
}

function actionOf(body: unknown): Action {
  const action = singleField(body, 'action');
  if (!(ACTIONS as readonly string[]).includes(action)) throw badRequest(TEXT.unknownAction);
  return action as Action;
}

/** ?status= of the queue: pending when absent, 400 when unknown. */
function statusOf(req: Request): CommentStatus {
  const raw = queryString(req, 'status');
  if (raw === undefined || raw === '') return 'pending';
  if (!(STATUSES as readonly string[]).includes(raw)) throw badRequest(TEXT.unknownStatus);
  return raw as CommentStatus;
}

function queueUrl(status: CommentStatus, page = 1): string {
  return `/admin/comments?status=${status}${page > 1 ? `&page=${page}` : ''}`;
}

export function commentsController({ repositories, moderation }: AdminContext) {
  const { comments, sensitiveWords } = repositories;

  async function renderQueue(res: Response, status: CommentStatus, page: number, error?: string) {
    const counts = await comments.countByStatus();
    const pagination = paginate(page, counts[status], COMMENTS_PER_PAGE, queueUrl(status));
    if (page > pagination.totalPages) throw notFound(TEXT.noSuchPage);
    const items = await comments.listByStatus(status, { limit: COMMENTS_PER_PAGE, offset: (page - 1) * COMMENTS_PER_PAGE });
    res.render('admin/comments/index', {
      title: TEXT.queueTitle,
      status,
      statuses: STATUSES,
      statusLabels: TEXT.statusLabels,
      actions: ACTIONS,
      actionLabels: TEXT.actionLabels,
      actionStatus: ACTION_STATUS,
      counts,
      comments: items,
      pagination,
      /** appended to every form action, so a post comes back to this tab and page */
      returnQuery: `?status=${status}${page > 1 ? `&page=${page}` : ''}`,
      error,
    });
  }

  /** Back to the tab and page the editor came from, or the last page if that one emptied. */
  async function backToQueue(req: Request, res: Response, status: CommentStatus, page: number, changed: Comment[], action: Action) {
    req.session.flash =
      changed.length > 0 ? { type: 'success', message: TEXT.done[action](changed.length) } : { type: 'info', message: TEXT.unchanged };
    const total = (await comments.countByStatus())[status];
    const lastPage = Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE));
    res.redirect(303, queueUrl(status, Math.min(page, lastPage)));
  }

  async function renderSettings(res: Response, form: { word?: string; errors?: { word?: string; commentModeration?: string } } = {}) {
    res.render('admin/comments/settings', {
      title: TEXT.settingsTitle,
      mode: res.locals.site.commentModeration,
      modeLabels: TEXT.modeLabels,
      words: await sensitiveWords.listEntries(),
      word: form.word ?? '',
      errors: form.errors ?? {},
      wordMax: WORD_MAX,
    });
  }

  return {
    async listComments(req: Request, res: Response) {
      await renderQueue(res, statusOf(req), pageNumber(req));
    },

    async bulkModerate(req: Request, res: Response) {
      const status = statusOf(req);
      const page = pageNumber(req);
      const action = actionOf(req.body);
      const ids = idList(req.body);
      if (ids.length === 0) {
        res.status(422);
        return renderQueue(res, status, page, TEXT.nothingSelected);
      }
      const changed = await moderation.decide(res.locals.currentUser!, action, ids);
      await backToQueue(req, res, status, page, changed, action);
    },

    async moderateComment(req: Request<{ id: string }>, res: Response) {
      const id = parseId(req.params.id);
      const status = statusOf(req);
      const page = pageNumber(req);
      const action = actionOf(req.body);
      if (!(await comments.findById(id))) throw notFound(TEXT.commentGone);
      const changed = await moderation.decide(res.locals.currentUser!, action, [id]);
      await backToQueue(req, res, status, page, changed, action);
    },

    async showSettings(_req: Request, res: Response) {
      await renderSettings(res);
    },

    async updateModeration(req: Request, res: Response) {
      const mode = singleField(req.body, 'commentModeration');
      if (mode !== 'auto' && mode !== 'review') {
        res.status(422);
        return renderSettings(res, { errors: { commentModeration: TEXT.modeInvalid } });
      }
      req.session.flash = (await moderation.setMode(res.locals.currentUser!, mode))
        ? { type: 'success', message: TEXT.modeSaved(TEXT.modeLabels[mode]) }
        : { type: 'info', message: TEXT.modeUnchanged };
      res.redirect(303, '/admin/comments/settings');
    },

    async addWord(req: Request, res: Response) {
      const input = singleField(req.body, 'word').trim();
      const word = normaliseForMatching(input);
      let error: string | undefined;
      if (input === '') error = TEXT.wordEmpty;
      else if (word === '') error = TEXT.wordOnlySymbols;
      else if (Array.from(word).length > WORD_MAX || input.length > WORD_MAX * 4) error = TEXT.wordTooLong;
      const id = error ? undefined : await moderation.addWord(res.locals.currentUser!, word);
      if (!error && id === undefined) error = TEXT.wordExists(word);
      if (error || id === undefined) {
        res.status(422);
        return renderSettings(res, { word: input, errors: { word: error } });
      }
      req.session.flash = { type: 'success', message: TEXT.wordAdded(word) };
      res.redirect(303, '/admin/comments/settings');
    },

    async removeWord(req: Request<{ id: string }>, res: Response) {
      const id = parseId(req.params.id);
      const word = await moderation.removeWord(res.locals.currentUser!, id);
      if (word === undefined) throw notFound(TEXT.wordGone);
      req.session.flash = { type: 'success', message: TEXT.wordRemoved(word) };
      res.redirect(303, '/admin/comments/settings');
    },
  };
}
