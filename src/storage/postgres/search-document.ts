// The search document of an article on PostgreSQL, built here from the TypeScript tokens
// (lib/search-tokens.ts), not by PostgreSQL's parser, which cannot cut Chinese. Each token
// keeps its position in its field, fields follow each other with a gap (no phrase runs from
// the title into the summary) and carry their weight: title A, summary B, body C.
//
// A tsvector keeps positions up to 16,383 and at most 256 per lexeme. An article past either
// limit is "long": a phrase in it may not match with <-> where it really stands, so for such
// articles the search confirms phrases on the normalised plain text instead.
import { indexTokens, normalizeForSearch, type SearchTerm } from '../../lib/search-tokens.js';

export const MAX_POSITION = 16_383;
export const MAX_POSITIONS_PER_LEXEME = 256;
const FIELD_GAP = 2;
/** PostgreSQL refuses lexemes of 2 kB and more; such a run of letters is no word anyone searches. */
const MAX_LEXEME_LENGTH = 500;

export interface SearchDocument {
  /** a tsvector literal: 'token':1A,2A 'other':7C ... */
  vector: string;
  /** the normalised text of the fields, kept only for a long article */
  plainText: string | null;
}

export function searchDocument(fields: { title: string; summary: string; body: string }): SearchDocument {
  const positions = new Map<string, string[]>();
  let position = 0;
  let long = false;
  const weighted: [string, 'A' | 'B' | 'C'][] = [
    [fields.title, 'A'],
    [fields.summary, 'B'],
    [fields.body, 'C'],
  ];
  for (const [text, weight] of weighted) {
    const tokens = indexTokens(text);
    if (tokens === '') continue;
    for (const token of tokens.split(' ')) {
      if (token.length > MAX_LEXEME_LENGTH) continue;
      position += 1;
      if (position > MAX_POSITION) {
        long = true;
        break;
      }
      let list = positions.get(token);
      if (!list) positions.set(token, (list = []));
      if (list.length >= MAX_POSITIONS_PER_LEXEME) {
        long = true;
        continue;
      }
      list.push(`${position}${weight}`);
    }
    if (position > MAX_POSITION) break;
    position += FIELD_GAP;
  }
  // Tokens past the last position are still worth finding (with & and the plain-text check).
  if (long) {
    for (const [text] of weighted) {
      for (const token of indexTokens(text).split(' ')) {
        if (token !== '' && token.length <= MAX_LEXEME_LENGTH && !positions.has(token)) positions.set(token, []);
      }
    }
  }
  const vector = [...positions]
    .map(([token, list]) => (list.length > 0 ? `${quoteLexeme(token)}:${list.join(',')}` : quoteLexeme(token)))
    .join(' ');
  const plainText = long ? weighted.map(([text]) => normalizeForSearch(text)).join('\n') : null;
  return { vector, plainText };
}

/** A lexeme quoted for tsvector and tsquery literals (tokens hold letters and digits only, but be safe). */
export function quoteLexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** The query: each term's tokens in sequence (<->), all terms required (&). */
export function phraseQuery(terms: readonly SearchTerm[]): string {
  return terms.map((term) => `(${term.tokens.map(quoteLexeme).join(' <-> ')})`).join(' & ');
}

/** The same tokens, each merely required: finds the candidates a long article is checked among. */
export function allTokensQuery(terms: readonly SearchTerm[]): string {
  return [...new Set(terms.flatMap((term) => term.tokens))].map(quoteLexeme).join(' & ');
}

/** The texts a long article's plain text must contain: the phrases (terms of 2+ tokens). */
export function phraseTexts(terms: readonly SearchTerm[]): string[] {
  return terms.filter((term) => term.tokens.length > 1).map((term) => term.text);
}
