// Checks before an article goes out (issue 17): sensitive words (the comment filter's normalised
// list), 规范表述 (the site's list of wrong -> right usages), 18-digit ID card numbers and mobile
// numbers in the body, and an empty 来源 or 作者. Each finding says where it is; signing off
// requires acknowledging every finding by its id, which stays the same while the text it points at
// does.
import { htmlToPlainText } from '../lib/search-tokens.js';
import { findSensitiveWords } from './word-filter.js';

export interface Finding {
  /** stable while the finding stands: what was found, and where */
  id: string;
  field: '标题' | '摘要' | '正文' | '来源' | '作者';
  /** the character offset in that field's text, 1-based; null where there is none */
  position: number | null;
  message: string;
}

export interface UsageRule {
  wrong: string;
  right: string;
}

/** "截止目前→截至目前；再接再励→再接再厉": pairs separated by ；; or new lines, each wrong→right (or =). */
export function parseUsageRules(setting: string): UsageRule[] {
  return setting
    .split(/[；;\n]+/u)
    .map((pair) => pair.split(/→|->|=/u).map((part) => part.trim()))
    .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== '' && parts[1] !== '')
    .map(([wrong, right]) => ({ wrong, right }));
}

const ID_CARD = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/gu;
const MOBILE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/gu;

/** 1-based character offset (code points) of the match, for people. */
function charPosition(text: string, index: number): number {
  return Array.from(text.slice(0, index)).length + 1;
}

function masked(number: string): string {
  return `${number.slice(0, 3)}****${number.slice(-4)}`;
}

export interface CheckedArticle {
  title: string;
  summary: string;
  bodyHtml: string;
  author: string;
  source: string;
}

export function prepublicationFindings(
  article: CheckedArticle,
  lists: { sensitiveWords: readonly string[]; usageRules: readonly UsageRule[] },
): Finding[] {
  const findings: Finding[] = [];
  const texts: [Finding['field'], string][] = [
    ['标题', article.title],
    ['摘要', article.summary],
    ['正文', htmlToPlainText(article.bodyHtml)],
  ];
  for (const [field, text] of texts) {
    for (const word of findSensitiveWords(text, lists.sensitiveWords)) {
      const index = text.indexOf(word);
      findings.push({
        id: `sensitive:${field}:${word}`,
        field,
        position: index >= 0 ? charPosition(text, index) : null,
        message: `含敏感词“${word}”（变形写法也算）`,
      });
    }
    for (const rule of lists.usageRules) {
      const index = text.indexOf(rule.wrong);
      if (index >= 0) {
        findings.push({
          id: `usage:${field}:${rule.wrong}`,
          field,
          position: charPosition(text, index),
          message: `“${rule.wrong}”应为“${rule.right}”`,
        });
      }
    }
  }
  const body = texts[2]![1];
  for (const match of body.matchAll(ID_CARD)) {
    findings.push({
      id: `id-card:${match[0]}`,
      field: '正文',
      position: charPosition(body, match.index),
      message: `含身份证号码 ${masked(match[0])}：发布前请确认已获授权或打码`,
    });
  }
  for (const match of body.matchAll(MOBILE)) {
    findings.push({
      id: `mobile:${match[0]}`,
      field: '正文',
      position: charPosition(body, match.index),
      message: `含手机号码 ${masked(match[0])}：发布前请确认已获授权或打码`,
    });
  }
  if (article.source.trim() === '') findings.push({ id: 'missing:source', field: '来源', position: null, message: '来源为空' });
  if (article.author.trim() === '') findings.push({ id: 'missing:author', field: '作者', position: null, message: '作者为空' });
  return findings;
}

/** The findings not acknowledged (by id). */
export function unacknowledged(findings: readonly Finding[], acknowledged: readonly string[]): Finding[] {
  const ticked = new Set(acknowledged);
  return findings.filter((finding) => !ticked.has(finding.id));
}
