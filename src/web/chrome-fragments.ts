// The sidebar and the footer are the same on every reader page until the site chrome changes:
// their templates (partials/_sidebar.ejs, partials/_footer.ejs, escaping as every template
// does) are rendered once per chrome build instead of once per request. Measured on an
// uncached article page: the sidebar alone was 13% of the render.
import type { SiteChrome } from '../services/site-chrome.js';

export interface ChromeFragments {
  sidebar: string;
  footer: string;
}

export type RenderView = (view: string, locals: object) => Promise<string>;

export function chromeFragments(render: RenderView) {
  const built = new WeakMap<SiteChrome, Promise<ChromeFragments>>();
  return (chrome: SiteChrome, locals: object): Promise<ChromeFragments> => {
    let fragments = built.get(chrome);
    if (fragments === undefined) {
      fragments = Promise.all([render('partials/_sidebar', locals), render('partials/_footer', locals)]).then(([sidebar, footer]) => ({
        sidebar,
        footer,
      }));
      built.set(chrome, fragments);
      fragments.catch(() => built.delete(chrome)); // try again on the next request
    }
    return fragments;
  };
}
