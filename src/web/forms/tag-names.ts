// Tags as an editor types them: separated by commas, 、 or ；, or one per line. Each is cleaned
// as a one-line field (control characters and bidi marks removed, edges trimmed), full-width
// and half-width forms are folded together (NFKC) and repeats merged (Latin letters in any
// case), keeping the first spelling and the order typed. A tag is 1 to 20 characters; an
// article has at most 10.
import { cleanLine, visibleLength } from './text-input.js';

export const TAG_MAX_LENGTH = 20;
export const TAGS_PER_ARTICLE = 10;

export type TagNames = { names: string[] } | { error: 'too-long'; name: string } | { error: 'too-many'; count: number };

const SEPARATORS = /[,，、;；\r\n]+/;

export function parseTagNames(input: string): TagNames {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const part of input.split(SEPARATORS)) {
    const name = cleanLine(part.normalize('NFKC')).replace(/\s+/g, ' ');
    if (name === '') continue;
    if (visibleLength(name) > TAG_MAX_LENGTH) return { error: 'too-long', name };
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  if (names.length > TAGS_PER_ARTICLE) return { error: 'too-many', count: names.length };
  return { names };
}
