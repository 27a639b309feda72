// The texts of the 专题 area (/admin/topics). One table per area: see site.ts.

export const TOPICS_MESSAGES = {
  listTitle: '专题',
  newTitle: '新建专题',
  editTitle: (title: string) => `编辑专题：${title}`,
  created: (title: string) => `专题“${title}”已创建。`,
  updated: (title: string) => `专题“${title}”已保存。`,
  deleted: (title: string) => `专题“${title}”已删除，其中的文章不受影响。`,
  notFound: '没有这个专题。',
  titleMissing: '请填写专题名称。',
  titleTooLong: (max: number) => `专题名称不能超过 ${max} 个字。`,
  slugInvalid: '网址别名只能用小写字母、数字和连字符（以字母或数字开头，最多 64 个字符）。',
  slugTaken: '这个网址别名已被另一个专题使用。',
  introTooLong: (max: number) => `专题简介不能超过 ${max} 个字。`,
  coverInvalid: '封面须是本站图片的地址（以 /uploads/ 或 /images/ 开头），可先在“上传图片”里上传。',
  statusInvalid: '请选择专题状态。',
  articleIdsInvalid: '文章编号只能是正整数，每行一个或用逗号分隔。',
  tooManyArticles: (max: number) => `一个专题最多收录 ${max} 篇文章。`,
  unknownArticles: (ids: readonly number[]) => `没有这些编号的文章：${ids.join('、')}。`,
} as const;
