// CSRF protection (synchronizer token in the session) for every state-changing form.
import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';

const csrf = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const token: unknown = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers['x-csrf-token'];
    return typeof token === 'string' ? token : undefined;
  },
  errorConfig: { statusCode: 403, message: '页面已过期或请求来源无效，请刷新页面后重试。', code: 'EBADCSRFTOKEN' },
});

export const csrfProtection = csrf.csrfSynchronisedProtection;
export const csrfToken = (req: Request): string => csrf.generateToken(req);
