// Parses and validates a posted comment: nickname 1-20 characters, body 2-1000, plain text.
import { singleField } from './single-field.js';

export interface CommentFormValues {
  nickname: string;
  body: string;
  captcha: string;
}

export type CommentFormErrors = Partial<Record<keyof CommentFormValues, string>>;

export const NICKNAME_MAX = 20;
export const BODY_MIN = 2;
export const BODY_MAX = 1000;

// C0/C1 controls and the bidirectional overrides/isolates/marks that can disguise text.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const INVISIBLE_EDGES = /^[\s\u200B\uFEFF]+|[\s\u200B\uFEFF]+$/g;

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** Length as a reader counts it: an emoji or a CJK character is one. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

export function cleanNickname(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\r\n\t]/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(INVISIBLE_EDGES, '');
}

export function cleanBody(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(INVISIBLE_EDGES, '');
}

export function parseCommentForm(body: unknown): { values: CommentFormValues; errors: CommentFormErrors } {
  const fields = (body ?? {}) as Record<string, unknown>;
  const values: CommentFormValues = {
    nickname: cleanNickname(singleField(fields, 'nickname')),
    body: cleanBody(singleField(fields, 'body')),
    captcha: singleField(fields, 'captcha').trim(),
  };
  const errors: CommentFormErrors = {};
  const nicknameLength = visibleLength(values.nickname);
  if (nicknameLength === 0) errors.nickname = '请填写网名。';
  else if (nicknameLength > NICKNAME_MAX) errors.nickname = `网名不能超过 ${NICKNAME_MAX} 个字。`;
  const bodyLength = visibleLength(values.body);
  if (bodyLength < BODY_MIN) errors.body = `评论内容至少 ${BODY_MIN} 个字。`;
  else if (bodyLength > BODY_MAX) errors.body = `评论内容不能超过 ${BODY_MAX} 个字（现在 ${bodyLength} 个）。`;
  if (values.captcha === '') errors.captcha = '请填写验证码。';
  return { values, errors };
}
