// The texts of the submissions inbox (投稿信箱, /admin/submissions). What readers are told when
// they submit is in site.ts. One table per area: see site.ts.

export const SUBMISSIONS_MESSAGES = {
  unknownTab: '没有这个投稿分类。',
  notFound: '没有这篇投稿。',
  archived: '投稿已归档。',
  restored: '投稿已移回“已读”。',
  alreadyArchived: '这篇投稿已经归档了。',
  notArchived: '这篇投稿不在归档中。',
  drafted: '已根据投稿创建草稿，请编辑后发布。',
  alreadyDrafted: '这篇投稿已转为草稿文章，现在打开它。',
} as const;
