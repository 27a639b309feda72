// Request-rate limits per client address (Express's req.ip, which honours TRUST_PROXY and nothing
// else), counted in the database through RateLimitService, so that every app process (WORKERS,
// several machines on PostgreSQL) shares one count per address. Comment limits live with the
// comments themselves.
import { isIP } from 'node:net';
import type { Request } from 'express';
import { ipKeyGenerator, rateLimit, type IncrementResponse, type Options, type Store } from 'express-rate-limit';
import type { RateLimitService } from '../../services/rate-limit-service.js';
import { HttpError } from '../http-error.js';
import { SESSION_MESSAGES } from '../messages/session.js';
import { REPORTS_MESSAGES } from '../messages/reports.js';
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

/**
 * express-rate-limit's store interface over RateLimitService: one per limiter, its keys under
 * the limiter's own prefix. Windows run on the service's clock; express-rate-limit measures the
 * reset time against Date.now() (headers, and whether a hit may still be taken back), so the
 * reset time is given as the time left from now.
 */
export class DatabaseRateLimitStore implements Store {
  /** counts are shared by every process: not local to this instance */
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly limits: RateLimitService,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const count = await this.limits.hit(this.prefix + key, this.windowMs);
    return { totalHits: count.hits, resetTime: new Date(Date.now() + count.resetsInMs) };
  }

  async decrement(key: string): Promise<void> {
    await this.limits.undo(this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await this.limits.reset(this.prefix + key);
  }
}

interface LimitRule {
  /** the limiter's keys in the store: its own, not shared with another limiter */
  prefix: string;
  windowMs: number;
  limit: number;
  message: string;
  skipSuccessfulRequests?: boolean;
}

function perAddressLimit(limits: RateLimitService, rule: LimitRule) {
  return rateLimit({
    windowMs: rule.windowMs,
    limit: rule.limit,
    keyGenerator: addressKey,
    store: new DatabaseRateLimitStore(limits, rule.prefix),
    // When the database cannot count (down, restarting), the request goes on unlimited rather
    // than failing with a 500: availability over these limits, which the per-account lockout
    // and the captchas back up (and a database that is down stops most of what they guard).
    passOnStoreError: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, rule.message)),
    skipSuccessfulRequests: rule.skipSuccessfulRequests ?? false,
  });
}

export function captchaRateLimit(limits: RateLimitService, perMinute: number) {
  return perAddressLimit(limits, { prefix: 'captcha:', windowMs: 60_000, limit: perMinute, message: SITE_MESSAGES.captchaTooMany });
}

/** Failed log-ins per address; together with the per-account lockout this stops guessing. */
export function loginRateLimit(limits: RateLimitService, perQuarterHour = 10) {
  return perAddressLimit(limits, {
    prefix: 'login:',
    windowMs: 15 * 60_000,
    limit: perQuarterHour,
    message: SESSION_MESSAGES.loginTooMany,
    skipSuccessfulRequests: true,
  });
}

/**
 * Wrong current passwords (我的账户) per address: the log-in rule, so a stolen session cannot
 * guess the password, counted in a bucket of its own (mistyped passwords there do not use up
 * the address's log-ins).
 */
export function passwordChangeRateLimit(limits: RateLimitService, perQuarterHour = 10) {
  return perAddressLimit(limits, {
    prefix: 'password:',
    windowMs: 15 * 60_000,
    limit: perQuarterHour,
    message: SESSION_MESSAGES.loginTooMany,
    skipSuccessfulRequests: true,
  });
}

/** 人员查询 answers one name at a time; this keeps anyone from trying a dictionary of names. */
export function staffLookupRateLimit(limits: RateLimitService, perMinute = 20) {
  return perAddressLimit(limits, { prefix: 'staff:', windowMs: 60_000, limit: perMinute, message: SITE_MESSAGES.staffTooMany });
}

/** 举报 per address: enough for a reader, not for flooding the queue or hiding comments by volume. */
export function reportRateLimit(limits: RateLimitService, perHour = 10, prefix = 'report:') {
  return perAddressLimit(limits, { prefix, windowMs: 60 * 60_000, limit: perHour, message: REPORTS_MESSAGES.tooMany });
}

/** 处理结果 look-ups per address (the codes cannot be guessed; this keeps anyone from trying). */
export function reportLookupRateLimit(limits: RateLimitService, perMinute = 20, prefix = 'report-status:') {
  return perAddressLimit(limits, { prefix, windowMs: 60_000, limit: perMinute, message: REPORTS_MESSAGES.lookupTooMany });
}
