// The texts of the polls area (投票调查, /admin/polls): the poll form and its outcomes, the
// sidebar choice. A missing poll is the site table's pollNotFound. One table per area: see
// site.ts.

export const POLLS_MESSAGES = {
  created: '调查已创建。',
  updated: '调查已保存，已有的票数都保留着。',
  deleted: (question: string) => `调查“${question}”已删除。`,
  inSidebar: (question: string) => `侧栏现在显示调查“${question}”。`,
  inSidebarNotOpen: (question: string) => `侧栏现在显示调查“${question}”（注意：这项调查目前不在进行中）。`,
  sidebarAuto: '侧栏现在自动显示最新的进行中调查。',
  questionMissing: '请填写调查问题。',
  questionLength: (min: number, max: number) => `调查问题须为 ${min}-${max} 个字。`,
  choiceInvalid: '请选择单选或多选。',
  startMissing: '请填写开始时间。',
  dateInvalid: '时间格式不正确，请按“年-月-日 时:分”填写。',
  endBeforeStart: '结束时间必须晚于开始时间。',
  optionsCount: (min: number, max: number) => `选项须为 ${min}-${max} 个（每行一个，空行不算）。`,
  optionTooLong: (label: string, max: number) => `选项“${label.slice(0, 10)}…”超过 ${max} 个字。`,
  optionDuplicate: (label: string) => `选项“${label}”重复了。`,
  optionHasVotes: (label: string, votes: number) =>
    `选项“${label}”已有 ${votes} 票，不能删除。可以修改它的文字，或结束这项调查后另建一项。`,
  unknownOption: '提交的选项不属于这项调查，请刷新页面后重试。',
} as const;
