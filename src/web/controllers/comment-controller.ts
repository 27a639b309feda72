// Comments: the per-reader comment form (framed by the cached article page, and as a page of its
// own, which is also the 回复 page of a floor: ?reply=<comment id>), posting a comment or a reply
// (POST /article/:id/comments with parentId; post/redirect/get whether it succeeds or fails) and
// 查看所有评论, the article's floors with their replies, paginated, oldest or newest first.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { parseCommentForm } from '../forms/comment-form.js';
import { badRequest, forbidden, notFound } from '../http-error.js';
import { paginate } from '../pagination.js';
import { pageNumber, parseId, queryString } from '../params.js';
import { csrfToken } from '../middleware/csrf.js';
import { cacheAsArticlePage } from '../page-cache/capture.js';
import { CAPTCHA_VERDICT_MESSAGES, SITE_MESSAGES } from '../messages/site.js';
import type { CommentDraft, CommentFormState } from '../session-data.js';
import type { Article, Comment, CommentPolicy } from '../../domain/types.js';
import { commentPolicyOf } from '../../services/comment-policy.js';
import type { SubmitOutcome } from '../../services/comment-service.js';
import { type ReplyRefusal, replyRefusal, threadsOf } from '../../services/comment-threads.js';
import { COMMENTS_PER_PAGE } from './article-page.js';

/** Why the service refused a valid comment, as the reader is told. */
const REFUSALS: Record<Exclude<SubmitOutcome['kind'], 'created' | 'reply-refused'>, string> = {
  duplicate: SITE_MESSAGES.commentDuplicate,
  'too-soon': SITE_MESSAGES.commentTooSoon,
  'hourly-cap': SITE_MESSAGES.commentHourlyCap,
};

/** A reply to a comment that is not there or not shown: 404; to a reply or another article's comment: 400. */
function replyError(refusal: ReplyRefusal) {
  if (refusal === 'is-reply') return badRequest(SITE_MESSAGES.replyToReply);
  if (refusal === 'other-article') return badRequest(SITE_MESSAGES.replyOtherArticle);
  return notFound(SITE_MESSAGES.replyParentGone);
}

/** Replies shown under each floor on 查看所有评论 (a bound on one page's size). */
export const REPLIES_PER_FLOOR = 100;

/**
 * Where a post that failed sends the reader (post/redirect/get): a page of their own with the
 * form at the top, the reason in a summary that takes the focus, and what they typed. (Not an
 * anchor on the cached article page: a URL fragment keeps the browser from focusing anything.)
 * With a parent, the same page replies to that floor.
 */
export const newCommentPath = (articleId: number, parentId: number | null = null): string =>
  `/article/${articleId}/comments/new${parentId === null ? '' : `?reply=${parentId}`}`;

const PARENT_ID = /^[1-9]\d{0,14}$/;

/** The comment replied to, as posted (a form field or ?reply=): absent or empty means none; anything but an id is 400. */
function parentIdOf(raw: unknown): number | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !PARENT_ID.test(raw)) throw badRequest(SITE_MESSAGES.replyParentInvalid);
  return Number(raw);
}

