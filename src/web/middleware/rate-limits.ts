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

/** Failed log-ins per address; together with the per-account lockout this stops guessing. */
export function loginRateLimit(perQuarterHour = 10) {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: perQuarterHour,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, MESSAGES.loginTooMany)),
  });
}

/** 人员查询 answers one name at a time; this keeps anyone from trying a dictionary of names. */
export function staffLookupRateLimit(perMinute = 20) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, MESSAGES.staffTooMany)),
  });
}
