// Flash and error texts shown to readers, in one place (page wording lives in the views).

export const MESSAGES = {
  commentPublished: '评论已发表，感谢您的参与。',
  commentAwaitsReview: '评论已提交，审核通过后将显示。',
  commentDuplicate: '这条评论已经发表过了，请勿重复提交。',
  commentTooSoon: '发表评论太频繁了：同一网络每 15 秒只能发表一条评论，请稍后再试。',
  commentHourlyCap: '您在一小时内发表的评论已达上限，请稍后再试。',
  captchaWrong: '验证码不正确，请看新图片重新输入。',
  captchaExpired: '验证码已过期，请看新图片重新输入。',
  captchaMissing: '验证码已失效，请看新图片重新输入。',
  captchaTooMany: '获取验证码过于频繁，请一分钟后再试。',
  captchaUnknownPurpose: '未知的验证码用途。',
  loginTooMany: '登录失败次数过多，请 15 分钟后再试。',
  adminOnly: '只有管理员可以进行此操作。',
  csrfFailed: '页面已过期或请求来源无效，请刷新页面后重试。',
  crossSiteRefused: '这个请求来自其他网站，已被拒绝。请在本站页面上操作。',
  formEncoding: '表单编码不正确。',
  formNotUtf8: '表单编码不正确（不是有效的 UTF-8）。',
  formOnly: '请通过网页表单提交。',
  articleNotFound: '这篇文章不存在或已被删除。',
  pageNotFound: '您访问的页面不存在或已被删除。',
  noSuchPage: '没有这一页。',
  pollNotFound: '没有这项调查。',
  pollBadOption: '所选选项不属于这项调查。',
  pollSingleChoice: '这是单选调查，只能选一项。',
  pollChooseOne: '请至少选择一项再投票。',
  pollClosed: '这项调查已经结束，不能再投票。',
  pollNotOpen: '这项调查还没有开始。',
  pollAddressCap: '您所在的网络今天投票次数已达上限，请明天再来。',
  pollVoted: '投票成功，感谢参与！',
  pollAlreadyVoted: '您已经投过票了，每人只能投一次。',
  submissionReceived: '稿件已收到，感谢您的投稿！编辑会在 5 个工作日内处理。',
  submissionDuplicate: '这篇稿件已经提交过了，请勿重复投稿。',
  submissionTooSoon: '提交太频繁了：同一网络每 15 秒只能投稿一次，请稍后再试。',
  submissionHourlyCap: '您在一小时内的投稿已达上限，请稍后再试。',
  staffTooMany: '查询过于频繁，请一分钟后再试。',
  serverError: '服务器暂时无法处理您的请求，请稍后再试。',
} as const;

/** What a reader is told when the captcha answer was not accepted. */
export const CAPTCHA_VERDICT_MESSAGES = {
  wrong: MESSAGES.captchaWrong,
  expired: MESSAGES.captchaExpired,
  missing: MESSAGES.captchaMissing,
} as const;

/** Default texts by status, for errors that carry no message fit for readers. */
export const STATUS_MESSAGES: Record<number, string> = {
  400: '请求格式不正确。',
  403: '没有权限执行此操作。',
  404: MESSAGES.pageNotFound,
  405: '不支持的请求方式。',
  413: '提交的内容过大。',
  415: '不支持的内容类型。',
  422: '提交的内容有误。',
  429: '操作过于频繁，请稍后再试。',
};
