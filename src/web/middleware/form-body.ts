// Parses url-encoded form posts on the routes that take them (never globally): a size limit,
// 415 for other content types, and 400 for malformed encodings instead of silently
// "repairing" them.
import express, { type NextFunction, type Request, type Response } from 'express';
import { HttpError } from '../http-error.js';
import { SITE_MESSAGES } from '../messages/site.js';

const BAD_PERCENT = /%(?![0-9a-fA-F]{2})/;

function rejectMalformed(_req: Request, _res: Response, buffer: Buffer): void {
  const text = buffer.toString('latin1');
  if (BAD_PERCENT.test(text)) throw new HttpError(400, SITE_MESSAGES.formEncoding);
  for (const pair of text.split('&')) {
    try {
      decodeURIComponent(pair.replace(/\+/g, ' '));
    } catch {
      throw new HttpError(400, SITE_MESSAGES.formNotUtf8);
    }
  }
}

export function formBody(limit = '32kb', options: { parameterLimit?: number } = {}) {
  const parse = express.urlencoded({ extended: false, limit, parameterLimit: options.parameterLimit ?? 20, verify: rejectMalformed });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('application/x-www-form-urlencoded')) {
      return next(new HttpError(415, SITE_MESSAGES.formOnly));
    }
    parse(req, res, next);
  };
}
