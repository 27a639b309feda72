// Request-rate limits that need no database: per client address (Express's req.ip, which
// honours TRUST_PROXY and nothing else). Comment limits live with the comments themselves.
import { isIP } from 'node:net';
import type { Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { HttpError } from '../http-error.js';
import { SESSION_MESSAGES } from '../messages/session.js';
import { SITE_MESSAGES } from '../messages/site.js';

/**
 * The limiter's key: the client's address (IPv6 by its /56, as express-rate-limit advises). With
 * TRUST_PROXY a forged X-Forwarded-For can make req.ip any text; all such requests share one
 * bucket (they neither escape the limit nor fill the store with keys, nor log errors).
 */
function addressKey(req: Request): string {
  const ip = req.ip ?? '';
  return isIP(ip) ? ipKeyGenerator(ip) : 'unparseable-address';
}

function perAddressLimit(windowMs: number, limit: number, message: string, options: { skipSuccessfulRequests?: boolean } = {}) {
  return rateLimit({
    windowMs,
    limit,
    keyGenerator: addressKey,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, message)),
    ...options,
  });
}

export function captchaRateLimit(perMinute: number) {
  return perAddressLimit(60_000, perMinute, SITE_MESSAGES.captchaTooMany);
}

/** Failed log-ins per address; together with the per-account lockout this stops guessing. */
export function loginRateLimit(perQuarterHour = 10) {
  return perAddressLimit(15 * 60_000, perQuarterHour, SESSION_MESSAGES.loginTooMany, { skipSuccessfulRequests: true });
}

/** 人员查询 answers one name at a time; this keeps anyone from trying a dictionary of names. */
export function staffLookupRateLimit(perMinute = 20) {
  return perAddressLimit(60_000, perMinute, SITE_MESSAGES.staffTooMany);
}
