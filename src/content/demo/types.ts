// Shape of the hand-written demo content seeded into an empty database.

export interface DemoArticle {
  /** slug of the category: focus | law | society | cases | watchdog | photos */
  category: string;
  title: string;
  author: string;
  source: string;
  /** one or two sentences, plain text, shown in lists and meta description */
  summary: string;
  /** article body as HTML: <p>, <h2>/<h3>, <strong>, <ul>/<li>, <blockquote>; ends with the author bio in brackets */
  bodyHtml: string;
  /** file name under public/images/demo/, when the article has a cover */
  cover?: string;
  /** shown in 热门·图文 (needs a cover) */
  featured?: boolean;
  /** published this many hours before the seed runs (0..720) */
  hoursAgo: number;
}
