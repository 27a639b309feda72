// Parses the 专题 form: title, address (slug), intro, cover, status, and its articles as ids
// (one per line or separated by commas, in the order they are shown). Values come back with a
// 422 as typed.
import type { Topic, TopicStatus } from '../../domain/types.js';
import { TOPIC_STATUSES } from '../../services/topic-status.js';
import { TOPICS_MESSAGES as M } from '../messages/topics.js';
import { singleField } from './single-field.js';
import { cleanLine, cleanText, visibleLength } from './text-input.js';
import type { NewTopic } from '../../repositories/topic-repository.js';

export const TOPIC_TITLE_MAX = 60;
export const TOPIC_INTRO_MAX = 500;
export const TOPIC_ARTICLES_MAX = 200;
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** a picture of this site (an upload or a bundled image), never another site's */
const SITE_IMAGE = /^\/(?:uploads|images)\/[\w./-]{1,200}$/;
const ID = /^[1-9]\d{0,14}$/;

export interface TopicFormValues {
  title: string;
  slug: string;
  intro: string;
  coverImage: string;
  status: string;
  articleIds: string;
}

export type TopicFormErrors = Partial<Record<keyof TopicFormValues, string>>;

export function topicFormValues(topic: Topic, articleIds: readonly number[]): TopicFormValues {
  return {
    title: topic.title,
    slug: topic.slug,
    intro: topic.intro,
    coverImage: topic.coverImage ?? '',
    status: topic.status,
    articleIds: articleIds.join('\n'),
  };
}

/** The article ids typed in the form's list (one per line, or separated by commas or 、), as typed. */
export function articleIdParts(text: string): string[] {
  return text.split(/[\s,，、]+/).filter((part) => part !== '');
}

/** The ids of that list that are well formed, each once, in order. */
export function articleIdsIn(text: string): number[] {
  return [
    ...new Set(
      articleIdParts(text)
        .filter((part) => ID.test(part))
        .map(Number),
    ),
  ];
}

export function parseTopicForm(body: unknown): {
  values: TopicFormValues;
  errors: TopicFormErrors;
  topic?: NewTopic;
  articleIds?: number[];
} {
  const values: TopicFormValues = {
    title: cleanLine(singleField(body, 'title')),
    slug: cleanLine(singleField(body, 'slug')),
    intro: cleanText(singleField(body, 'intro')),
    coverImage: cleanLine(singleField(body, 'coverImage')),
    status: singleField(body, 'status') || 'none',
    articleIds: cleanText(singleField(body, 'articleIds')),
  };
  const errors: TopicFormErrors = {};
  if (values.title === '') errors.title = M.titleMissing;
  else if (visibleLength(values.title) > TOPIC_TITLE_MAX) errors.title = M.titleTooLong(TOPIC_TITLE_MAX);
  if (!SLUG.test(values.slug)) errors.slug = M.slugInvalid;
  if (visibleLength(values.intro) > TOPIC_INTRO_MAX) errors.intro = M.introTooLong(TOPIC_INTRO_MAX);
  if (values.coverImage !== '' && (!SITE_IMAGE.test(values.coverImage) || values.coverImage.includes('..'))) {
    errors.coverImage = M.coverInvalid;
  }
  const status = TOPIC_STATUSES.find((known) => known === values.status) as TopicStatus | undefined;
  if (!status) errors.status = M.statusInvalid;
  const parts = articleIdParts(values.articleIds);
  const articleIds = articleIdsIn(values.articleIds);
  if (parts.some((part) => !ID.test(part))) errors.articleIds = M.articleIdsInvalid;
  else if (articleIds.length > TOPIC_ARTICLES_MAX) errors.articleIds = M.tooManyArticles(TOPIC_ARTICLES_MAX);
  if (Object.keys(errors).length > 0 || !status) return { values, errors };
  return {
    values,
    errors,
    topic: { title: values.title, slug: values.slug, intro: values.intro, coverImage: values.coverImage || null, status },
    articleIds,
  };
}
