// The texts readers are shown (flash, errors, the titles and descriptions controllers give their
// pages), and those every area shares: HTTP-level refusals, a missing page, a repeated field.
// One table per area in src/web/messages/, used by that area's forms, controllers and
// middleware; a text lives in one table only (others reference it). Tables import no code of
// the app: a limit is a parameter of the text that names it. Page wording lives in the views.

export const SITE_MESSAGES = {
  // comments
  commentPublished: '评论已发表，感谢您的参与。',
  commentAwaitsReview: '评论已提交，审核通过后将显示。',
  commentsClosed: '本文已关闭评论。',
  appealCodeGiven: (code: string) => `您的申诉码：${code}。评论如被隐藏，可凭此码在“评论申诉”页面（/appeal）申诉，请自行保存。`,
  commentsHidden: '本文已关闭评论，评论不再显示。',
  commentsReviewedFirst: '本站评论经审核后显示。',
  commentDuplicate: '这条评论已经发表过了，请勿重复提交。',
  commentTooSoon: '发表评论太频繁了：同一网络每 15 秒只能发表一条评论，请稍后再试。',
  commentHourlyCap: '您在一小时内发表的评论已达上限，请稍后再试。',
  commentOrderInvalid: '排序方式只能是 oldest 或 newest。',
  replyParentInvalid: '要回复的评论编号无效。',
  replyParentGone: '要回复的评论不存在或没有显示。',
  replyToReply: '只能回复楼层里的评论，不能回复别人的回复。',
  replyOtherArticle: '要回复的评论不属于这篇文章。',
  replyPublished: '回复已发表，感谢您的参与。',
  replyAwaitsReview: '回复已提交，审核通过后将显示。',
  newReplyTitle: (floor: number | null, articleTitle: string) => `回复${floor ?? ''}楼：${articleTitle}`,
  nicknameMissing: '请填写网名。',
  nicknameTooLong: (max: number) => `网名不能超过 ${max} 个字。`,
  commentTooShort: (min: number) => `评论内容至少 ${min} 个字。`,
  commentTooLong: (max: number, length: number) => `评论内容不能超过 ${max} 个字（现在 ${length} 个）。`,
  newCommentTitle: (articleTitle: string) => `发表评论：${articleTitle}`,
  commentsTitle: (articleTitle: string) => `评论：${articleTitle}`,
  // captcha
  captchaEmpty: '请填写验证码。',
  captchaWrong: '验证码不正确，请看新图片重新输入。',
  captchaExpired: '验证码已过期，请看新图片重新输入。',
  captchaMissing: '验证码已失效，请看新图片重新输入。',
  captchaTooMany: '获取验证码过于频繁，请一分钟后再试。',
  captchaUnknownPurpose: '未知的验证码用途。',
  // shared by every area
  adminOnly: '只有管理员可以进行此操作。',
  correctionsTitle: '更正与更新',
  correctionsDescription: '本网报道的更正与更新说明，按时间从新到旧排列。',
  roleNeeded: (role: string) => `这部分需要${role}或更高的角色。`,
  csrfFailed: '页面已过期或请求来源无效，请刷新页面后重试。',
  crossSiteRefused: '这个请求来自其他网站，已被拒绝。请在本站页面上操作。',
  formEncoding: '表单编码不正确。',
  formNotUtf8: '表单编码不正确（不是有效的 UTF-8）。',
  formOnly: '请通过网页表单提交。',
  fieldOnce: (name: string) => `字段 ${name} 只能提交一次。`,
  titleTooLong: (max: number) => `标题不能超过 ${max} 个字。`,
  nameTooLong: (max: number) => `姓名不能超过 ${max} 个字。`,
  paramOnce: (name: string) => `参数 ${name} 只能出现一次。`,
  pageNumberInvalid: '页码必须是正整数。',
  requestInvalid: '请求参数不正确。',
  pageNotFound: '您访问的页面不存在或已被删除。',
  noSuchPage: '没有这一页。',
  serverError: '服务器暂时无法处理您的请求，请稍后再试。',
  unavailable: '网站的数据库暂时无法连接，请稍后再试。如果您刚才提交了内容，它没有被保存。',
  // articles and categories
  articleNotFound: '这篇文章不存在或已被删除。',
  categoryNotFound: '没有这个栏目。',
  categoryPageTitle: (name: string, page: number) => (page === 1 ? name : `${name}（第${page}页）`),
  // tags, 专题, author pages
  tagNotFound: '没有这个标签。',
  tagTitle: (name: string) => `标签：${name}`,
  tagDescription: (name: string, siteName: string) => `${siteName}标注为“${name}”的文章。`,
  topicNotFound: '没有这个专题。',
  topicTitle: (title: string) => `专题：${title}`,
  authorNotFound: '没有这位作者。',
  authorTitle: (name: string) => `作者：${name}`,
  authorDescription: (name: string, siteName: string) => `${siteName}${name}的报道，以及本网人员身份信息。`,
  pageTitle: (title: string, page: number) => (page === 1 ? title : `${title}（第${page}页）`),
  // rankings
  rankPeriodInvalid: '排行周期只能是 day、week、month 或 all。',
  rankCategoryInvalid: '栏目参数不正确。',
  rankAllCategories: '全部栏目',
  rankTitle: (heading: string, categoryName?: string) => (categoryName !== undefined ? `${categoryName} · ${heading}` : heading),
  rankDescription: (siteName: string, heading: string, count: number, categoryName?: string) =>
    `${siteName}${categoryName ?? ''}${heading}：阅读最多的 ${count} 篇文章。`,
  // search
  searchTitle: '站内搜索',
  searchDescription: '搜索本站文章：按标题、摘要和正文查找。',
  searchTooLong: (max: number) => `搜索词太长了：最多 ${max} 个字，请缩短后再搜索。`,
  searchResultsTitle: (query: string, page: number) => (page === 1 ? `${query} - 搜索结果` : `${query} - 搜索结果（第${page}页）`),
  searchResultsDescription: (query: string, total: number) => `本站与“${query}”相关的文章，共 ${total} 篇。`,
  // polls
  pollNotFound: '没有这项调查。',
  pollBadOption: '所选选项不属于这项调查。',
  pollSingleChoice: '这是单选调查，只能选一项。',
  pollChooseOne: '请至少选择一项再投票。',
  pollClosed: '这项调查已经结束，不能再投票。',
  pollNotOpen: '这项调查还没有开始。',
  pollAddressCap: '您所在的网络今天投票次数已达上限，请明天再来。',
  pollVoted: '投票成功，感谢参与！',
  pollAlreadyVoted: '您已经投过票了，每人只能投一次。',
  pollTitle: (question: string) => `投票调查：${question}`,
  // submissions (投稿)
  submissionReceived: '稿件已收到，感谢您的投稿！编辑会在 5 个工作日内处理。',
  submissionDuplicate: '这篇稿件已经提交过了，请勿重复投稿。',
  submissionTooSoon: '提交太频繁了：同一网络每 15 秒只能投稿一次，请稍后再试。',
  submissionHourlyCap: '您在一小时内的投稿已达上限，请稍后再试。',
  submitterNameMissing: '请填写您的姓名或笔名。',
  contactMissing: '请留下电话或电子邮箱，方便编辑联系您。',
  contactTooLong: (max: number) => `联系方式不能超过 ${max} 个字。`,
  submissionTitleTooShort: (min: number) => `标题至少 ${min} 个字。`,
  submissionBodyTooShort: (min: number) => `正文至少 ${min} 个字。`,
  submissionBodyTooLong: (max: number, length: number) => `正文不能超过 ${max} 个字（现在 ${length} 个）。`,
  submitTitle: '投稿信箱',
  submitDescription: '向本网投稿：新闻线索、评论文章、法治故事。',
  submitThanksTitle: '投稿已收到',
  submitThanksDescription: '感谢您向本网投稿。',
  // staff look-up (人员查询)
  staffTooMany: '查询过于频繁，请一分钟后再试。',
  staffQueryTooLong: (max: number) => `请输入不超过 ${max} 个字符的姓名或证件编号。`,
  staffTitle: '人员查询',
  staffDescription: '核实本网工作人员身份：按姓名或证件编号查询。',
} as const;

/** What a reader is told when the captcha answer was not accepted. */
export const CAPTCHA_VERDICT_MESSAGES = {
  wrong: SITE_MESSAGES.captchaWrong,
  expired: SITE_MESSAGES.captchaExpired,
  missing: SITE_MESSAGES.captchaMissing,
} as const;

/** Default texts by status, for errors that carry no message fit for readers. */
export const STATUS_MESSAGES: Record<number, string> = {
  400: '请求格式不正确。',
  403: '没有权限执行此操作。',
  404: SITE_MESSAGES.pageNotFound,
  405: '不支持的请求方式。',
  413: '提交的内容过大。',
  415: '不支持的内容类型。',
  422: '提交的内容有误。',
  429: '操作过于频繁，请稍后再试。',
};
