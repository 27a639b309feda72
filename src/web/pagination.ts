// Page links for paginated lists: which pages to link around the current one, with hrefs.

export interface PageLink {
  page: number;
  href: string;
}

export interface Pagination {
  page: number;
  totalPages: number;
  totalItems: number;
  /** pages to link, with null for a gap (…) */
  links: (PageLink | null)[];
  previous: PageLink | undefined;
  next: PageLink | undefined;
  /** this page's own address (the base path for page 1): its canonical URL */
  href: string;
  /** the rows of this page, for the repository */
  slice: { limit: number; offset: number };
}

/** basePath is the list's URL for page 1, possibly with its own query (e.g. ?order=newest). */
export function paginate(page: number, totalItems: number, perPage: number, basePath: string): Pagination {
  const totalPages = Math.max(1, Math.ceil(totalItems / perPage));
  const link = (n: number): PageLink => ({
    page: n,
    href: n === 1 ? basePath : `${basePath}${basePath.includes('?') ? '&' : '?'}page=${n}`,
  });
  const wanted = new Set([1, totalPages, page - 2, page - 1, page, page + 1, page + 2]);
  const numbers = [...wanted].filter((n) => n >= 1 && n <= totalPages).sort((a, b) => a - b);
  const links: (PageLink | null)[] = [];
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1]! > 1) links.push(null);
    links.push(link(n));
  });
  return {
    page,
    totalPages,
    totalItems,
    links,
    previous: page > 1 ? link(page - 1) : undefined,
    next: page < totalPages ? link(page + 1) : undefined,
    href: link(page).href,
    slice: { limit: perPage, offset: (page - 1) * perPage },
  };
}
