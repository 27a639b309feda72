// 404 and error pages with the full site chrome. Clients get a clear message and the right
// status; err.message and stacks are never shown outside development.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { HttpError } from '../http-error.js';
import { SITE_MESSAGES, STATUS_MESSAGES } from '../messages/site.js';

interface ErrorWithStatus extends Error {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
}

export function notFoundHandler(_req: Request, _res: Response, next: NextFunction) {
  next(new HttpError(404, STATUS_MESSAGES[404]!));
}

export function errorHandler(isDevelopment: boolean, logger: Logger) {
  return (err: ErrorWithStatus, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = statusOf(err);
    const isClientError = status < 500;
    // 503: the database is away (it says so itself); worth a warning, not a stack per request.
    if (status === 503) logger.warn({ method: req.method, path: req.path, reason: err.message }, 'database unavailable');
    else if (!isClientError) logger.error({ err, method: req.method, path: req.path }, 'request failed');
    const message = isClientError
      ? err instanceof HttpError || err.expose
        ? err.message
        : (STATUS_MESSAGES[status] ?? STATUS_MESSAGES[400]!)
      : status === 503
        ? SITE_MESSAGES.unavailable
        : SITE_MESSAGES.serverError;
    if (status === 503) res.set('Retry-After', '30');
    const view = status === 404 ? 'errors/404' : isClientError ? 'errors/client-error' : 'errors/500';
    res.status(status);
    res.set('Cache-Control', 'no-store');
    const locals = { status, message, detail: isDevelopment && !isClientError ? err.stack : undefined };
    if (res.locals.chrome) return res.render(view, locals, renderedOrPlain(res, message, logger));
    // The chrome could not be loaded (e.g. the database is down): a page without it.
    res.type('html').send(plainErrorPage(status, message));
  };
}

function statusOf(err: ErrorWithStatus): number {
  const status = err.status ?? err.statusCode;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500;
}

function renderedOrPlain(res: Response, message: string, logger: Logger) {
  return (renderError: Error | null, html?: string) => {
    if (renderError) {
      logger.error({ err: renderError }, 'error page failed to render');
      res.type('html').send(plainErrorPage(res.statusCode, message));
    } else {
      res.send(html);
    }
  };
}

function plainErrorPage(status: number, message: string): string {
  const text = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${status}</title><h1>${status}</h1><p>${text}</p><p><a href="/">返回首页</a></p></html>`;
}
