// The texts of 举报 (readers' reports of comments), the 处理结果 page and the editors' report
// queue. One table per area: see site.ts.
import type { ReportDecision } from '../../repositories/report-repository.js';
import type { ReportReason } from '../../services/report-service.js';

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  illegal: '违法违规',
  rumour: '谣言、不实信息',
  abuse: '人身攻击、辱骂',
  vulgar: '色情低俗',
  privacy: '泄露他人隐私',
  spam: '垃圾广告',
  other: '其他',
};

export const REPORT_DECISION_LABELS: Record<ReportDecision, string> = {
  keep: '经审核，评论未违反规定，予以保留',
  hide: '经审核，评论已被隐藏',
  delete: '经审核，评论已被删除',
};

export const REPORTS_MESSAGES = {
  title: '举报评论',
  doneTitle: '举报已提交',
  statusTitle: '举报处理结果',
  reasonMissing: '请选择举报理由。',
  detailTooLong: (max: number) => `补充说明不能超过 ${max} 个字。`,
  detailNeeded: '选择“其他”时，请写明理由。',
  duplicate: '您已经举报过这条评论，请勿重复举报。',
  commentGone: '这条评论不存在或已不再显示。',
  tooMany: '举报过于频繁，请稍后再试。',
  lookupTooMany: '查询过于频繁，请稍后再试。',
  codeInvalid: '回执码格式不正确：16 位字母和数字，例如 ABCD-EFGH-JKMN-PQRS。',
  codeUnknown: '没有找到这个回执码对应的举报，请检查后重试。',
  pending: '已受理，正在处理。',
  queueTitle: '评论举报',
  decisionInvalid: '未知的处理方式。',
  decided: { keep: '已保留评论，举报已处理。', hide: '已隐藏评论，举报已处理。', delete: '已删除评论，举报已处理。' } satisfies Record<
    ReportDecision,
    string
  >,
  nothingOpen: '这条评论没有待处理的举报。',
} as const;
