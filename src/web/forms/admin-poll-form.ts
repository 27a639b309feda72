// Parses and validates the poll (投票调查) form of the editors' area, and converts the
// datetime-local inputs from and to instants in the site's time zone (never the server's).
import type { Poll, PollOption } from '../../domain/types.js';
import type { PollChanges } from '../../repositories/poll-repository.js';
import { parseLocalInputValue, toLocalInputValue } from '../../services/site-time.js';
import { badRequest } from '../http-error.js';
import { POLLS_MESSAGES } from '../messages/polls.js';
import { singleField } from './single-field.js';
import { cleanLine, visibleLength } from './text-input.js';

export const QUESTION_MIN = 2;
export const QUESTION_MAX = 100;
export const OPTION_MAX = 40;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 10;

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
    if (match && !existingOptions?.some((o) => o.id === Number(match[1]))) throw badRequest(POLLS_MESSAGES.unknownOption);
  }
  const values: PollFormValues = {
    question: cleanLine(singleField(body, 'question')),
    choice: singleField(body, 'choice'),
    startsAt: singleField(body, 'startsAt').trim(),
    endsAt: singleField(body, 'endsAt').trim(),
    newOptions: singleField(body, existingOptions ? 'newOptions' : 'options').replace(/\r\n?/g, '\n'),
    existing: (existingOptions ?? []).map((o) => {
      const sent = fields[`option-${o.id}`] === undefined ? o.label : singleField(body, `option-${o.id}`);
      return { id: o.id, label: cleanLine(sent), votes: o.votes };
    }),
  };
  const errors: PollFormErrors = {};

  const questionLength = visibleLength(values.question);
  if (questionLength === 0) errors.question = POLLS_MESSAGES.questionMissing;
  else if (questionLength < QUESTION_MIN || questionLength > QUESTION_MAX)
    errors.question = POLLS_MESSAGES.questionLength(QUESTION_MIN, QUESTION_MAX);
  if (values.choice !== 'single' && values.choice !== 'multiple') errors.choice = POLLS_MESSAGES.choiceInvalid;

  let startsAt: number | undefined;
  if (values.startsAt === '') errors.startsAt = POLLS_MESSAGES.startMissing;
  else if ((startsAt = parseLocalInputValue(values.startsAt, timeZone)) === undefined) errors.startsAt = POLLS_MESSAGES.dateInvalid;
  let endsAt: number | null = null;
  if (values.endsAt !== '') {
    const parsed = parseLocalInputValue(values.endsAt, timeZone);
    if (parsed === undefined) errors.endsAt = POLLS_MESSAGES.dateInvalid;
    else if (startsAt !== undefined && parsed <= startsAt) errors.endsAt = POLLS_MESSAGES.endBeforeStart;
    else endsAt = parsed;
  }

  const options: { id?: number; label: string }[] = [];
  for (const option of values.existing) {
    if (option.label !== '') options.push({ id: option.id, label: option.label });
    else if (option.votes > 0)
      errors.options ??= POLLS_MESSAGES.optionHasVotes(existingOptions!.find((o) => o.id === option.id)!.label, option.votes);
  }
  for (const line of values.newOptions.split('\n')) {
    const label = cleanLine(line);
    if (label !== '') options.push({ label });
  }
  if (!errors.options) {
    const seen = new Set<string>();
    for (const { label } of options) {
      if (visibleLength(label) > OPTION_MAX) errors.options ??= POLLS_MESSAGES.optionTooLong(label, OPTION_MAX);
      else if (seen.has(label)) errors.options ??= POLLS_MESSAGES.optionDuplicate(label);
      seen.add(label);
    }
  }
  if (!errors.options && (options.length < OPTIONS_MIN || options.length > OPTIONS_MAX))
    errors.options = POLLS_MESSAGES.optionsCount(OPTIONS_MIN, OPTIONS_MAX);

  const poll =
    Object.keys(errors).length === 0
      ? { question: values.question, isMultiple: values.choice === 'multiple', startsAt: startsAt!, endsAt, options }
      : undefined;
  return { values, errors, poll };
}

/** upcoming before its start, closed from its end on, open in between. */
