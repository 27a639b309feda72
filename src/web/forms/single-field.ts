// One string field of a url-encoded or multipart body. A field sent twice (or nested) is a
// 400: forms here never repeat a field, so a repeat is a forged or broken request.
import { badRequest } from '../http-error.js';
import { SITE_MESSAGES } from '../messages/site.js';

export function singleField(body: unknown, name: string): string {
  const value = ((body ?? {}) as Record<string, unknown>)[name];
  if (value === undefined) return '';
  if (typeof value !== 'string') throw badRequest(SITE_MESSAGES.fieldOnce(name));
  return value;
}