export function commentController(context: SiteContext) {
  const { repositories, clock, captchas, commentService } = context;

  async function findArticle(raw: string | undefined): Promise<Article> {
    const article = await repositories.articles.findVisibleById(parseId(raw), clock());
    if (!article) throw notFound(SITE_MESSAGES.articleNotFound);
    return article;
  }

  /** The floor a reply answers, checked as the service will check it again when it is posted. */
  async function findParent(article: Article, parentId: number | null): Promise<Comment | undefined> {
    if (parentId === null) return undefined;
    const parent = await repositories.comments.findById(parentId);
    const refusal = replyRefusal(parent, article.id);
    if (refusal) throw replyError(refusal);
    return parent;
  }

  function policyOf(res: Response, article: Article): CommentPolicy {
    return commentPolicyOf(article, res.locals.chrome.categoryById.get(article.categoryId));
  }

  /** Comments closed: the form pages say so (403), in place of the form. */
  function renderClosed(res: Response, view: 'comments/form-frame' | 'comments/new', locals: Record<string, unknown>) {
    res.status(403).render(view, { ...locals, commentPolicy: 'closed' });
  }

  /**
   * This reader's form for the article: their kept text (after a post that failed) or their
   * last nickname. With `reasons`, why the post failed, shown once: the text stays until the
   * comment is posted, so a reload keeps it.
   */
  function readersForm(req: Request, articleId: number, parentId: number | null, { reasons }: { reasons: boolean }): CommentFormState {
    const kept = req.session.commentDraft;
    const draft = kept?.articleId === articleId && (kept.parentId ?? null) === parentId ? kept : undefined;
    if (!draft) return { values: { nickname: req.session.commentNickname ?? '', body: '' }, errors: {} };
    if (!reasons) return { values: draft.values, errors: {} };
    if (draft.notice || Object.keys(draft.errors).length > 0)
      req.session.commentDraft = { articleId, parentId, values: draft.values, errors: {} };
    return draft;
  }

  function takeFlash(req: Request) {
    const flash = req.session.flash;
    if (flash) delete req.session.flash;
    return flash;
  }

  function failed(req: Request, res: Response, draft: CommentDraft) {
    req.session.commentDraft = draft;
    res.redirect(303, newCommentPath(draft.articleId, draft.parentId));
  }

  return {
    /** The form for one reader (token, captcha, their flash), framed by the cached article page. */
    async showCommentForm(req: Request<{ id: string }>, res: Response) {
      const article = await findArticle(req.params.id);
      res.set('Cache-Control', 'no-store');
      if (policyOf(res, article) !== 'open') return renderClosed(res, 'comments/form-frame', { article });
      res.render('comments/form-frame', {
        article,
        commentForm: readersForm(req, article.id, null, { reasons: false }),
        csrfToken: csrfToken(req),
        flash: takeFlash(req),
      });
    },

    /**
     * 发表评论 as a page of its own: where a post that failed lands, and a plain form for anyone;
     * with ?reply=<id>, the 回复 page of that floor, quoting it.
     */
    async newComment(req: Request<{ id: string }>, res: Response) {
      const parentId = parentIdOf(queryString(req, 'reply'));
      const article = await findArticle(req.params.id);
      const parent = await findParent(article, parentId);
      res.set('Cache-Control', 'no-store');
      const meta = {
        title: parent ? SITE_MESSAGES.newReplyTitle(parent.floor, article.title) : SITE_MESSAGES.newCommentTitle(article.title),
        description: article.summary,
        path: newCommentPath(article.id, parentId),
      };
      const category = res.locals.chrome.categoryById.get(article.categoryId);
      if (policyOf(res, article) !== 'open') return renderClosed(res, 'comments/new', { meta, article, category, parent, noindex: true });
      res.render('comments/new', {
        meta,
        article,
        category,
        parent,
        commentForm: readersForm(req, article.id, parentId, { reasons: true }),
        csrfToken: csrfToken(req),
        noindex: true,
      });
    },

    async createComment(req: Request<{ id: string }>, res: Response) {
      const article = await findArticle(req.params.id);
      if (policyOf(res, article) !== 'open') throw forbidden(SITE_MESSAGES.commentsClosed);
      const parentId = parentIdOf((req.body as Record<string, unknown> | undefined)?.parentId);
      await findParent(article, parentId);
      const { values, errors } = parseCommentForm(req.body);
      // Every attempt uses up the captcha, right or wrong, so an answer cannot be tried twice.
      const verdict = await captchas.verify(req.sessionID, 'comment', values.captcha);
      if (verdict !== 'correct' && !errors.captcha) errors.captcha = CAPTCHA_VERDICT_MESSAGES[verdict];
      const kept = { articleId: article.id, parentId, values: { nickname: values.nickname, body: values.body } };
      if (Object.keys(errors).length > 0) return failed(req, res, { ...kept, errors });
      const outcome = await commentService.submit({
        articleId: article.id,
        parentId,
        nickname: values.nickname,
        body: values.body,
        ip: req.ip ?? '',
        moderation: res.locals.site.commentModeration,
      });
      if (outcome.kind === 'reply-refused') throw replyError(outcome.refusal);
      if (outcome.kind !== 'created') return failed(req, res, { ...kept, errors: {}, notice: REFUSALS[outcome.kind] });
      delete req.session.commentDraft;
      req.session.commentNickname = values.nickname;
      const published = outcome.status === 'approved';
      const message =
        parentId === null
          ? published
            ? SITE_MESSAGES.commentPublished
            : SITE_MESSAGES.commentAwaitsReview
          : published
            ? SITE_MESSAGES.replyPublished
            : SITE_MESSAGES.replyAwaitsReview;
      req.session.flash = {
        type: outcome.status === 'approved' ? 'success' : 'info',
        message: `${message}${SITE_MESSAGES.appealCodeGiven(outcome.appealCode)}`,
      };
      res.redirect(303, `/article/${article.id}#comments`);
    },

    async listComments(req: Request<{ id: string }>, res: Response) {
      const page = pageNumber(req);
      const order = queryString(req, 'order') ?? 'oldest';
      if (order !== 'oldest' && order !== 'newest') throw badRequest(SITE_MESSAGES.commentOrderInvalid);
      const article = await findArticle(req.params.id);
      cacheAsArticlePage(res, article.id, { countsRead: false });
      const commentPolicy = policyOf(res, article);
      const shown = commentPolicy !== 'hidden';
      const floorCount = shown ? await repositories.comments.countFloors(article.id) : 0;
      const basePath = `/article/${article.id}/comments${order === 'newest' ? '?order=newest' : ''}`;
      const pagination = paginate(page, floorCount, COMMENTS_PER_PAGE, basePath);
      if (page > pagination.totalPages) throw notFound(SITE_MESSAGES.noSuchPage);
      const floors = shown
        ? await repositories.comments.listFloors(article.id, { ...pagination.slice, newestFirst: order === 'newest' })
        : [];
      const replies = await repositories.comments.listReplies(
        floors.map((floor) => floor.id),
        REPLIES_PER_FLOOR + 1,
      );
      res.render('comments/index', {
        meta: { title: SITE_MESSAGES.commentsTitle(article.title), description: article.summary, path: `/article/${article.id}/comments` },
        article,
        category: res.locals.chrome.categoryById.get(article.categoryId),
        threads: threadsOf(floors, replies, REPLIES_PER_FLOOR),
        commentCount: shown ? await repositories.comments.countApproved(article.id) : 0,
        commentPolicy,
        order,
        pagination,
      });
    },
  };
}
