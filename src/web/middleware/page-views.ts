// Counts each reader page that was served successfully (网站访问统计), crawlers excluded.
import type { NextFunction, Request, Response } from 'express';
import type { ViewCounter } from '../../services/view-counter.js';

export function countPageViews(viewCounter: ViewCounter) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET') {
      res.on('finish', () => {
        if (res.statusCode === 200) viewCounter.recordPageView(req.get('user-agent') ?? '');
      });
    }
    next();
  };
}
