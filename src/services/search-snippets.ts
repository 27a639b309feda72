// Highlighted snippets for search results, cut from the ORIGINAL plain text (title, summary,
// body text) by finding the query's terms in it. Returns plain segments; the view prints each
// escaped, inside <mark> when it is a hit, so no HTML is ever built here.
import { charKind, normalizeForSearch, type SearchTerm } from '../lib/search-tokens.js';

export interface Segment {
  text: string;
  hit: boolean;
}

const GRAPHEMES = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
const UNIFIED_IDEOGRAPH = /^[\u4e00-\u9fff]$/;
const CLUSTERS = /\p{M}|\u200d|[\ufe00-\ufe0f]|\p{Regional_Indicator}|\r/u;
/** Characters around the first hit that an excerpt looks at: bounds work on long bodies. */
const EXCERPT_WINDOW = 400;

interface MarkedText {
  /** the text cut into user-perceived characters */
  parts: string[];
  /** whether each part is inside an occurrence of a term */
  hits: boolean[];
}

/**
 * Normalises each character on its own (as the index does for the whole text) and keeps
 * which original character every normalised one came from, so hits map back exactly.
 */
function markHits(text: string, terms: readonly SearchTerm[]): MarkedText {
  // Code points are graphemes unless the text has combining marks, joiners, selectors or flags.
  const parts = CLUSTERS.test(text) ? Array.from(GRAPHEMES.segment(text), (s) => s.segment) : Array.from(text);
  const hits = parts.map(() => false);
  let normalized = '';
  const owner: number[] = [];
  parts.forEach((part, index) => {
    // Most characters of a Chinese article are unified ideographs, which NFKC leaves alone.
    const n = UNIFIED_IDEOGRAPH.test(part) ? part : normalizeForSearch(part);
    normalized += n;
    for (let k = 0; k < n.length; k += 1) owner.push(index);
  });
  for (const term of terms) {
    if (term.text === '') continue;
    for (let at = normalized.indexOf(term.text); at >= 0; at = normalized.indexOf(term.text, at + 1)) {
      const end = at + term.text.length;
      // A word matches whole words only (law is not in lawyer); CJK matches anywhere.
      if (term.kind === 'word' && (continuesWord(charBefore(normalized, at)) || continuesWord(charAt(normalized, end)))) continue;
      for (let k = at; k < end; k += 1) hits[owner[k]!] = true;
    }
  }
  return { parts, hits };
}

function continuesWord(char: string | undefined): boolean {
  if (char === undefined) return false;
  const kind = charKind(char);
  return kind === 'word' || kind === 'mark';
}

function charAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return text.slice(start, index);
}

/** Chinese characters and the full-width punctuation around them. */
const WIDE = /^[\p{Script=Han}\u3000-\u303f\uff01-\uff60\u2018-\u201d\u2026]$/u;

/**
 * A space between two Chinese characters where the plain text joined two paragraphs (see
 * htmlToPlainText): printed, it is a gap in the middle of Chinese text.
 */
function isParagraphGap(parts: readonly string[], i: number): boolean {
  return /^\s$/u.test(parts[i]!) && WIDE.test(parts[i - 1] ?? '') && WIDE.test(parts[i + 1] ?? '');
}

function segmentsOf({ parts, hits }: MarkedText, start: number, end: number, { joinParagraphs = false } = {}): Segment[] {
  const segments: Segment[] = [];
  for (let i = start; i < end; i += 1) {
    if (joinParagraphs && isParagraphGap(parts, i)) continue;
    const last = segments[segments.length - 1];
    if (last && last.hit === hits[i]) last.text += parts[i];
    else segments.push({ text: parts[i]!, hit: hits[i]! });
  }
  return segments;
}

/** The whole text, cut into hit and non-hit segments. */
export function highlight(text: string, terms: readonly SearchTerm[]): Segment[] {
  const marked = markHits(text, terms);
  return segmentsOf(marked, 0, marked.parts.length);
}

/**
 * At most maxLength characters of the text around its first hit (from the start when it has
 * none), with … where the text was cut. The text is an article's plain text: the spaces that
 * joined its Chinese paragraphs are left out.
 */
export function excerpt(fullText: string, terms: readonly SearchTerm[], maxLength: number): Segment[] {
  const { text, cutBefore, cutAfter } = windowAroundFirstHit(fullText, terms, maxLength);
  const marked = markHits(text, terms);
  const total = marked.parts.length;
  if (total <= maxLength) return segmentsOf(marked, 0, total, { joinParagraphs: true });
  const first = marked.hits.indexOf(true);
  // Some context before the hit, but not so much that a long term runs off the end.
  const end = Math.min(total, Math.max(0, first - Math.floor(maxLength / 4)) + maxLength);
  let start = Math.max(0, end - maxLength);
  while (start < end && start > 0 && /^\s$/u.test(marked.parts[start]!)) start += 1;
  const segments = segmentsOf(marked, start, end, { joinParagraphs: true });
  if (start > 0 || cutBefore) segments.unshift({ text: '…', hit: false });
  if (end < total || cutAfter) segments.push({ text: '…', hit: false });
  return mergeNeighbours(segments);
}

/**
 * A stretch of the text around the first place a term appears (found on the normalised
 * text, whose positions may drift a little from the original's: the window is generous).
 */
function windowAroundFirstHit(text: string, terms: readonly SearchTerm[], maxLength: number) {
  if (text.length <= EXCERPT_WINDOW + maxLength) return { text, cutBefore: false, cutAfter: false };
  const normalized = normalizeForSearch(text);
  const positions = terms.map((term) => (term.text === '' ? -1 : normalized.indexOf(term.text))).filter((at) => at >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, first - EXCERPT_WINDOW / 2);
  const end = Math.min(text.length, first + EXCERPT_WINDOW / 2 + maxLength);
  return { text: text.slice(start, end), cutBefore: start > 0, cutAfter: end < text.length };
}

function mergeNeighbours(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && last.hit === segment.hit) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

export function hasHit(segments: readonly Segment[]): boolean {
  return segments.some((segment) => segment.hit);
}
