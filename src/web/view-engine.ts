// How the views are rendered: EJS, with changes to its defaults that make a render several
// times faster (docs/performance.md, "Rendering"):
//  - no `with (locals)` block around each template (V8 cannot optimise code inside `with`);
//    instead the names a template may read are destructured from the locals up front: those
//    of TEMPLATE_LOCALS (tests/unit/web/view-engine.test.ts keeps the list complete) that occur
//    in the template's text. Each template is compiled with its own list, by the template cache
//    EJS asks before it compiles a file (`ejs.cache`, below): a small partial no longer reads
//    all the names of every page, and pages have many partials;
//  - includes name their files from views/ ('/partials/_head'), so EJS resolves them without
//    a file-system check per include (it stats relative include paths on every render);
//  - half the copies of the locals: EJS copies them into a null-prototype object for the page,
//    and twice for every include. The engine makes the page's null-prototype copy itself, and
//    `unsafePrototypeLocals` lets EJS use it (and each include's copy, also null-prototype) as
//    is. Nothing resolves through Object.prototype, as before: the guard against prototype
//    pollution stays.
import fs from 'node:fs';
import ejs from 'ejs';

/** Every local a template reads: site chrome, helpers, and what controllers pass. */
export const TEMPLATE_LOCALS = [
  // site-locals.ts, app.locals and admin locals
  'asset',
  'chrome',
  'site',
  'origin',
  'currentPath',
  'currentYear',
  'formatDateTime',
  'formatMonthDay',
  'ellipsis',
  'categoryOf',
  'articleUrl',
  'currentUser',
  'csrfToken',
  'flash',
  'sidebarHtml',
  'footerHtml',
  // page data
  'meta',
  'jsonLd',
  'preview',
  'showCover',
  'reading',
  'share',
  'tag',
  'topic',
  'topics',
  'author',
  'topicStatusNames',
  'tagSuggestions',
  'staffOptions',
  'article',
  'articles',
  'articleCount',
  'blocks',
  'headline',
  'latest',
  'pinnedIds',
  'weekTop',
  'categories',
  'category',
  'categoryById',
  'categoryLinks',
  'comments',
  'threads',
  'parent',
  'parentId',
  'moreRepliesUrl',
  'commentsPerPage',
  'commentCount',
  'commentCounts',
  'commentForm',
  'comment',
  'reasons',
  'detailMax',
  'receipt',
  'deadlineHours',
  'code',
  'outcome',
  'reported',
  'decisionLabels',
  'reasonLabels',
  'appeals',
  'commentPolicy',
  'complianceGaps',
  'isAdmin',
  'reviewFirst',
  'refreshUrl',
  'order',
  'page',
  'pages',
  'pagination',
  'items',
  'query',
  'q',
  'results',
  'total',
  'state',
  'poll',
  'polls',
  'selected',
  'voted',
  'choices',
  'totalVotes',
  'inSidebar',
  'periods',
  'current',
  'views',
  'todayViews',
  'staff',
  'member',
  'submission',
  'submissions',
  'newSubmissions',
  'showCategory',
  'guide',
  'hint',
  'message',
  'detail',
  'status',
  'stored',
  // admin forms and lists
  'actionLabel',
  'actionLabels',
  'actionStatus',
  'actions',
  'activity',
  'chart',
  'counts',
  'displayNameMax',
  'draft',
  'entries',
  'error',
  'errors',
  'fields',
  'filter',
  'filterCategory',
  'form',
  'id',
  'label',
  'labels',
  'maxlength',
  'mode',
  'modeLabels',
  'name',
  'notice',
  'now',
  'passwordMin',
  'policyLabels',
  'pattern',
  'returnQuery',
  'revision',
  'revisions',
  'roleLabels',
  'sidebarChosen',
  'sidebarPollId',
  'span',
  'statusLabels',
  'statuses',
  'timeZones',
  'zoneName',
  'workflow',
  'findings',
  'signFindings',
  'pendingChange',
  'proposing',
  'approved',
  'correctionNote',
  'retractionReason',
  'corrections',
  'correction',
  'correctionKinds',
  'mayRetract',
  'mayCorrect',
  'isPublished',
  'retracted',
  'stepNote',
  'maySignBySaving',
  'queues',
  'reviewCounts',
  'title',
  'user',
  'users',
  'value',
  'values',
  'word',
  'wordMax',
  'words',
];

/** The names of TEMPLATE_LOCALS that occur in a template's text: the ones its code may read. */
export function localsNamedIn(text: string): string[] {
  const words = new Set(text.match(/[A-Za-z_$][\w$]*/g));
  return TEMPLATE_LOCALS.filter((name) => words.has(name));
}

/**
 * EJS's cache of template functions (it asks `get` before it reads and compiles a file): this
 * one compiles each file itself, destructuring only the locals its text names. With
 * `watch`, a file changed on disk is compiled again (development: edit and reload).
 */
class TemplateCache {
  private readonly compiled = new Map<string, { fn: ejs.TemplateFunction; mtimeMs: number }>();

  constructor(
    private readonly options: ejs.Options,
    private readonly watch: boolean,
  ) {}

  get(filename: string): ejs.TemplateFunction | undefined {
    const known = this.compiled.get(filename);
    if (known && !this.watch) return known.fn;
    let mtimeMs: number;
    let text: string;
    try {
      mtimeMs = fs.statSync(filename).mtimeMs;
      if (known && known.mtimeMs === mtimeMs) return known.fn;
      text = fs.readFileSync(filename, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return undefined; // EJS reads it and reports the missing file
    }
    const fn = ejs.compile(text, { ...this.options, filename, destructuredLocals: localsNamedIn(text) }) as ejs.TemplateFunction;
    this.compiled.set(filename, { fn, mtimeMs });
    return fn;
  }

  /** EJS stores what it compiled when `get` had nothing: a file `get` could not read, never kept. */
  set(): void {}

  reset(): void {
    this.compiled.clear();
  }
}

export function viewEngine({ root, cache }: { root: string; cache: boolean }) {
  // unsafePrototypeLocals: in EJS 7, not yet in @types/ejs. `cache` is always on for EJS: the
  // template cache decides whether a file is read again.
  const options = { root, cache: true, _with: false, unsafePrototypeLocals: true } as ejs.Options;
  const templates = new TemplateCache(options, !cache);
  return (file: string, data: object, done: (err: Error | null, html?: string) => void): void => {
    // EJS has one cache for the process; apps with different views (tests) each set theirs
    // for their render, which runs synchronously
    ejs.cache = templates;
    ejs.renderFile(file, Object.assign(Object.create(null) as ejs.Data, data), options, done);
  };
}
