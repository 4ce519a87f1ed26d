import type { User } from '../../src/api/schemas/auth';
import type {
  DemandCategory,
  Department,
  DictionaryEntry,
  FlagshipEvent,
  Industry,
  Policy,
} from '../../src/api/schemas/dictionaries';

type Named = [code: string, name: string, nameEn: string];

function entries(list: Named[]): DictionaryEntry[] {
  return list.map(([code, name, nameEn], order) => ({ code, name, nameEn, order, active: true }));
}

/** 六大招引渠道; the article names the first four, the demo adds two (平台引才, 以投引才). */
export const channels = entries([
  ['ch.event', '活动聚才', 'Events'],
  ['ch.university', '高校吸才', 'Universities'],
  ['ch.market', '市场猎才', 'Headhunting market'],
  ['ch.enterprise', '企业荐才', 'Enterprise referrals'],
  ['ch.platform', '平台引才', 'Innovation platforms'],
  ['ch.investment', '以投引才', 'Investment-led'],
]);

export const events: FlagshipEvent[] = [
  ['ev.startup-week', '昆山创业周', 'Kunshan Entrepreneurship Week', 'ch.event'],
  ['ev.tsinghua-week', '清华大学“昆山周”', 'Tsinghua University "Kunshan Week"', 'ch.university'],
  ['ev.zcz-cup', '“祖冲之杯”昆山创新创业大赛', 'Zu Chongzhi Cup Innovation Contest', 'ch.event'],
  ['ev.campus-tour', '百校行校园招聘', 'Campus recruiting tour', 'ch.university'],
  ['ev.fund-roadshow', '基金项目路演', 'Fund project roadshow', 'ch.investment'],
].map(([code, name, nameEn, channelCode], order) => ({
  code: code!,
  name: name!,
  nameEn: nameEn!,
  channelCode: channelCode!,
  order,
  active: true,
}));

export const talentTiers = entries([
  ['tier.strategic', '战略科技人才', 'Strategic scientists'],
  ['tier.leader', '双创领军人才', 'Innovation & entrepreneurship leaders'],
  ['tier.engineer', '卓越工程师', 'Excellent engineers'],
  ['tier.young', '青年人才', 'Young talent'],
  ['tier.skilled', '高技能人才', 'High-skill workers'],
]);

/** "2+6+X": two leading, six emerging and some future industries (demo labels). */
export const industries: Industry[] = (
  [
    ['ind.electronics', '新一代电子信息', 'Next-generation electronics', 'leading'],
    ['ind.equipment', '高端装备制造', 'High-end equipment', 'leading'],
    ['ind.semiconductor', '半导体', 'Semiconductors', 'emerging'],
    ['ind.optoelectronics', '光电', 'Optoelectronics', 'emerging'],
    ['ind.new-energy', '新能源', 'New energy', 'emerging'],
    ['ind.biomed', '生物医药', 'Biomedicine', 'emerging'],
    ['ind.smart-manufacturing', '智能制造', 'Smart manufacturing', 'emerging'],
    ['ind.new-materials', '新材料', 'New materials', 'emerging'],
    ['ind.ai', '人工智能', 'Artificial intelligence', 'future'],
    ['ind.hydrogen', '氢能', 'Hydrogen energy', 'future'],
  ] as const
).map(([code, name, nameEn, group], order) => ({ code, name, nameEn, group, order, active: true }));

export const towns = entries([
  ['town.huaqiao', '花桥经济开发区', 'Huaqiao Economic Development Zone'],
  ['town.etdz', '昆山开发区', 'Kunshan Development Zone'],
  ['town.hitech', '昆山高新区', 'Kunshan High-tech Zone'],
  ['town.zhoushi', '周市镇', 'Zhoushi'],
  ['town.lujia', '陆家镇', 'Lujia'],
  ['town.zhangpu', '张浦镇', 'Zhangpu'],
  ['town.qiandeng', '千灯镇', 'Qiandeng'],
  ['town.bacheng', '巴城镇', 'Bacheng'],
  ['town.dianshanhu', '淀山湖镇', 'Dianshanhu'],
  ['town.jinxi', '锦溪镇', 'Jinxi'],
  ['town.zhouzhuang', '周庄镇', 'Zhouzhuang'],
]);

export const departments: Department[] = [
  ...(
    [
      ['dept.rcb', '人才办', 'Talent Office', 'office'],
      ['dept.rsj', '人社局', 'Human Resources and Social Security Bureau', 'bureau'],
      ['dept.kjj', '科技局', 'Science and Technology Bureau', 'bureau'],
      ['dept.zjj', '住建局', 'Housing and Construction Bureau', 'bureau'],
      ['dept.jyj', '教育局', 'Education Bureau', 'bureau'],
      ['dept.wjw', '卫健委', 'Health Commission', 'bureau'],
      ['dept.jrb', '金融办', 'Financial Affairs Office', 'bureau'],
      ['dept.crj', '公安局出入境管理大队', 'Exit-Entry Administration', 'bureau'],
    ] as const
  ).map(([code, name, nameEn, kind]) => ({ code, name, nameEn, kind })),
  ...towns.slice(0, 5).map(({ code, name, nameEn }) => ({
    code: code.replace('town.', 'dept.town-'),
    name,
    nameEn,
    kind: 'town' as const,
  })),
].map((department, order) => ({ ...department, order, active: true }));

