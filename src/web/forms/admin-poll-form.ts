// Parses and validates the poll (投票调查) form of the editors' area, and converts the
// datetime-local inputs from and to instants in the site's time zone (never the server's).
import type { Poll, PollOption } from '../../domain/types.js';
import type { PollChanges } from '../../repositories/poll-repository.js';
import { parseLocalInputValue, toLocalInputValue } from '../../services/site-time.js';
import { badRequest } from '../http-error.js';
import { cleanNickname, visibleLength } from './comment-form.js';
import { singleField } from './single-field.js';

export const QUESTION_MIN = 2;
export const QUESTION_MAX = 100;
export const OPTION_MAX = 40;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 10;

export const POLL_TEXTS = {
  questionMissing: '请填写调查问题。',
  questionLength: `调查问题须为 ${QUESTION_MIN}-${QUESTION_MAX} 个字。`,
  choiceInvalid: '请选择单选或多选。',
  startMissing: '请填写开始时间。',
  dateInvalid: '时间格式不正确，请按“年-月-日 时:分”填写。',
  endBeforeStart: '结束时间必须晚于开始时间。',
  optionsCount: `选项须为 ${OPTIONS_MIN}-${OPTIONS_MAX} 个（每行一个，空行不算）。`,
  optionTooLong: (label: string) => `选项“${label.slice(0, 10)}…”超过 ${OPTION_MAX} 个字。`,
  optionDuplicate: (label: string) => `选项“${label}”重复了。`,
  optionHasVotes: (label: string, votes: number) =>
    `选项“${label}”已有 ${votes} 票，不能删除。可以修改它的文字，或结束这项调查后另建一项。`,
  unknownOption: '提交的选项不属于这项调查，请刷新页面后重试。',
} as const;

// ---- the form ----

export interface PollFormValues {
  question: string;
  choice: string;
  startsAt: string;
  endsAt: string;
  /** create: all options, one a line; edit: the options to add, one a line */
  newOptions: string;
  /** edit: the labels of the existing options by id, as typed (blank removes) */
  existing: { id: number; label: string; votes: number }[];
}

export type PollFormErrors = Partial<Record<'question' | 'choice' | 'startsAt' | 'endsAt' | 'options', string>>;

export function pollFormValues(poll: Poll | undefined, now: number, timeZone: string): PollFormValues {
  if (!poll) {
    return { question: '', choice: 'single', startsAt: toLocalInputValue(now, timeZone), endsAt: '', newOptions: '', existing: [] };
  }
  return {
    question: poll.question,
    choice: poll.isMultiple ? 'multiple' : 'single',
    startsAt: toLocalInputValue(poll.startsAt, timeZone),
    endsAt: poll.endsAt === null ? '' : toLocalInputValue(poll.endsAt, timeZone),
    newOptions: '',
    existing: poll.options.map((o) => ({ id: o.id, label: o.label, votes: o.votes })),
  };
}

/**
 * A new poll sends its options as one textarea `options`; an edit sends each existing option
 * as `option-<id>` (blank removes it; absent leaves it as is) and additions as `newOptions`.
 */
export function parsePollForm(
  body: unknown,
  timeZone: string,
  existingOptions?: PollOption[],
): { values: PollFormValues; errors: PollFormErrors; poll: PollChanges | undefined } {
  const fields = (body ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(fields)) {
    const match = /^option-(\d{1,15})$/.exec(name);
    if (match && !existingOptions?.some((o) => o.id === Number(match[1]))) throw badRequest(POLL_TEXTS.unknownOption);
  }
  const values: PollFormValues = {
    question: cleanNickname(singleField(body, 'question')),
    choice: singleField(body, 'choice'),
    startsAt: singleField(body, 'startsAt').trim(),
    endsAt: singleField(body, 'endsAt').trim(),
    newOptions: singleField(body, existingOptions ? 'newOptions' : 'options').replace(/\r\n?/g, '\n'),
    existing: (existingOptions ?? []).map((o) => {
      const sent = fields[`option-${o.id}`] === undefined ? o.label : singleField(body, `option-${o.id}`);
      return { id: o.id, label: cleanNickname(sent), votes: o.votes };
    }),
  };
  const errors: PollFormErrors = {};

  const questionLength = visibleLength(values.question);
  if (questionLength === 0) errors.question = POLL_TEXTS.questionMissing;
  else if (questionLength < QUESTION_MIN || questionLength > QUESTION_MAX) errors.question = POLL_TEXTS.questionLength;
  if (values.choice !== 'single' && values.choice !== 'multiple') errors.choice = POLL_TEXTS.choiceInvalid;

  let startsAt: number | undefined;
  if (values.startsAt === '') errors.startsAt = POLL_TEXTS.startMissing;
  else if ((startsAt = parseLocalInputValue(values.startsAt, timeZone)) === undefined) errors.startsAt = POLL_TEXTS.dateInvalid;
  let endsAt: number | null = null;
  if (values.endsAt !== '') {
    const parsed = parseLocalInputValue(values.endsAt, timeZone);
    if (parsed === undefined) errors.endsAt = POLL_TEXTS.dateInvalid;
    else if (startsAt !== undefined && parsed <= startsAt) errors.endsAt = POLL_TEXTS.endBeforeStart;
    else endsAt = parsed;
  }

  const options: { id?: number; label: string }[] = [];
  for (const option of values.existing) {
    if (option.label !== '') options.push({ id: option.id, label: option.label });
    else if (option.votes > 0)
      errors.options ??= POLL_TEXTS.optionHasVotes(existingOptions!.find((o) => o.id === option.id)!.label, option.votes);
  }
  for (const line of values.newOptions.split('\n')) {
    const label = cleanNickname(line);
    if (label !== '') options.push({ label });
  }
  if (!errors.options) {
    const seen = new Set<string>();
    for (const { label } of options) {
      if (visibleLength(label) > OPTION_MAX) errors.options ??= POLL_TEXTS.optionTooLong(label);
      else if (seen.has(label)) errors.options ??= POLL_TEXTS.optionDuplicate(label);
      seen.add(label);
    }
  }
  if (!errors.options && (options.length < OPTIONS_MIN || options.length > OPTIONS_MAX)) errors.options = POLL_TEXTS.optionsCount;

  const poll =
    Object.keys(errors).length === 0
      ? { question: values.question, isMultiple: values.choice === 'multiple', startsAt: startsAt!, endsAt, options }
      : undefined;
  return { values, errors, poll };
}

/** upcoming before its start, closed from its end on, open in between. */
