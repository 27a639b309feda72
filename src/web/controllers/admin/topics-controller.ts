// 专题 in the editors' area: the list, create and edit (with the articles in order), delete.
import type { Request, Response } from 'express';
import type { Topic } from '../../../domain/types.js';
import type { TopicSaveOutcome } from '../../../services/topic-service.js';
import { TOPIC_STATUS_NAMES, TOPIC_STATUSES } from '../../../services/topic-status.js';
import type { AdminContext } from '../../admin-context.js';
import {
  articleIdsIn,
  parseTopicForm,
  TOPIC_ARTICLES_MAX,
  topicFormValues,
  type TopicFormErrors,
  type TopicFormValues,
} from '../../forms/admin-topic-form.js';
import { notFound } from '../../http-error.js';
import { TOPICS_MESSAGES as M } from '../../messages/topics.js';
import { parseId } from '../../params.js';

const EMPTY: TopicFormValues = { title: '', slug: '', intro: '', coverImage: '', status: 'none', articleIds: '' };

export function topicsController({ repositories, topicService }: AdminContext) {
  async function findOr404(raw: string | undefined): Promise<Topic> {
    const topic = await repositories.topics.findById(parseId(raw));
    if (!topic) throw notFound(M.notFound);
    return topic;
  }

  /** The form, with the titles of the articles it lists (unknown ids are left out). */
  async function renderForm(res: Response, topic: Topic | undefined, values: TopicFormValues, errors: TopicFormErrors = {}, status = 200) {
    const listed = [];
    for (const id of articleIdsIn(values.articleIds).slice(0, TOPIC_ARTICLES_MAX)) {
      const article = await repositories.articles.findById(id);
      if (article) listed.push(article);
    }
    res.status(status).render('admin/topics/form', {
      title: topic ? M.editTitle(topic.title) : M.newTitle,
      topic,
      values,
      errors,
      articles: listed,
      statuses: TOPIC_STATUSES,
      topicStatusNames: TOPIC_STATUS_NAMES,
    });
  }

  /** A save that did not go through: the form again with why (422), or 404. */
  async function refused(
    res: Response,
    topic: Topic | undefined,
    values: TopicFormValues,
    outcome: Exclude<TopicSaveOutcome, { kind: 'saved' }>,
  ) {
    if (outcome.kind === 'not-found') throw notFound(M.notFound);
    const errors: TopicFormErrors = outcome.kind === 'slug-taken' ? { slug: M.slugTaken } : { articleIds: M.unknownArticles(outcome.ids) };
    await renderForm(res, topic, values, errors, 422);
  }

  return {
    async listTopics(_req: Request, res: Response) {
      res.render('admin/topics/index', {
        title: M.listTitle,
        topics: await repositories.topics.listAll(),
        topicStatusNames: TOPIC_STATUS_NAMES,
      });
    },

    async showNewTopic(_req: Request, res: Response) {
      await renderForm(res, undefined, EMPTY);
    },

    async createTopic(req: Request, res: Response) {
      const { values, errors, topic, articleIds } = parseTopicForm(req.body);
      if (!topic || !articleIds) return renderForm(res, undefined, values, errors, 422);
      const outcome = await topicService.create(res.locals.currentUser!, topic, articleIds);
      if (outcome.kind !== 'saved') return refused(res, undefined, values, outcome);
      req.session.flash = { type: 'success', message: M.created(topic.title) };
      res.redirect(303, `/admin/topics/${outcome.id}/edit`);
    },

    async showEditTopic(req: Request<{ id: string }>, res: Response) {
      const topic = await findOr404(req.params.id);
      await renderForm(res, topic, topicFormValues(topic, await repositories.topics.listArticleIds(topic.id)));
    },

    async updateTopic(req: Request<{ id: string }>, res: Response) {
      const existing = await findOr404(req.params.id);
      const { values, errors, topic, articleIds } = parseTopicForm(req.body);
      if (!topic || !articleIds) return renderForm(res, existing, values, errors, 422);
      const outcome = await topicService.update(res.locals.currentUser!, existing.id, topic, articleIds);
      if (outcome.kind !== 'saved') return refused(res, existing, values, outcome);
      req.session.flash = { type: 'success', message: M.updated(topic.title) };
      res.redirect(303, `/admin/topics/${existing.id}/edit`);
    },

    async deleteTopic(req: Request<{ id: string }>, res: Response) {
      const topic = await findOr404(req.params.id);
      if ((await topicService.delete(res.locals.currentUser!, topic.id)) === 'not-found') throw notFound(M.notFound);
      req.session.flash = { type: 'success', message: M.deleted(topic.title) };
      res.redirect(303, '/admin/topics');
    },
  };
}
