// The texts of the static pages area (单页, /admin/pages). A missing title and a missing body
// read as in the article editor (the articles table's titleMissing and bodyMissing), a too long
// title as everywhere (the site table's titleTooLong). One table per area: see site.ts.

export const PAGES_MESSAGES = {
  created: (title: string, slug: string) => `单页“${title}”已创建，网址为 /page/${slug}。`,
  updated: (title: string) => `单页“${title}”已保存。`,
  notFound: '没有这个单页。',
  slugInvalid: '网址别名只能由 1-64 个小写字母、数字和连字符（-）组成，例如 join-us。',
  slugTaken: '这个网址别名已有单页使用，请换一个，或直接编辑那个单页。',
  bodyTooLong: (max: number) => `正文过长（不能超过 ${max} 个字符）。`,
} as const;
