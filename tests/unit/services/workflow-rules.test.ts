// The rules of 三审: which stages a category's levels mean, and who may take which step.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReviewStage, Role } from '../../../src/domain/types.js';
import {
  hasRole,
  holderName,
  mayApprove,
  mayEdit,
  mayReturn,
  maySign,
  maySubmit,
  nextStepName,
  stageAfter,
  stagesFor,
  stateOf,
} from '../../../src/services/workflow-rules.js';

const user = (role: Role, id = 7) => ({ id, role });
const draft = (reviewStage: ReviewStage, createdBy: number | null = 7) => ({ status: 'draft' as const, reviewStage, createdBy });

describe('workflow rules', () => {
  it('levels name the stages: 终审; 初审 and 终审; 初审, 复审 and 终审', () => {
    assert.deepEqual(stagesFor(1), [3]);
    assert.deepEqual(stagesFor(2), [1, 3]);
    assert.deepEqual(stagesFor(3), [1, 2, 3]);
    assert.equal(stageAfter(2, 1), 3);
    assert.equal(stageAfter(3, 1), 2);
    assert.equal(stageAfter(3, 3), 0);
    assert.equal(nextStepName(draft(0), 3), '提交初审');
    assert.equal(nextStepName(draft(0), 1), '提交终审');
    assert.equal(nextStepName(draft(3), 3), '终审签发');
    assert.equal(stateOf(draft(2)), 'review2');
    assert.equal(stateOf({ status: 'scheduled', reviewStage: 0, createdBy: null }), 'scheduled');
  });

  it('names who holds the article: its writer while a draft, the reviewers of its stage, nobody once signed', () => {
    assert.equal(holderName(draft(0), '李记者'), '作者 李记者');
    assert.equal(holderName(draft(0), undefined), '作者');
    assert.equal(holderName(draft(1), '李记者'), '编辑（初审）');
    assert.equal(holderName(draft(3), '李记者'), '主编（终审）');
    assert.equal(holderName({ ...draft(0), status: 'published' }, '李记者'), '');
    assert.equal(holderName({ ...draft(0), retractedAt: 1 }, '李记者'), '');
  });

  it('roles are ranked: each can do what the ones below it can', () => {
    assert.ok(hasRole('admin', 'chief') && hasRole('chief', 'editor') && hasRole('editor', 'reporter'));
    assert.ok(!hasRole('reporter', 'editor') && !hasRole('editor', 'chief') && !hasRole('chief', 'admin'));
  });

  it('a reporter edits and submits only their own draft out of review', () => {
    assert.deepEqual(mayEdit(user('reporter'), draft(0)), { allowed: true, override: false });
    assert.deepEqual(mayEdit(user('reporter'), draft(0, 8)), { allowed: false, refusal: 'not-own' });
    assert.deepEqual(mayEdit(user('reporter'), draft(1)), { allowed: false, refusal: 'wrong-stage' });
    assert.deepEqual(mayEdit(user('editor'), draft(1, 8)).allowed, true);
    assert.deepEqual(maySubmit(user('reporter'), draft(0, 8)), { allowed: false, refusal: 'not-own' });
    assert.deepEqual(maySubmit(user('editor'), draft(2)), { allowed: false, refusal: 'wrong-stage' });
    assert.deepEqual(maySubmit(user('editor'), { ...draft(0), status: 'published' }), { allowed: false, refusal: 'signed' });
  });

  it('editors approve 初审 and 复审 once per round; chiefs and admins may too; reporters never', () => {
    assert.equal(mayApprove(user('editor'), draft(1), []).allowed, true);
    assert.equal(mayApprove(user('chief'), draft(2), []).allowed, true);
    assert.deepEqual(mayApprove(user('reporter'), draft(1), []), { allowed: false, refusal: 'role' });
    assert.deepEqual(mayApprove(user('editor'), draft(2), [7]), { allowed: false, refusal: 'same-person' });
    assert.deepEqual(mayApprove(user('admin'), draft(2), [7]), { allowed: true, override: true });
    assert.deepEqual(mayApprove(user('editor'), draft(3), []), { allowed: false, refusal: 'wrong-stage' }, '终审 is signed, not approved');
    assert.deepEqual(mayApprove(user('editor'), draft(0), []), { allowed: false, refusal: 'wrong-stage' });
  });

  it('chiefs sign at 终审, or a draft where 终审 is the only level; admins anywhere, as an override', () => {
    assert.deepEqual(maySign(user('chief'), draft(3), 2, []), { allowed: true, override: false });
    assert.deepEqual(maySign(user('chief'), draft(0), 1, []), { allowed: true, override: false });
    assert.deepEqual(maySign(user('chief'), draft(0), 2, []), { allowed: false, refusal: 'wrong-stage' });
    assert.deepEqual(maySign(user('chief'), draft(1), 3, []), { allowed: false, refusal: 'wrong-stage' });
    assert.deepEqual(maySign(user('chief'), draft(3), 3, [7]), { allowed: false, refusal: 'same-person' });
    assert.deepEqual(maySign(user('editor'), draft(3), 2, []), { allowed: false, refusal: 'role' });
    assert.deepEqual(maySign(user('admin'), draft(3), 2, []), { allowed: true, override: false });
    assert.deepEqual(maySign(user('admin'), draft(0), 3, []), { allowed: true, override: true });
    assert.deepEqual(maySign(user('admin'), draft(3), 3, [7]), { allowed: true, override: true });
    assert.deepEqual(maySign(user('admin'), { ...draft(0), status: 'published' }, 1, []), { allowed: false, refusal: 'signed' });
  });

  it('whoever acts at a stage may send it back', () => {
    assert.equal(mayReturn(user('editor'), draft(1)).allowed, true);
    assert.deepEqual(mayReturn(user('editor'), draft(3)), { allowed: false, refusal: 'role' });
    assert.equal(mayReturn(user('chief'), draft(3)).allowed, true);
    assert.deepEqual(mayReturn(user('chief'), draft(0)), { allowed: false, refusal: 'wrong-stage' });
  });
});
