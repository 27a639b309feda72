// Operational endpoints: health check and robots.txt (which points crawlers to the sitemaps).
import type { Request, Response } from 'express';

export function operationsController(health: () => Promise<boolean>) {
  return {
    async healthz(_req: Request, res: Response) {
      const ok = await health();
      res.set('Cache-Control', 'no-store');
      res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database: ok ? 'ok' : 'unreachable' });
    },
    robots(_req: Request, res: Response) {
      const { origin } = res.locals; // https://<site domain>: sitemap URLs must be absolute
      res
        .type('text/plain')
        .send(
          'User-agent: *\nDisallow: /admin/\nDisallow: /captcha\n\n' +
            `Sitemap: ${origin}/sitemap.xml\nSitemap: ${origin}/sitemap-news.xml\n`,
        );
    },
  };
}
