// Parses and validates a reader submission (投稿): plain text only, like comments.
import { SITE_MESSAGES } from '../messages/site.js';
import { singleField } from './single-field.js';
import { cleanLine, cleanText, visibleLength } from './text-input.js';

export interface SubmissionFormValues {
  name: string;
  contact: string;
  title: string;
  body: string;
  captcha: string;
}

export type SubmissionFormErrors = Partial<Record<keyof SubmissionFormValues, string>>;

export const SUBMISSION_LIMITS = { name: 40, contact: 100, titleMin: 2, title: 100, bodyMin: 20, body: 10_000 } as const;

export function emptySubmissionForm(): Omit<SubmissionFormValues, 'captcha'> {
  return { name: '', contact: '', title: '', body: '' };
}

export function parseSubmissionForm(body: unknown): { values: SubmissionFormValues; errors: SubmissionFormErrors } {
  const fields = (body ?? {}) as Record<string, unknown>;
  const values: SubmissionFormValues = {
    name: cleanLine(singleField(fields, 'name')),
    contact: cleanLine(singleField(fields, 'contact')),
    title: cleanLine(singleField(fields, 'title')),
    body: cleanText(singleField(fields, 'body')),
    captcha: singleField(fields, 'captcha').trim(),
  };
  const L = SUBMISSION_LIMITS;
  const M = SITE_MESSAGES;
  const errors: SubmissionFormErrors = {};
  const length = (text: string) => visibleLength(text);
  if (length(values.name) === 0) errors.name = M.submitterNameMissing;
  else if (length(values.name) > L.name) errors.name = M.nameTooLong(L.name);
  if (length(values.contact) === 0) errors.contact = M.contactMissing;
  else if (length(values.contact) > L.contact) errors.contact = M.contactTooLong(L.contact);
  if (length(values.title) < L.titleMin) errors.title = M.submissionTitleTooShort(L.titleMin);
  else if (length(values.title) > L.title) errors.title = M.titleTooLong(L.title);
  const bodyLength = length(values.body);
  if (bodyLength < L.bodyMin) errors.body = M.submissionBodyTooShort(L.bodyMin);
  else if (bodyLength > L.body) errors.body = M.submissionBodyTooLong(L.body, bodyLength);
  if (values.captcha === '') errors.captcha = M.captchaEmpty;
  return { values, errors };
}
