// An error with an HTTP status and a message fit to show the reader.
import { MESSAGES } from './messages.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string = MESSAGES.pageNotFound) => new HttpError(404, message);
export const badRequest = (message = '请求参数不正确。') => new HttpError(400, message);
