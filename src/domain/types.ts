// Plain data types shared by repositories, services and views. No behaviour here.

export type ArticleStatus = 'draft' | 'scheduled' | 'published';
/** deleted: removed by an editor; the row stays (its floor shows 该评论已删除, and it can be appealed) */
export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam' | 'deleted';
export type StaffStatus = 'active' | 'left';
/** 管理员 (everything), 主编 (signs off: 终审, 签发), 编辑 (reviews: 初审, 复审), 记者 (writes and submits their own). */
export type Role = 'admin' | 'chief' | 'editor' | 'reporter';
/** 0: out of review (a draft, or signed off); 1 待初审, 2 待复审, 3 待终审. */
export type ReviewStage = 0 | 1 | 2 | 3;
/** Where an article leads the home page: 头条 (the headline), 置顶 (the top of the list), or not at all. */
export type HomePin = 'headline' | 'top' | 'none';
/**
 * Comments on an article: open (the form, and approved comments shown), closed (a notice instead
 * of the form; the comments stay shown) or hidden (a notice; no comments shown, though kept).
 */
export type CommentPolicy = 'open' | 'closed' | 'hidden';
/** An article follows its category's comment policy ('category') or sets its own. */
export type ArticleCommentPolicy = CommentPolicy | 'category';

export interface Category {
  id: number;
  slug: string;
  name: string;
  description: string;
  sortOrder: number;
  /** the comment policy of the category's articles that follow it */
  commentPolicy: CommentPolicy;
  /** 审核级数: 1 (终审), 2 (初审, 终审) or 3 (初审, 复审, 终审) */
  reviewLevels: number;
}

/** What lists and sidebars need of an article. */
export interface ArticleSummary {
  id: number;
  categoryId: number;
  title: string;
  summary: string;
  coverImage: string | null;
  publishedAt: number;
  views: number;
}

export interface Article extends ArticleSummary {
  author: string;
  source: string;
  bodyHtml: string;
  isFeatured: boolean;
  status: ArticleStatus;
  homePin: HomePin;
  /** when the pin ends; null: until an editor removes it */
  pinnedUntil: number | null;
  /** the article page leaves the cover out (lists and shares still use it) */
  hideCover: boolean;
  commentPolicy: ArticleCommentPolicy;
  /** 责任编辑: the real name of who signed it off ('' for articles signed before it was kept) */
  responsibleEditor: string;
  /** the latest 更正/更新 note's time (更新于); null when it has none */
  correctedAt: number | null;
  /** 转载: the original; null for the site's own */
  reprint: Reprint | null;
  /** the staff record the byline links to (/author/:id); null: a plain byline */
  authorStaffId: number | null;
  createdAt: number;
  updatedAt: number;
}

/** 转载: the original of an article taken from another outlet (the outlet is the article's 来源). */
export interface Reprint {
  originalTitle: string;
  originalAuthor: string;
  /** http(s) URL, or '' */
  originalUrl: string;
}

export interface NewArticle {
  categoryId: number;
  title: string;
  author: string;
  source: string;
  summary: string;
  /** must already be sanitized */
  bodyHtml: string;
  coverImage: string | null;
  isFeatured: boolean;
  status: ArticleStatus;
  publishedAt: number | null;
  /** default 'none' */
  homePin?: HomePin;
  pinnedUntil?: number | null;
  hideCover?: boolean;
  /** 转载; null or absent for the site's own */
  reprint?: Reprint | null;
  /** the staff record the byline links to; null or absent: a plain byline */
  authorStaffId?: number | null;
  /** the article's tags in order (absent: left as they are) */
  tags?: string[];
  /** default 'category' */
  commentPolicy?: ArticleCommentPolicy;
  views?: number;
}

export interface Comment {
  id: number;
  articleId: number;
  nickname: string;
  body: string;
  status: CommentStatus;
  createdAt: number;
  /** IP属地 shown beside the comment; null for private addresses, failed lookups and older comments */
  ipRegion: string | null;
  /** the comment a reply answers (always a top-level comment of the same article); null for a top-level comment */
  parentId: number | null;
  /** 楼层: given to a top-level comment when it is first approved, never changed; null before that and for replies */
  floor: number | null;
}

/** 更正 (a correction of something wrong) or 更新 (an update with something new). */
export type CorrectionKind = 'correction' | 'update';

export interface Correction {
  id: number;
  articleId: number;
  kind: CorrectionKind;
  note: string;
  userName: string;
  createdAt: number;
}

/** A floor as readers see it (a removed one without its nickname or text) with the replies shown under it. */
export interface CommentThread {
  comment: Comment;
  replies: Comment[];
  /** there are more approved replies than those listed */
  moreReplies: boolean;
}

export interface PollOption {
  id: number;
  label: string;
  votes: number;
}

export interface Poll {
  id: number;
  question: string;
  isMultiple: boolean;
  startsAt: number;
  endsAt: number | null;
  options: PollOption[];
}

export interface StaffMember {
  id: number;
  name: string;
  cardNumber: string;
  position: string;
  department: string;
  status: StaffStatus;
  photo: string | null;
}

export interface StaticPage {
  slug: string;
  title: string;
  bodyHtml: string;
  updatedAt: number;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
}

/** Site-wide settings, every footer line of the reference page among them. */
export interface SiteSettings {
  siteName: string;
  siteDomain: string;
  siteDescription: string;
  copyrightStartYear: string;
  supervisor: string;
  legalCounsel: string;
  browserHint: string;
  icpNumber: string;
  icpUrl: string;
  /** 公安联网备案号 and the link of its record */
  publicSecurityNumber: string;
  publicSecurityUrl: string;
  /** 互联网新闻信息服务许可证 number */
  newsLicenseNumber: string;
  /** 违法和不良信息举报电话 and 举报邮箱 */
  reportPhone: string;
  reportEmail: string;
  timeZone: string;
  commentModeration: 'auto' | 'review';
  /** distinct reporting addresses that hide a comment until it is reviewed (a number, as text) */
  reportHideThreshold: string;
  /** days after a submission is closed that its contact details are kept (a number, as text) */
  submissionContactRetentionDays: string;
  /** days after a report is decided that its note and address hash are kept (a number, as text) */
  reportDetailRetentionDays: string;
  /** 可转载的稿源: the outlets a 转载 may come from, separated by 、 or commas */
  reprintSources: string;
  /** 规范表述: wrong→right pairs checked before sign-off, separated by ； */
  usageRules: string;
  sidebarPollId: string;
}

export interface SiteTraffic {
  totalPageViews: number;
  todayPageViews: number;
}

export interface Tag {
  id: number;
  name: string;
}

/** 事件追踪's follow-up status of a topic; 'none' for a plain 专题. */
export type TopicStatus = 'none' | 'investigating' | 'responded' | 'rectified' | 'closed';

/** 专题: a page gathering the articles of one story. */
export interface Topic {
  id: number;
  slug: string;
  title: string;
  intro: string;
  coverImage: string | null;
  status: TopicStatus;
  createdAt: number;
  updatedAt: number;
}

/** A link to another article: its id, title and publish time. */
export interface ArticleLink {
  id: number;
  title: string;
  publishedAt: number;
}
