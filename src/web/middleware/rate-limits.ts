// Request-rate limits that need no database: per client address (Express's req.ip, which
// honours TRUST_PROXY and nothing else). Comment limits live with the comments themselves.
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../http-error.js';

export function captchaRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, '获取验证码过于频繁，请一分钟后再试。')),
  });
}
