// The rules of 三审: which stages a category's levels mean, and who may take which step.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReviewStage, Role } from '../../../src/domain/types.js';
import {
  changeStateName,
  hasRole,
  holderName,
  mayApprove,
  mayDiscardChange,
  mayEdit,
  mayProposeChange,
  mayReturn,
  mayTrash,
  maySign,
  maySubmit,
  nextStepName,
  proposesChange,
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

  it('the trash: a reporter moves only their own draft out of review; editors any article', () => {
    assert.deepEqual(mayTrash(user('reporter'), draft(0)), { allowed: true, override: false });
    assert.deepEqual(mayTrash(user('reporter', 8), draft(0)), { allowed: false, refusal: 'not-own' });
    assert.deepEqual(mayTrash(user('reporter'), draft(1)), { allowed: false, refusal: 'wrong-stage' });
    assert.deepEqual(mayTrash(user('reporter'), { ...draft(0), status: 'scheduled' }), { allowed: false, refusal: 'wrong-stage' });
    assert.deepEqual(mayTrash(user('editor', 8), draft(2)), { allowed: true, override: false });
  });

  it('a reporter’s change to their signed article (修改稿) goes through review; editors correct directly', () => {
    const signed = (reviewStage: ReviewStage, hasPendingChange = true, createdBy: number | null = 7) => ({
      status: 'published' as const,
      reviewStage,
      createdBy,
      hasPendingChange,
    });
    assert.ok(proposesChange(user('reporter'), signed(0, false)));
    assert.ok(!proposesChange(user('editor'), signed(0, false)) && !proposesChange(user('reporter'), draft(0)));
    assert.deepEqual(mayProposeChange(user('reporter'), signed(0, false)), { allowed: true, override: false });
    assert.deepEqual(mayProposeChange(user('reporter'), signed(0)), { allowed: true, override: false }, 'a returned change is revised');
    assert.deepEqual(mayProposeChange(user('reporter'), signed(1)), { allowed: false, refusal: 'wrong-stage' }, 'not while in review');
    assert.deepEqual(mayProposeChange(user('reporter', 8), signed(0, false)), { allowed: false, refusal: 'not-own' });
    assert.deepEqual(mayProposeChange(user('reporter'), { ...signed(0, false), retractedAt: 1 }), { allowed: false, refusal: 'retracted' });

    assert.deepEqual(maySubmit(user('reporter'), signed(0)), { allowed: true, override: false }, 'a returned change is resubmitted');
    assert.deepEqual(maySubmit(user('reporter'), signed(0, false)), { allowed: false, refusal: 'signed' }, 'no change, nothing to submit');
    assert.deepEqual(maySign(user('chief'), signed(3), 2, []), { allowed: true, override: false });
    assert.deepEqual(maySign(user('chief'), signed(1), 2, []), { allowed: false, refusal: 'wrong-stage' });
    assert.deepEqual(maySign(user('chief'), signed(0), 1, []), { allowed: false, refusal: 'wrong-stage' }, 'a change is always reviewed');
    assert.deepEqual(maySign(user('chief'), signed(3, false), 2, []), { allowed: false, refusal: 'signed' });
    assert.deepEqual(maySign(user('admin'), signed(1), 2, []), { allowed: true, override: true });

    assert.deepEqual(mayDiscardChange(user('reporter'), signed(1)), { allowed: true, override: false });
    assert.deepEqual(mayDiscardChange(user('editor', 9), signed(3)), { allowed: true, override: false });
    assert.deepEqual(mayDiscardChange(user('reporter', 8), signed(1)), { allowed: false, refusal: 'not-own' });
    assert.deepEqual(mayDiscardChange(user('editor'), signed(0, false)), { allowed: false, refusal: 'wrong-stage' });

    assert.equal(changeStateName(signed(2)), '修改稿待复审');
    assert.equal(changeStateName(signed(0)), '修改稿待作者修改后重新提交');
    assert.equal(changeStateName(signed(0, false)), '');
    assert.equal(holderName(signed(3), '李记者'), '主编（终审）');
    assert.equal(holderName(signed(0), '李记者'), '作者 李记者');
    assert.equal(nextStepName(signed(0), 2), '提交初审');
    assert.equal(nextStepName(signed(0, false), 2), '');
  });
});
