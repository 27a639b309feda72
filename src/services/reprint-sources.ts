// 转载 only from permitted sources: the site's list (the setting reprintSources, separated by 、,
// commas or semicolons), and whether a 转载's 来源 is on it (the exact name, spaces aside).
export function permittedSources(setting: string): string[] {
  return setting
    .split(/[、,，;；\n]+/u)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** An article that is not a 转载 needs no permission; a 转载 needs its 来源 on the list. */
export function isPermittedReprint(article: { reprint: unknown; source: string }, setting: string): boolean {
  if (!article.reprint) return true;
  return permittedSources(setting).includes(article.source.trim());
}
