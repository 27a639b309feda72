// The inline diff a reviewer reads (三审): what changed in the title, summary and body text since
// the last approved version. Chinese is compared character by character, Latin letters and digits
// word by word (a changed word shows whole), so "2025年" -> "2026年" marks the digit run, not a
// stray character of it.
import { diffArrays } from 'diff';
import type { ArticleFields } from '../repositories/article-repository.js';
import type { ArticleRevision } from '../repositories/article-revision-repository.js';
import type { WorkflowEvent } from '../repositories/workflow-repository.js';
import { htmlToPlainText } from '../lib/search-tokens.js';

export interface DiffPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

/** Latin words and numbers, runs of spaces, and every other character on its own. */
const TOKEN = /[A-Za-z0-9]+|\s+|[\s\S]/gu;

export function textDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const part of diffArrays(before.match(TOKEN) ?? [], after.match(TOKEN) ?? [])) {
    const change = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const text = part.value.join('');
    const last = parts.at(-1);
    if (last && last.change === change) last.text += text;
    else parts.push({ text, change });
  }
  return parts;
}

export interface FieldDiff {
  label: string;
  parts: DiffPart[];
  changed: boolean;
}

/** Title, summary and body text of two versions, compared. */
export function articleDiff(
  before: Pick<ArticleFields, 'title' | 'summary' | 'bodyHtml'>,
  after: Pick<ArticleFields, 'title' | 'summary' | 'bodyHtml'>,
): FieldDiff[] {
  const fields: [string, string, string][] = [
    ['标题', before.title, after.title],
    ['摘要', before.summary, after.summary],
    ['正文', htmlToPlainText(before.bodyHtml), htmlToPlainText(after.bodyHtml)],
  ];
  return fields.map(([label, old, current]) => ({ label, parts: textDiff(old, current), changed: old !== current }));
}

/**
 * The version last approved (初审/复审 passed, or signed off): the newest revision saved before the
 * newest approval. Undefined when no level has approved the article yet.
 */
export function lastApprovedRevision(
  revisions: readonly ArticleRevision[],
  history: readonly WorkflowEvent[],
): ArticleRevision | undefined {
  const approval = history.filter((event) => event.action === 'approve' || event.action === 'sign').at(-1);
  if (!approval) return undefined;
  return [...revisions].filter((revision) => revision.createdAt <= approval.createdAt).sort((a, b) => b.id - a.id)[0];
}
