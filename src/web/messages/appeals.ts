// The texts of 评论申诉 (commenters' appeals) and of the appeals in the editors' report queue.
// One table per area: see site.ts.
import type { AppealDecision } from '../../repositories/appeal-repository.js';

export const APPEALS_MESSAGES = {
  title: '评论申诉',
  created: '申诉已提交，我们将尽快复核，请凭申诉码查询结果。',
  pending: '已受理，正在复核。',
  unknownCode: '没有找到这个申诉码对应的评论，请检查后重试。',
  notRemoved: '这条评论没有被隐藏，无需申诉。',
  alreadyOpen: '这条评论的申诉正在复核，请勿重复提交。',
  reasonMissing: '请写明申诉理由。',
  reasonTooLong: (max: number) => `申诉理由不能超过 ${max} 个字。`,
  decisions: { restore: '经复核，评论已恢复显示', uphold: '经复核，维持原处理' } satisfies Record<AppealDecision, string>,
  decided: { restore: '已恢复评论，申诉已处理。', uphold: '已维持原处理，申诉已处理。' } satisfies Record<AppealDecision, string>,
  decisionInvalid: '未知的处理方式。',
  nothingOpen: '这条申诉已经处理过了。',
} as const;
