// The article page (the reference page): what its template needs, for a reader's visible
// article (the same page for every reader: cached, no session; the comment form comes in its
// own per-request frame) and for an editor's preview of any article (the same template with a
// 预览 banner, no comment form, not indexed).
import type { Response } from 'express';
import type { Article, CommentThread, Correction } from '../../domain/types.js';
import type { ArticlePageRead, ReadingLinks } from '../../repositories/article-page-repository.js';
import type { AdminArticle } from '../../repositories/article-repository.js';
import type { Repositories } from '../../repositories/index.js';
import { commentPolicyOf } from '../../services/comment-policy.js';
import { threadsOf } from '../../services/comment-threads.js';
import { bodyShowsCover } from '../../services/cover-image.js';
import { shareCodeFor } from '../../services/share-code.js';
import { TOPIC_STATUS_NAMES } from '../../services/topic-status.js';
import { cacheAsArticlePage } from '../page-cache/capture.js';
import { articlePageJsonLd } from '../json-ld.js';
import type { SiteContext } from '../site-context.js';

/** Floors per page of 查看所有评论 (oldest first, so floor n is on page ceil(n / this)). */
export const COMMENTS_PER_PAGE = 20;
/** How many of the newest floors the article page shows, and how many replies under each (the rest: 查看所有评论). */
export const LATEST_FLOORS = 5;
export const REPLIES_ON_ARTICLE_PAGE = 3;
/** What the article page reads: one reply more than it shows tells whether there are more. */
export const ARTICLE_PAGE_COMMENTS = { latestFloors: LATEST_FLOORS, repliesPerFloor: REPLIES_ON_ARTICLE_PAGE + 1 };

interface PageComments {
  threads: CommentThread[];
  commentCount: number;
}

/** What the template shows of an article, for readers and for previews alike. */
function articlePageLocals(
  res: Response,
  article: Article | AdminArticle,
  views: number,
  { threads, commentCount }: PageComments,
  reading: ReadingLinks,
) {
  const category = res.locals.chrome.categoryById.get(article.categoryId);
  const commentPolicy = commentPolicyOf(article, category);
  const url = `${res.locals.origin}/article/${article.id}`;
  return {
    meta: {
      title: article.title,
      description: article.summary,
      path: `/article/${article.id}`,
      type: 'article',
      image: article.coverImage ?? undefined,
    },
    article,
    category,
    views,
    // Not twice: the editor may hide it, and a body showing the same picture already has it.
    showCover: article.coverImage !== null && !article.hideCover && !bodyShowsCover(article.coverImage, article.bodyHtml),
    commentPolicy,
    threads: commentPolicy === 'hidden' ? [] : threads,
    commentCount,
    commentsPerPage: COMMENTS_PER_PAGE,
    reading,
    topicStatusNames: TOPIC_STATUS_NAMES,
    // 分享: the address, and its QR code for WeChat
    share: { url, code: shareCodeFor(url, reading.shareCode) },
  };
}

export function renderArticlePage({ viewCounter }: SiteContext, res: Response, page: ArticlePageRead, corrections: Correction[]): void {
  const { article } = page;
  const views = article.views + viewCounter.pendingArticleReads(article.id);
  const threads = threadsOf(page.latestFloors, page.replies, REPLIES_ON_ARTICLE_PAGE);
  const locals = articlePageLocals(res, article, views, { threads, commentCount: page.approvedComments }, page.reading);
  cacheAsArticlePage(res, article.id, { countsRead: true });
  const { origin } = res.locals;
  const author = page.reading.author;
  res.render('articles/show', {
    ...locals,
    corrections,
    jsonLd: articlePageJsonLd({
      article,
      category: locals.category,
      site: res.locals.site,
      origin,
      corrections,
      keywords: page.reading.tags.map((tag) => tag.name),
      authorUrl: author ? `${origin}/author/${author.id}` : undefined,
    }),
  });
}

/** 预览: any article (a draft, scheduled, in the trash) as readers would see it, for editors. */
export async function renderArticlePreview(repositories: Repositories, res: Response, article: AdminArticle): Promise<void> {
  const [floors, commentCount] = await Promise.all([
    repositories.comments.listFloors(article.id, { limit: LATEST_FLOORS, newestFirst: true }),
    repositories.comments.countApproved(article.id),
  ]);
  const replies = await repositories.comments.listReplies(
    floors.map((floor) => floor.id),
    ARTICLE_PAGE_COMMENTS.repliesPerFloor,
  );
  const threads = threadsOf(floors, replies, REPLIES_ON_ARTICLE_PAGE);
  // a preview shows the article's own tags; where it leads (neighbours, related, topics) is the published page's
  const reading: ReadingLinks = {
    tags: await repositories.tags.listForArticle(article.id),
    previous: null,
    next: null,
    related: [],
    topics: [],
    author: null,
    shareCode: null,
  };
  const locals = articlePageLocals(res, article, article.views, { threads, commentCount }, reading);
  const corrections = await repositories.corrections.listForArticle(article.id);
  res.render('articles/show', { ...locals, corrections, preview: { editUrl: `/admin/articles/${article.id}/edit` } });
}
