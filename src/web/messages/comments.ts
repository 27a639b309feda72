// The texts of comment moderation (/admin/comments): the queue, its tabs and actions, and the
// moderation settings (the mode, the sensitive words). The mode labels are the moderation
// service's (MODE_LABELS). One table per area: see site.ts.

export const COMMENTS_MESSAGES = {
  queueTitle: '评论管理',
  settingsTitle: '评论审核设置',
  /** the queue's tabs */
  statusLabels: { pending: '待审核', approved: '已通过', rejected: '已拒绝', spam: '垃圾评论', deleted: '已删除' },
  /** the buttons of the queue */
  actionLabels: { approve: '通过', reject: '拒绝', spam: '标为垃圾', delete: '删除' },
  done: {
    approve: (n: number) => `已通过 ${n} 条评论。`,
    reject: (n: number) => `已拒绝 ${n} 条评论。`,
    spam: (n: number) => `已将 ${n} 条评论标为垃圾评论。`,
    delete: (n: number) => `已删除 ${n} 条评论。`,
  },
  unchanged: '所选评论已经是这个状态，没有改动。',
  nothingSelected: '请先勾选要处理的评论。',
  unknownAction: '未知的评论操作。',
  unknownStatus: '评论状态只能是 pending、approved、rejected、spam 或 deleted。',
  badIds: '评论编号不正确。',
  commentGone: '这条评论不存在或已被删除。',
  modeInvalid: '请选择评论审核方式。',
  modeSaved: (label: string) => `评论审核方式已改为：${label}。`,
  modeUnchanged: '评论审核方式没有变化。',
  wordEmpty: '请填写敏感词。',
  wordOnlySymbols: '敏感词不能只由标点、符号或空格组成。',
  wordTooLong: (max: number) => `敏感词不能超过 ${max} 个字。`,
  wordExists: (word: string) => `“${word}”已在敏感词列表中。`,
  wordAdded: (word: string) => `已添加敏感词“${word}”。`,
  wordRemoved: (word: string) => `已删除敏感词“${word}”。`,
  wordGone: '这个敏感词不存在或已被删除。',
  /** the comment switch of categories and articles */
  policyLabels: { open: '开放评论', closed: '关闭评论（已有评论仍显示）', hidden: '关闭评论并隐藏已有评论' },
  followCategory: (label: string) => `按栏目设置（${label}）`,
  policyInvalid: '请选择评论设置。',
  /** how long a comment has waited for review */
  waited: (minutes: number) =>
    minutes < 60
      ? `已等待 ${Math.max(minutes, 0)} 分钟`
      : minutes < 1440
        ? `已等待 ${Math.floor(minutes / 60)} 小时`
        : `已等待 ${Math.floor(minutes / 1440)} 天`,
} as const;
