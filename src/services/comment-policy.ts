// Whether readers may comment on an article, and whether its comments are shown: the article's
// own choice, or its category's default.
import type { ArticleCommentPolicy, CommentPolicy } from '../domain/types.js';

export const COMMENT_POLICIES: readonly CommentPolicy[] = ['open', 'closed', 'hidden'];
export const ARTICLE_COMMENT_POLICIES: readonly ArticleCommentPolicy[] = ['category', ...COMMENT_POLICIES];

export function commentPolicyOf(
  article: { commentPolicy: ArticleCommentPolicy },
  category: { commentPolicy: CommentPolicy } | undefined,
): CommentPolicy {
  if (article.commentPolicy !== 'category') return article.commentPolicy;
  return category?.commentPolicy ?? 'open';
}
