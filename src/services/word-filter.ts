// Sensitive-word matching that survives the usual disguises: text is normalised with NFKC,
// lower-cased, and stripped of punctuation, symbols, spaces and zero-width characters, so
// 代*开*发*票 and 代 开 发 票 both match 代开发票.

const IGNORED = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]+/gu;

export function normaliseForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/** The listed words found in the text (words given already normalised). */
export function findSensitiveWords(text: string, normalisedWords: readonly string[]): string[] {
  const haystack = normaliseForMatching(text);
  return normalisedWords.filter((word) => word !== '' && haystack.includes(word));
}

/** How many links the text contains (http(s) URLs and bare www. addresses). */
export function countLinks(text: string): number {
  return text.match(/\bhttps?:\/\/|\bwww\./gi)?.length ?? 0;
}
