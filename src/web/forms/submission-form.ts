// Parses and validates a reader submission (投稿): plain text only, like comments.
import { cleanBody, cleanNickname, visibleLength } from './comment-form.js';
import { singleField } from './single-field.js';

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
    name: cleanNickname(singleField(fields, 'name')),
    contact: cleanNickname(singleField(fields, 'contact')),
    title: cleanNickname(singleField(fields, 'title')),
    body: cleanBody(singleField(fields, 'body')),
    captcha: singleField(fields, 'captcha').trim(),
  };
  const L = SUBMISSION_LIMITS;
  const errors: SubmissionFormErrors = {};
  const length = (text: string) => visibleLength(text);
  if (length(values.name) === 0) errors.name = '请填写您的姓名或笔名。';
  else if (length(values.name) > L.name) errors.name = `姓名不能超过 ${L.name} 个字。`;
  if (length(values.contact) === 0) errors.contact = '请留下电话或电子邮箱，方便编辑联系您。';
  else if (length(values.contact) > L.contact) errors.contact = `联系方式不能超过 ${L.contact} 个字。`;
  if (length(values.title) < L.titleMin) errors.title = `标题至少 ${L.titleMin} 个字。`;
  else if (length(values.title) > L.title) errors.title = `标题不能超过 ${L.title} 个字。`;
  const bodyLength = length(values.body);
  if (bodyLength < L.bodyMin) errors.body = `正文至少 ${L.bodyMin} 个字。`;
  else if (bodyLength > L.body) errors.body = `正文不能超过 ${L.body} 个字（现在 ${bodyLength} 个）。`;
  if (values.captcha === '') errors.captcha = '请填写验证码。';
  return { values, errors };
}
