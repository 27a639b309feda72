// Parses and validates a posted comment: nickname 1-20 characters, body 2-1000, plain text.
import { SITE_MESSAGES } from '../messages/site.js';
import { singleField } from './single-field.js';
import { cleanLine, cleanText, visibleLength } from './text-input.js';

export interface CommentFormValues {
  nickname: string;
  body: string;
  captcha: string;
}

export type CommentFormErrors = Partial<Record<keyof CommentFormValues, string>>;

export const NICKNAME_MAX = 20;
export const BODY_MIN = 2;
export const BODY_MAX = 1000;

export function parseCommentForm(body: unknown): { values: CommentFormValues; errors: CommentFormErrors } {
  const fields = (body ?? {}) as Record<string, unknown>;
  const values: CommentFormValues = {
    nickname: cleanLine(singleField(fields, 'nickname')),
    body: cleanText(singleField(fields, 'body')),
    captcha: singleField(fields, 'captcha').trim(),
  };
  const errors: CommentFormErrors = {};
  const nicknameLength = visibleLength(values.nickname);
  if (nicknameLength === 0) errors.nickname = SITE_MESSAGES.nicknameMissing;
  else if (nicknameLength > NICKNAME_MAX) errors.nickname = SITE_MESSAGES.nicknameTooLong(NICKNAME_MAX);
  const bodyLength = visibleLength(values.body);
  if (bodyLength < BODY_MIN) errors.body = SITE_MESSAGES.commentTooShort(BODY_MIN);
  else if (bodyLength > BODY_MAX) errors.body = SITE_MESSAGES.commentTooLong(BODY_MAX, bodyLength);
  if (values.captcha === '') errors.captcha = SITE_MESSAGES.captchaEmpty;
  return { values, errors };
}
