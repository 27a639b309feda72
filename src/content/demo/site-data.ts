// Demo categories, staff records, polls and comments seeded into an empty database.
import type { StaffMember } from '../../domain/types.js';

export const demoCategories = [
  { slug: 'focus', name: '特别关注', description: '重大法治事件与社会热点的深度报道。' },
  { slug: 'law', name: '法治要闻', description: '立法、执法、司法领域的最新动态。' },
  { slug: 'society', name: '社会民生', description: '教育、医疗、住房、就业等百姓身边事。' },
  { slug: 'cases', name: '案例解读', description: '以案说法：典型案件与裁判要旨。' },
  { slug: 'watchdog', name: '舆论监督', description: '读者反映的问题，我们去调查、去追问。', reviewLevels: 3 },
  { slug: 'photos', name: '图片新闻', description: '用镜头记录法治与民生。' },
];

export const demoStaff: Omit<StaffMember, 'id'>[] = [
  { name: '李明远', cardNumber: 'SHFZ-2021-0017', position: '记者', department: '法治新闻部', status: 'active', photo: null },
  { name: '陈思远', cardNumber: 'SHFZ-2020-0032', position: '首席记者', department: '舆论监督部', status: 'active', photo: null },
  { name: '王晓岚', cardNumber: 'SHFZ-2022-0105', position: '编辑', department: '社会新闻部', status: 'active', photo: null },
  { name: '赵立新', cardNumber: 'SHFZ-2018-0008', position: '摄影记者', department: '图片新闻部', status: 'left', photo: null },
];

export const demoPolls = [
  {
    question: '您最希望本网加强报道哪类法治话题？',
    isMultiple: false,
    options: [
      { label: '消费维权', votes: 236 },
      { label: '劳动权益', votes: 198 },
      { label: '婚姻家事', votes: 121 },
      { label: '物业与住房', votes: 167 },
      { label: '网络安全与个人信息', votes: 142 },
    ],
  },
];

/** The demo's 责任编辑: the chief editors who signed its articles off, in turn. */
export const demoResponsibleEditors = ['王晓燕', '李明哲', '赵静怡'];

/** Original demo comments; each goes to a different article. ipRegion: the IP属地 shown beside it. */
export const demoComments = [
  { nickname: '云泽老读者', body: '讲得很清楚，特别是最后几条建议，转给家里老人看看。', ipRegion: '浙江' },
  { nickname: '青禾区居民', body: '我们小区也遇到过类似的问题，希望有关部门能持续跟进。', ipRegion: '江苏' },
  { nickname: '法学小白', body: '第一次看懂了这类案件的裁判思路，感谢记者的梳理。', ipRegion: '北京' },
  { nickname: '晨跑的人', body: '支持舆论监督，问题曝光之后整改得很快，点赞。', ipRegion: '广东' },
  { nickname: '明理', body: '文中提到的举证责任分配很关键，建议大家平时注意保留证据。', ipRegion: '四川' },
  { nickname: '小周律师', body: '补充一点：签订合同前一定要仔细阅读格式条款，必要时请专业人士把关。', ipRegion: '上海' },
  { nickname: '山里的风', body: '照片拍得真好，乡村的变化看得见。', ipRegion: '云南' },
  { nickname: '一名教师', body: '校园安全无小事，希望这样的普法活动常态化。', ipRegion: '中国香港' },
];

/** Original demo replies (回复), each under the demo comment at `to` (an index of demoComments). */
export const demoReplies = [
  { to: 0, nickname: '江南一叶', body: '同感，我已经转到家族群里了。', ipRegion: '浙江' },
  { to: 0, nickname: '老街坊', body: '建议配上图解，老年人看起来更方便。', ipRegion: '湖南' },
  { to: 1, nickname: '社区网格员', body: '已记下，我们这周会去现场看看。', ipRegion: '江苏' },
];
