// LIKE patterns for "contains" filters in editors' lists, for every backend (SQLite LIKE, PostgreSQL ILIKE).

/** `%text%` with %, _ and \ escaped (use with ESCAPE '\'), so what was typed matches literally; null for all. */
export function containsPattern(contains: string | undefined): string | null {
  const words = contains?.trim();
  return words ? `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}
