// Generated filler content for benchmarks and tests: many articles and comments built from
// phrase pools with a seeded random generator, so runs are repeatable.

export function seededRandom(seed: number): () => number {
  // mulberry32
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['云泽市', '青禾区', '临川县', '东湖街道', '南岭镇', '北江新区', '枫林社区', '望海区'];
const SUBJECTS = ['基层法院', '市场监管部门', '社区居委会', '检察机关', '司法所', '人民调解委员会', '住建部门', '公安分局'];
const ACTIONS = [
  '推出便民新举措',
  '集中处理一批纠纷',
  '开展专项整治',
  '发布典型案例',
  '召开新闻发布会',
  '启动普法宣传月',
  '回应群众关切',
  '完成年度考核',
];
const TOPICS = ['物业服务', '消费维权', '劳动争议', '交通安全', '食品安全', '校园安全', '养老服务', '个人信息保护', '噪音扰民', '租房合同'];
const SENTENCES = [
  '记者在现场看到，前来咨询的群众排起了长队，工作人员逐一登记并给出答复。',
  '据介绍，此次工作聚焦群众反映最集中的问题，力求件件有回音、事事有着落。',
  '有关负责人表示，下一步将建立长效机制，防止问题反弹回潮。',
  '多位受访居民认为，这项措施解决了他们长期以来的烦心事。',
  '法律界人士指出，依法维权的关键在于保留证据、及时主张权利。',
  '统计数据显示，今年以来同类纠纷的调解成功率明显提升。',
  '业内专家建议，相关部门应进一步细化标准，增强规则的可操作性。',
  '针对群众提出的意见，工作组已形成整改清单并明确了完成时限。',
  '一位参与调解的工作人员说，耐心倾听往往比讲道理更能化解矛盾。',
  '该案的判决对类似纠纷具有一定的参考意义，也提醒公众增强法律意识。',
];
const NICKNAMES = ['路过的读者', '云泽网友', '老张', '法律爱好者', '小区业主', '热心市民', '晚风', '青禾人', '一名律师', '学生党'];
const COMMENTS = [
  '说得有道理，希望能落实到位。',
  '我们那边也有类似情况，期待跟进报道。',
  '普法文章很实用，收藏了。',
  '点赞，这样的监督报道多一些。',
  '建议有关部门公开处理结果。',
  '读完很有收获，谢谢记者。',
];

export interface GeneratedArticle {
  title: string;
  summary: string;
  bodyHtml: string;
  author: string;
  source: string;
}

export function generateArticle(random: () => number, index: number): GeneratedArticle {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const place = pick(PLACES);
  const topic = pick(TOPICS);
  const title = `${place}${pick(SUBJECTS)}围绕${topic}${pick(ACTIONS)}（${index}）`;
  const paragraphs: string[] = [];
  for (let section = 0; section < 3; section += 1) {
    paragraphs.push(`<h2>${section === 0 ? '基本情况' : section === 1 ? '各方观点' : '下一步工作'}</h2>`);
    for (let p = 0; p < 3; p += 1) {
      paragraphs.push(`<p>${pick(SENTENCES)}${pick(SENTENCES)}${place}的${topic}工作${pick(SENTENCES)}</p>`);
    }
  }
  paragraphs.push(`<p>【本文为压力测试生成的示例内容，编号 ${index}。】</p>`);
  return {
    title,
    summary: `${place}围绕${topic}开展工作。${pick(SENTENCES)}`,
    bodyHtml: paragraphs.join('\n'),
    author: `记者 ${pick(['王', '李', '张', '刘', '陈', '杨'])}${pick(['明', '华', '静', '磊', '芳', '军'])}`,
    source: pick(['本网原创', '云泽法治报', '青禾日报']),
  };
}

export function generateComment(random: () => number): { nickname: string; body: string } {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  return { nickname: pick(NICKNAMES), body: `${pick(COMMENTS)}${pick(COMMENTS)}` };
}
