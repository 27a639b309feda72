// Search tokens for Chinese and Latin text, computed here rather than by the database: what
// the full-text index stores for an article and what a reader's query becomes. Text is
// NFKC-normalised and lower-cased; CJK runs give overlapping bigrams plus single characters
// (as Lucene's CJK analyzer does), Latin/digit runs give whole words; the rest separates.

/** Bump when the tokens change: the index is then rebuilt at start (ensureSearchIndex). */
export const SEARCH_TOKENS_VERSION = 1;

/** One thing a query asks for: all of its tokens in a row (a phrase), found in one field. */
export interface SearchTerm {
  kind: 'cjk' | 'word';
  /** the normalised run as typed, e.g. 法院判决 or iphone: what highlighting looks for */
  text: string;
  /** a CJK run of 1 character: [it]; of 2 or more: its bigrams; a word: [word] */
  tokens: string[];
}

interface Run {
  kind: 'cjk' | 'word';
  chars: string[];
}

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
// Variation selectors only pick a glyph; dropping them keeps 葛󠄀 and 葛 the same character.
const VARIATION_SELECTORS = /[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;

/** The form both index and queries are cut from. Applied per character, it gives the same. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(VARIATION_SELECTORS, '');
}

/** What kind of run a (normalised) character belongs to; undefined for separators. */
export function charKind(char: string): 'cjk' | 'word' | 'mark' | undefined {
  if (CJK.test(char) && LETTER_OR_DIGIT.test(char)) return 'cjk';
  if (LETTER_OR_DIGIT.test(char)) return 'word';
  if (MARK.test(char)) return 'mark';
  return undefined;
}

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const char of normalizeForSearch(text)) {
    let kind = charKind(char);
    // A combining mark belongs to the word it follows; anywhere else it separates.
    if (kind === 'mark') kind = current?.kind === 'word' ? 'word' : undefined;
    if (kind === undefined) {
      current = undefined;
    } else if (current?.kind === kind) {
      current.chars.push(char);
    } else {
      current = { kind, chars: [char] };
      runs.push(current);
    }
  }
  return runs;
}

function bigrams(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * The tokens stored for a text, space-separated. A CJK run gives its bigrams in order and
 * then its single characters, so a run of bigrams in a query can only match bigrams that
 * stand next to each other in one run of the text: 法院判决 matches 法院判决, never 法院…判决.
 */
export function indexTokens(text: string): string {
  const tokens: string[] = [];
  for (const run of runsOf(text)) {
    if (run.kind === 'word') tokens.push(run.chars.join(''));
    else tokens.push(...bigrams(run.chars), ...run.chars);
  }
  return tokens.join(' ');
}

/** The terms of a query (each must match); punctuation and operators are only separators. */
export function searchTerms(query: string): SearchTerm[] {
  const terms = new Map<string, SearchTerm>();
  for (const run of runsOf(query)) {
    const text = run.chars.join('');
    if (terms.has(text)) continue;
    const tokens = run.kind === 'word' || run.chars.length === 1 ? [text] : bigrams(run.chars);
    terms.set(text, { kind: run.kind, text, tokens });
  }
  return [...terms.values()];
}

const BLOCK_TAGS = /^(?:p|br|hr|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|thead|tbody|tr|td|th|pre|section|article)$/i;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  laquo: '«',
  raquo: '»',
  times: '×',
  divide: '÷',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  yen: '¥',
  euro: '€',
  para: '¶',
  sect: '§',
  bull: '•',
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g, (whole, dec, hex, name) => {
    if (name !== undefined) return NAMED_ENTITIES[name as string] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex as string, 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * The readable text of (sanitized) article HTML: tags stripped, entities decoded, block
 * ends turned into spaces (so two paragraphs never run together), whitespace folded.
 */
export function htmlToPlainText(html: string): string {
  const withoutHidden = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<!--[\s\S]*?-->/g, '');
  const withoutTags = withoutHidden.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g, (_tag, name: string) =>
    BLOCK_TAGS.test(name) ? ' ' : '',
  );
  return decodeEntities(withoutTags).replace(/\s+/g, ' ').trim();
}
