// The reviewer's diff: Chinese character by character, Latin words and numbers whole; the version
// last approved is the newest revision saved before the newest approval.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleRevision } from '../../../src/repositories/article-revision-repository.js';
import type { WorkflowEvent } from '../../../src/repositories/workflow-repository.js';
import { articleDiff, lastApprovedRevision, textDiff } from '../../../src/services/text-diff.js';

const marked = (before: string, after: string) =>
  textDiff(before, after)
    .map((part) => (part.change === 'added' ? `[+${part.text}]` : part.change === 'removed' ? `[-${part.text}]` : part.text))
    .join('');

describe('text diff', () => {
  it('marks Chinese character by character and Latin runs word by word', () => {
    assert.equal(marked('小区停水三天', '小区停水两天'), '小区停水[-三][+两]天');
    assert.equal(marked('2025年的报道', '2026年的报道'), '[-2025][+2026]年的报道');
    assert.equal(marked('by Zhang San', 'by Zhang Si'), 'by Zhang [-San][+Si]');
    assert.equal(marked('相同', '相同'), '相同');
    assert.equal(marked('', '新增'), '[+新增]');
  });

  it('compares title, summary and the body as plain text', () => {
    const fields = articleDiff(
      { title: '标题', summary: '摘要', bodyHtml: '<p>第一段<b>加粗</b></p>' },
      { title: '标题', summary: '新摘要', bodyHtml: '<p>第一段<b>加粗</b>和补充</p>' },
    );
    assert.deepEqual(
      fields.map((field) => [field.label, field.changed]),
      [
        ['标题', false],
        ['摘要', true],
        ['正文', true],
      ],
    );
    assert.ok(fields[2]!.parts.some((part) => part.change === 'added' && part.text === '和补充'));
  });

  it('finds the version last approved', () => {
    const revision = (id: number, createdAt: number) => ({ id, createdAt }) as ArticleRevision;
    const event = (action: WorkflowEvent['action'], createdAt: number) => ({ action, createdAt }) as WorkflowEvent;
    const revisions = [revision(1, 10), revision(2, 20), revision(3, 40)];
    assert.equal(lastApprovedRevision(revisions, [event('submit', 15)]), undefined, 'nothing approved yet');
    assert.equal(lastApprovedRevision(revisions, [event('submit', 15), event('approve', 30), event('note', 45)])?.id, 2);
    assert.equal(lastApprovedRevision(revisions, [event('approve', 30), event('sign', 50)])?.id, 3);
  });
});
