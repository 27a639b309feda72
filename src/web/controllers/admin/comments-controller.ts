// The comment queue (/admin/comments): tabs by status, bulk and per-row moderation, and the
// moderation settings (publish-at-once or review-first, the sensitive-word list). The requests
// are parsed by forms/admin-moderation-form.ts; the actions are the moderation service's.
import type { Request, Response } from 'express';
import type { Comment, CommentStatus } from '../../../domain/types.js';
import { ACTION_STATUS, MODE_LABELS, type ModerationAction as Action } from '../../../services/moderation-service.js';
import type { AdminContext } from '../../admin-context.js';
import {
  COMMENT_STATUSES,
  MODERATION_ACTIONS,
  parseBulkModeration,
  parseModeForm,
  parseQueueView,
  parseRowModeration,
  parseWordForm,
  WORD_MAX,
} from '../../forms/admin-moderation-form.js';
import { notFound } from '../../http-error.js';
import { COMMENTS_MESSAGES } from '../../messages/comments.js';
import { SITE_MESSAGES } from '../../messages/site.js';
import { paginate } from '../../pagination.js';
import { parseId } from '../../params.js';

export const COMMENTS_PER_PAGE = 20;

function queueUrl(status: CommentStatus, page = 1): string {
  return `/admin/comments?status=${status}${page > 1 ? `&page=${page}` : ''}`;
}

export function commentsController({ repositories, moderation, clock }: AdminContext) {
  const { comments, sensitiveWords } = repositories;

  async function renderQueue(res: Response, status: CommentStatus, page: number, error?: string) {
    const counts = await comments.countByStatus();
    const pagination = paginate(page, counts[status], COMMENTS_PER_PAGE, queueUrl(status));
    if (page > pagination.totalPages) throw notFound(SITE_MESSAGES.noSuchPage);
    // What waits for review comes longest-waiting first, with how long it has waited.
    const waiting = status === 'pending';
    const now = clock();
    const items = (await comments.listByStatus(status, { ...pagination.slice, oldestFirst: waiting })).map((comment) => ({
      ...comment,
      waited: waiting ? COMMENTS_MESSAGES.waited(Math.floor((now - comment.createdAt) / 60_000)) : null,
    }));
    res.render('admin/comments/index', {
      title: COMMENTS_MESSAGES.queueTitle,
      status,
      statuses: COMMENT_STATUSES,
      statusLabels: COMMENTS_MESSAGES.statusLabels,
      actions: MODERATION_ACTIONS,
      actionLabels: COMMENTS_MESSAGES.actionLabels,
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
      changed.length > 0
        ? { type: 'success', message: COMMENTS_MESSAGES.done[action](changed.length) }
        : { type: 'info', message: COMMENTS_MESSAGES.unchanged };
    const total = (await comments.countByStatus())[status];
    const lastPage = Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE));
    res.redirect(303, queueUrl(status, Math.min(page, lastPage)));
  }

  async function renderSettings(res: Response, form: { word?: string; errors?: { word?: string; commentModeration?: string } } = {}) {
    res.render('admin/comments/settings', {
      title: COMMENTS_MESSAGES.settingsTitle,
      mode: res.locals.site.commentModeration,
      modeLabels: MODE_LABELS,
      words: await sensitiveWords.listEntries(),
      word: form.word ?? '',
      errors: form.errors ?? {},
      wordMax: WORD_MAX,
    });
  }

  return {
    async listComments(req: Request, res: Response) {
      const { status, page } = parseQueueView(req);
      await renderQueue(res, status, page);
    },

    async bulkModerate(req: Request, res: Response) {
      const { status, page, action, ids } = parseBulkModeration(req);
      if (ids.length === 0) {
        res.status(422);
        return renderQueue(res, status, page, COMMENTS_MESSAGES.nothingSelected);
      }
      const changed = await moderation.decide(res.locals.currentUser!, action, ids);
      await backToQueue(req, res, status, page, changed, action);
    },

    async moderateComment(req: Request<{ id: string }>, res: Response) {
      const { status, page, action, id } = parseRowModeration(req);
      if (!(await comments.findById(id))) throw notFound(COMMENTS_MESSAGES.commentGone);
      const changed = await moderation.decide(res.locals.currentUser!, action, [id]);
      await backToQueue(req, res, status, page, changed, action);
    },

    async showSettings(_req: Request, res: Response) {
      await renderSettings(res);
    },

    async updateModeration(req: Request, res: Response) {
      const { mode, error } = parseModeForm(req.body);
      if (mode === undefined) {
        res.status(422);
        return renderSettings(res, { errors: { commentModeration: error } });
      }
      req.session.flash = (await moderation.setMode(res.locals.currentUser!, mode))
        ? { type: 'success', message: COMMENTS_MESSAGES.modeSaved(MODE_LABELS[mode]) }
        : { type: 'info', message: COMMENTS_MESSAGES.modeUnchanged };
      res.redirect(303, '/admin/comments/settings');
    },

    async addWord(req: Request, res: Response) {
      const { input, word, error } = parseWordForm(req.body);
      const id = error ? undefined : await moderation.addWord(res.locals.currentUser!, word);
      if (error || id === undefined) {
        res.status(422);
        return renderSettings(res, { word: input, errors: { word: error ?? COMMENTS_MESSAGES.wordExists(word) } });
      }
      req.session.flash = { type: 'success', message: COMMENTS_MESSAGES.wordAdded(word) };
      res.redirect(303, '/admin/comments/settings');
    },

    async removeWord(req: Request<{ id: string }>, res: Response) {
      const id = parseId(req.params.id);
      const word = await moderation.removeWord(res.locals.currentUser!, id);
      if (word === undefined) throw notFound(COMMENTS_MESSAGES.wordGone);
      req.session.flash = { type: 'success', message: COMMENTS_MESSAGES.wordRemoved(word) };
      res.redirect(303, '/admin/comments/settings');
    },
  };
}
