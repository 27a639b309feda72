// Request-rate limits that need no database: per client address (Express's req.ip, which
// honours TRUST_PROXY and nothing else). Comment limits live with the comments themselves.
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../http-error.js';
import { MESSAGES } from '../messages.js';

export function captchaRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, MESSAGES.captchaTooMany)),
  });
}
