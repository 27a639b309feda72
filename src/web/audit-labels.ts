// Readable names of the actions the audit log records; unknown ones are shown as stored.

const ACTION_LABELS: Record<string, string> = {
  'user.login': '登录',
  'user.logout': '退出',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.password': '修改自己的密码',
  'user.delete': '删除用户',
  'settings.update': '修改设置',
  'comment.approve': '通过评论',
  'comment.reject': '拒绝评论',
  'comment.spam': '标为垃圾评论',
  'comment.delete': '删除评论',
  'sensitive-word.add': '添加敏感词',
  'sensitive-word.delete': '删除敏感词',
  'article.create': '新建文章',
  'article.update': '修改文章',
  'article.trash': '文章移入回收站',
  'article.restore': '恢复文章',
  'article.purge': '永久删除文章',
  'article.revision.restore': '恢复文章版本',
  'upload.create': '上传图片',
  'category.create': '新建栏目',
  'category.update': '修改栏目',
  'category.delete': '删除栏目',
  'poll.create': '新建投票',
  'poll.update': '修改投票',
  'poll.delete': '删除投票',
  'poll.sidebar': '设置侧栏投票',
  'staff.create': '新建人员记录',
  'staff.update': '修改人员记录',
  'staff.delete': '删除人员记录',
  'submission.archive': '归档投稿',
  'submission.restore': '恢复投稿',
  'submission.draft': '投稿转为草稿',
  'page.create': '新建单页',
  'page.update': '修改单页',
};

export function auditActionLabel(action: string): string {
  return Object.hasOwn(ACTION_LABELS, action) ? ACTION_LABELS[action]! : action;
}
