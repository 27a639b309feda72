// An error with an HTTP status and a message fit to show the reader.
import { SITE_MESSAGES } from './messages/site.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string = SITE_MESSAGES.pageNotFound) => new HttpError(404, message);
export const forbidden = (message: string) => new HttpError(403, message);
export const badRequest = (message: string = SITE_MESSAGES.requestInvalid) => new HttpError(400, message);
