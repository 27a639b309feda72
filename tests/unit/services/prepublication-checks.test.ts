// 发布前检查: sensitive words (disguised too), 规范表述, ID card and mobile numbers in the body, an
// empty 来源 or 作者; each with its field and position, and an id that acknowledgement refers to.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUsageRules, prepublicationFindings, unacknowledged } from '../../../src/services/prepublication-checks.js';

const lists = { sensitiveWords: ['代开发票'], usageRules: parseUsageRules('截止目前→截至目前；再接再励=再接再厉；坏的规则；→空') };

describe('pre-publication checks', () => {
  it('reads the usage list: wrong→right (or =) pairs separated by semicolons, skipping broken ones', () => {
    assert.deepEqual(lists.usageRules, [
      { wrong: '截止目前', right: '截至目前' },
      { wrong: '再接再励', right: '再接再厉' },
    ]);
  });

  it('finds each kind with its field and position', () => {
    const findings = prepublicationFindings(
      {
        title: '截止目前的进展',
        summary: '',
        bodyHtml: '<p>当事人身份证号110101199003071234，电话13812345678，有人兜售代*开*发*票。</p>',
        author: '记者',
        source: '',
      },
      lists,
    );
    assert.deepEqual(
      findings.map((f) => [f.id, f.field, f.position]),
      [
        ['usage:标题:截止目前', '标题', 1],
        ['sensitive:正文:代开发票', '正文', null],
        ['id-card:110101199003071234', '正文', 8],
        ['mobile:13812345678', '正文', 29],
        ['missing:source', '来源', null],
      ],
    );
    assert.match(findings[2]!.message, /110\*\*\*\*1234/, 'the number is masked in the message');
    assert.match(findings[0]!.message, /“截止目前”应为“截至目前”/);
  });

  it('leaves alone what only looks like a number, and a clean article', () => {
    const clean = prepublicationFindings(
      { title: '标题', summary: '摘要', bodyHtml: '<p>订单号 2138123456789012 和 1234567890123456789</p>', author: '记者', source: '本网' },
      lists,
    );
    assert.deepEqual(clean, []);
  });

  it('tells which findings are not acknowledged', () => {
    const findings = prepublicationFindings({ title: 't', summary: '', bodyHtml: '<p>x</p>', author: '', source: '' }, lists);
    assert.deepEqual(
      unacknowledged(findings, ['missing:author']).map((f) => f.id),
      ['missing:source'],
    );
    assert.deepEqual(unacknowledged(findings, ['missing:source', 'missing:author']), []);
  });
});
