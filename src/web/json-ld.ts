// Structured data (schema.org JSON-LD) for article pages, and the one way to print it: the
// JSON is escaped so that nothing in it can end the <script type="application/ld+json">
// element or be read as HTML, whatever the titles and names contain.
import type { Article, Category, Correction, SiteSettings } from '../domain/types.js';

/** JSON that is safe to print raw inside <script type="application/ld+json">. */
export type EscapedJsonLd = string & { readonly __escapedJsonLd: true };

const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON.stringify, then <, >, & and U+2028/U+2029 as \u escapes: the same JSON to a parser,
 * but no "</script>", "<!--" or "]]>" can appear in the page source.
 */
export function serializeJsonLd(data: unknown): EscapedJsonLd {
  const json = JSON.stringify(data);
  if (json === undefined) throw new TypeError('JSON-LD data must be serializable');
  // These characters occur only inside JSON strings, where a \u escape means the same.
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) as EscapedJsonLd;
}

/** An absolute URL on the site for a path ('/images/x.jpg'); absolute URLs are kept. */
function absoluteUrl(origin: string, pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : origin + (pathOrUrl.startsWith('/') ? '' : '/') + pathOrUrl;
}

export interface ArticleJsonLdInput {
  article: Article;
  /** the category shown in the breadcrumb; absent when the page shows none */
  category: Category | undefined;
  site: Pick<SiteSettings, 'siteName'>;
  /** https://<site domain> */
  origin: string;
  /** its 更正/更新 notes, oldest first (schema.org CorrectionComment) */
  corrections?: readonly Correction[];
  /** its tags' names, in order (keywords) */
  keywords?: readonly string[];
  /** the byline's page (/author/:id), when it links to a staff record */
  authorUrl?: string;
}

/**
 * NewsArticle and the BreadcrumbList of the page's visible trail (site > category > article),
 * as one @graph.
 */
export function articleJsonLd({
  article,
  category,
  site,
  origin,
  corrections = [],
  keywords = [],
  authorUrl,
}: ArticleJsonLdInput): Record<string, unknown> {
  const url = `${origin}/article/${article.id}`;
  const publisher = { '@type': 'Organization', name: site.siteName, url: `${origin}/` };
  const trail: { name: string; url: string }[] = [{ name: site.siteName, url: `${origin}/` }];
  if (category) trail.push({ name: category.name, url: `${origin}/category/${encodeURIComponent(category.slug)}` });
  trail.push({ name: article.title, url });
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'NewsArticle',
        '@id': `${url}#article`,
        headline: article.title,
        ...(article.summary ? { description: article.summary } : {}),
        url,
        mainEntityOfPage: { '@type': 'WebPage', '@id': url },
        datePublished: new Date(article.publishedAt).toISOString(),
        // A scheduled article may have been saved before it went live; a correction modifies it.
        dateModified: new Date(Math.max(article.updatedAt, article.publishedAt, article.correctedAt ?? 0)).toISOString(),
        ...(corrections.length > 0
          ? {
              correction: corrections.map((note) => ({
                '@type': 'CorrectionComment',
                text: note.note,
                datePublished: new Date(note.createdAt).toISOString(),
              })),
            }
          : {}),
        author: article.author ? { '@type': 'Person', name: article.author, ...(authorUrl ? { url: authorUrl } : {}) } : publisher,
        ...(keywords.length > 0 ? { keywords: keywords.join(',') } : {}),
        publisher,
        ...(article.coverImage ? { image: [absoluteUrl(origin, article.coverImage)] } : {}),
        ...(category ? { articleSection: category.name } : {}),
        // 转载: the original it is based on
        ...(article.reprint
          ? {
              isBasedOn: {
                '@type': 'NewsArticle',
                ...(article.reprint.originalTitle ? { headline: article.reprint.originalTitle } : {}),
                ...(article.reprint.originalAuthor ? { author: { '@type': 'Person', name: article.reprint.originalAuthor } } : {}),
                ...(article.reprint.originalUrl ? { url: article.reprint.originalUrl } : {}),
                publisher: { '@type': 'Organization', name: article.source },
              },
            }
          : {}),
        inLanguage: 'zh-CN',
      },
      {
        '@type': 'BreadcrumbList',
        itemListElement: trail.map((crumb, index) => ({
          '@type': 'ListItem',
          position: index + 1,
          name: crumb.name,
          item: crumb.url,
        })),
      },
    ],
  };
}

/** The escaped JSON-LD of an article page, for views/partials/_json-ld.ejs. */
export function articlePageJsonLd(input: ArticleJsonLdInput): EscapedJsonLd {
  return serializeJsonLd(articleJsonLd(input));
}