/** Demand categories, each with the department that usually handles it. */
/** Demand categories with their time limits in working days (the campaign's 7 as the rule, longer where another body decides). */
export const demandCategories: DemandCategory[] = entries([
  ['cat.housing', '人才安居', 'Housing'],
  ['cat.schooling', '子女入学', "Children's schooling"],
  ['cat.healthcare', '医疗保障', 'Healthcare'],
  ['cat.financing', '融资服务', 'Financing'],
  ['cat.certification', '人才认定', 'Talent certification'],
  ['cat.project', '项目落地', 'Project landing'],
  ['cat.payout', '政策兑现', 'Policy payout'],
  ['cat.visa', '出入境', 'Visas and residence'],
]).map((entry) => ({
  ...entry,
  timeLimitDays: { 'cat.housing': 10, 'cat.project': 15, 'cat.payout': 10, 'cat.financing': 10 }[entry.code] ?? 7,
}));

export const categoryDepartment: Record<string, string> = {
  'cat.housing': 'dept.zjj',
  'cat.schooling': 'dept.jyj',
  'cat.healthcare': 'dept.wjw',
  'cat.financing': 'dept.jrb',
  'cat.certification': 'dept.rsj',
  'cat.project': 'dept.kjj',
  'cat.payout': 'dept.rsj',
  'cat.visa': 'dept.crj',
};

/** The "1+N+X" policy system (demo titles, not the city's real documents). */
export const policies: Policy[] = (() => {
  const core: Policy = {
    code: 'pol.core',
    name: '人才科创政策体系核心政策',
    nameEn: 'Core talent and innovation policy',
    level: 'core',
    parentCode: null,
    issuedOn: '2021-03-01',
    order: 0,
    active: true,
  };
  const specialised: [string, string, string][] = [
    ['pol.housing', '人才安居专项政策', 'Talent housing policy'],
    ['pol.schooling', '人才子女入学专项政策', "Talent children's schooling policy"],
    ['pol.healthcare', '人才医疗保障专项政策', 'Talent healthcare policy'],
    ['pol.finance', '科技金融专项政策', 'Technology finance policy'],
    ['pol.certification', '人才分类认定专项政策', 'Talent classification policy'],
    ['pol.project', '创新创业项目扶持专项政策', 'Innovation project support policy'],
    ['pol.skilled', '高技能人才专项政策', 'High-skill worker policy'],
    ['pol.young', '青年人才专项政策', 'Young talent policy'],
  ];
  const rules: [string, string, string, string][] = [
    ['pol.housing.subsidy', 'pol.housing', '人才购房补贴实施细则', 'Home purchase subsidy rules'],
    ['pol.housing.rental', 'pol.housing', '人才公寓租赁实施细则', 'Talent apartment rental rules'],
    ['pol.schooling.placement', 'pol.schooling', '人才子女入学安排实施细则', 'School placement rules'],
    ['pol.healthcare.green', 'pol.healthcare', '人才就医绿色通道实施细则', 'Healthcare fast-lane rules'],
    ['pol.finance.loan', 'pol.finance', '人才贷风险补偿实施细则', 'Talent loan risk-sharing rules'],
    ['pol.finance.fund', 'pol.finance', '天使投资引导基金实施细则', 'Angel guidance fund rules'],
    ['pol.certification.peer', 'pol.certification', '比照认定实施细则', 'Equivalence certification rules'],
    ['pol.certification.contest', 'pol.certification', '以赛代评实施细则', 'Contest-based evaluation rules'],
    ['pol.project.space', 'pol.project', '项目用房支持实施细则', 'Project premises support rules'],
    ['pol.project.grant', 'pol.project', '项目资助拨付实施细则', 'Project grant payment rules'],
    ['pol.skilled.allowance', 'pol.skilled', '技能人才津贴实施细则', 'Skilled worker allowance rules'],
    ['pol.young.stipend', 'pol.young', '青年人才生活补贴实施细则', 'Young talent stipend rules'],
  ];
  return [
    core,
    ...specialised.map(([code, name, nameEn], i) => ({
      code,
      name,
      nameEn,
      level: 'specialised' as const,
      parentCode: core.code,
      issuedOn: `2021-0${(i % 9) + 1}-15`,
      order: i + 1,
      active: true,
    })),
    ...rules.map(([code, parentCode, name, nameEn], i) => ({
      code,
      name,
      nameEn,
      level: 'rule' as const,
      parentCode,
      issuedOn: `2022-${String((i % 12) + 1).padStart(2, '0')}-01`,
      order: 20 + i,
      active: true,
    })),
  ];
})();

export const DEMO_PASSWORD = 'demo1234';
/**
 * The mock's stored hash of the demo password (PBKDF2, see `mocks/credentials.ts`), made once:
 * generating the demo data stays synchronous. The server's seed hashes it anew for every user.
 */
export const DEMO_PASSWORD_HASH =
  'pbkdf2-sha256$100000$lzHph8cakf+adT/UtOnj1Q==$KRmQagsoiRk868+v2xH+JJrcAJMbXbZU+/VN9eJOxMQ=';

/** The demo accounts listed on the login page in mock mode, one for every role. */
export const demoUsers: User[] = [
  ['u.viewer', 'viewer', '张伟', 'viewer', 'dept.rcb'],
  ['u.officer', 'officer', '李娜', 'officer', 'dept.rcb'],
  ['u.manager', 'manager', '王芳', 'manager', 'dept.rcb'],
  ['u.admin', 'admin', '陈静', 'admin', 'dept.rcb'],
  ['u.liaison', 'liaison', '刘洋', 'officer', 'dept.zjj'],
  ['u.hr-liaison', 'hrliaison', '赵磊', 'officer', 'dept.rsj'],
].map(([id, username, displayName, role, departmentCode]) => ({
  id: id!,
  username: username!,
  displayName: displayName!,
  role: role as User['role'],
  departmentCode: departmentCode!,
  active: true,
  version: 1,
}));
