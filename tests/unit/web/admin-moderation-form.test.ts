// The comment moderation requests: tab and page, action, ticked ids, mode and sensitive word.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Request } from 'express';
import {
  parseBulkModeration,
  parseModeForm,
  parseQueueView,
  parseRowModeration,
  parseWordForm,
  WORD_MAX,
} from '../../../src/web/forms/admin-moderation-form.js';
import { COMMENTS_MESSAGES } from '../../../src/web/messages/comments.js';

function request(query: Record<string, unknown>, body: unknown = {}, params: Record<string, string> = {}): Request<{ id: string }> {
  return { query, body, params } as unknown as Request<{ id: string }>;
}

describe('the comment queue view', () => {
  it('is pending, page 1 when nothing is asked', () => {
    assert.deepEqual(parseQueueView(request({})), { status: 'pending', page: 1 });
    assert.deepEqual(parseQueueView(request({ status: '', page: '' })), { status: 'pending', page: 1 });
    assert.deepEqual(parseQueueView(request({ status: 'spam', page: '3' })), { status: 'spam', page: 3 });
  });

  it('refuses an unknown status with a 400', () => {
    assert.throws(() => parseQueueView(request({ status: 'removed' })), { status: 400, message: COMMENTS_MESSAGES.unknownStatus });
    assert.throws(() => parseQueueView(request({ status: ['spam', 'pending'] })), { status: 400 });
  });
});

describe('moderation actions', () => {
  it('reads the bulk action and the ticked ids, without duplicates', () => {
    const parsed = parseBulkModeration(request({ status: 'pending' }, { action: 'approve', ids: ['3', '5', '3'] }));
    assert.deepEqual(parsed, { status: 'pending', page: 1, action: 'approve', ids: [3, 5] });
    assert.deepEqual(parseBulkModeration(request({}, { action: 'spam', ids: '9' })).ids, [9]);
    assert.deepEqual(parseBulkModeration(request({}, { action: 'delete' })).ids, [], 'none ticked');
  });

  it('refuses an unknown action or a malformed id with a 400', () => {
    assert.throws(() => parseBulkModeration(request({}, { action: 'publish', ids: '1' })), {
      status: 400,
      message: COMMENTS_MESSAGES.unknownAction,
    });
    for (const ids of ['0', '01', '1e3', '-1', '9'.repeat(16), ['1', { x: 1 }]]) {
      assert.throws(() => parseBulkModeration(request({}, { action: 'approve', ids })), { status: 400, message: COMMENTS_MESSAGES.badIds });
    }
  });

  it('reads a row action with the comment of its route (404 for a malformed id)', () => {
    assert.deepEqual(parseRowModeration(request({ status: 'approved', page: '2' }, { action: 'reject' }, { id: '12' })), {
      status: 'approved',
      page: 2,
      action: 'reject',
      id: 12,
    });
    assert.throws(() => parseRowModeration(request({}, { action: 'reject' }, { id: 'x' })), { status: 404 });
  });
});

describe('moderation settings', () => {
  it('reads the mode', () => {
    assert.deepEqual(parseModeForm({ commentModeration: 'review' }), { mode: 'review', error: undefined });
    assert.deepEqual(parseModeForm({ commentModeration: 'never' }), { mode: undefined, error: '请选择评论审核方式。' });
  });

  it('normalises a sensitive word as the filter matches it', () => {
    assert.deepEqual(parseWordForm({ word: '  ＡＢ　c！ ' }), { input: 'ＡＢ　c！', word: 'abc', error: undefined });
  });

  it('refuses an empty word, one of symbols only, and a too long one', () => {
    assert.equal(parseWordForm({ word: '  ' }).error, COMMENTS_MESSAGES.wordEmpty);
    assert.equal(parseWordForm({ word: '！？ …' }).error, COMMENTS_MESSAGES.wordOnlySymbols);
    assert.equal(parseWordForm({ word: '字'.repeat(WORD_MAX + 1) }).error, `敏感词不能超过 ${WORD_MAX} 个字。`);
    assert.equal(parseWordForm({ word: '字'.repeat(WORD_MAX) }).error, undefined);
  });
});
