// CSRF protection (synchronizer token in the session) for every state-changing form.
import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';
import { SITE_MESSAGES } from '../messages/site.js';

const csrf = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const token: unknown = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers['x-csrf-token'];
    return typeof token === 'string' ? token : undefined;
  },
  errorConfig: { statusCode: 403, message: SITE_MESSAGES.csrfFailed, code: 'EBADCSRFTOKEN' },
});

export const csrfProtection = csrf.csrfSynchronisedProtection;
export const csrfToken = (req: Request): string => csrf.generateToken(req);
