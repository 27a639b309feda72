// The texts of the categories area (栏目, /admin/categories), and of the category choice other
// admin forms ask for. A missing category is the site table's categoryNotFound. One table per
// area: see site.ts.

export const CATEGORIES_MESSAGES = {
  created: (name: string) => `栏目“${name}”已创建，已出现在网站导航中。`,
  updated: (name: string) => `栏目“${name}”已保存。`,
  deleted: (name: string) => `栏目“${name}”已删除。`,
  hasArticles: (name: string, count: number) =>
    `栏目“${name}”下还有文章（${count} 篇，含回收站中的文章），不能删除。请先把这些文章移到其他栏目或永久删除。`,
  nameMissing: '请填写栏目名称。',
  nameTooLong: (max: number) => `栏目名称不能超过 ${max} 个字。`,
  slugInvalid: '网址别名只能由 1-40 个小写字母、数字和连字符（-）组成，例如 law-news。',
  slugTaken: '这个网址别名已被其他栏目使用，请换一个。',
  descriptionTooLong: (max: number) => `栏目简介不能超过 ${max} 个字。`,
  sortOrderInvalid: '排序必须是 -9999 到 9999 之间的整数。',
  categoryMissing: '请选择栏目。',
  reviewLevelsInvalid: '审核级数只能是一审、二审或三审。',
} as const;
