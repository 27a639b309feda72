// A 专题's page (/topic/:slug): its intro and status, and the timeline of its visible articles.
import type { Request, Response } from 'express';
import { TOPIC_STATUS_NAMES } from '../../services/topic-status.js';
import { notFound } from '../http-error.js';
import { SITE_MESSAGES } from '../messages/site.js';
import type { SiteContext } from '../site-context.js';

/** a topic page lists at most this many articles (a long story keeps its newest) */
export const TOPIC_TIMELINE_MAX = 200;

export function topicController({ repositories, clock }: SiteContext) {
  return {
    async showTopic(req: Request<{ slug: string }>, res: Response) {
      const topic = await repositories.topics.findBySlug(req.params.slug);
      if (!topic) throw notFound(SITE_MESSAGES.topicNotFound);
      const articles = await repositories.topics.listVisibleArticles(topic.id, TOPIC_TIMELINE_MAX, clock());
      res.render('topics/show', {
        meta: {
          title: SITE_MESSAGES.topicTitle(topic.title),
          description: topic.intro || topic.title,
          path: `/topic/${encodeURIComponent(topic.slug)}`,
          image: topic.coverImage ?? undefined,
        },
        topic,
        articles,
        topicStatusNames: TOPIC_STATUS_NAMES,
      });
    },
  };
}
