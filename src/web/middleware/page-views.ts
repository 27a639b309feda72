// Counts each reader page (HTML) that was served successfully (网站访问统计), crawlers excluded.
// Pages answered from the page cache are counted by its front handler instead.
import type { NextFunction, Request, Response } from 'express';
import type { ViewCounter } from '../../services/view-counter.js';

export function countPageViews(viewCounter: ViewCounter) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET') {
      res.on('finish', () => {
        if (res.statusCode === 200 && isHtml(res.getHeader('content-type'))) viewCounter.recordPageView(req.get('user-agent') ?? '');
      });
    }
    next();
  };
}

export const isHtml = (contentType: unknown): boolean => typeof contentType === 'string' && contentType.startsWith('text/html');
