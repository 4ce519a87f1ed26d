import { Faker, zh_CN, en, base } from '@faker-js/faker';
import type { AuditEvent } from '../../src/api/schemas/audit';
import type { User } from '../../src/api/schemas/auth';
import type { IntakeRecord, IntakeStage } from '../../src/api/schemas/intake';
import type { PatchStatus, PolicyPatch } from '../../src/api/schemas/policy-patches';
import type { CasePriority, ServiceCase, ServiceMonth, ServiceRecord } from '../../src/api/schemas/service-cases';
import { addDays, dayOf, daysBetween, isoAt } from '../rules/dates';
import type { Database, Talent } from './database';
import {
  categoryDepartment,
  channels,
  demandCategories,
  demoUsers,
  departments,
  events,
  industries,
  policies,
  talentTiers,
  towns,
} from './reference';
import { caseTitles, patchBlockages, serviceTitles } from './phrases';

export const DEFAULT_SEED = 20231101;

export interface GenerateOptions {
  seed?: number;
  /** `YYYY-MM-DD`; the demo data runs up to this day. */
  anchor: string;
}

/** Deterministic demo data: the same seed and anchor always give the same database. */
export function generateDatabase({ seed = DEFAULT_SEED, anchor }: GenerateOptions): Database {
  const faker = new Faker({ locale: [zh_CN, en, base] });
  faker.seed(seed);
  const pick = <T>(list: readonly T[]): T => faker.helpers.arrayElement(list);
  const weighted = <T>(list: readonly [T, number][]): T =>
    faker.helpers.weightedArrayElement(list.map(([value, weight]) => ({ value, weight })));

  const users = new Map<string, User>(demoUsers.map((u) => [u.id, u]));
  const officerPool: User[] = [];
  for (const department of departments) {
    const perDepartment = department.code === 'dept.rcb' ? 6 : 2;
    for (let i = 0; i < perDepartment; i++) {
      const user: User = {
        id: `u.${department.code.slice(5)}-${i + 1}`,
        username: `${department.code.slice(5)}${i + 1}`,
        displayName: faker.person.lastName() + faker.person.firstName(),
        role: 'officer',
        departmentCode: department.code,
        active: true,
        version: 1,
      };
      users.set(user.id, user);
      officerPool.push(user);
    }
  }
  const officeOfficers = [
    ...officerPool.filter((u) => u.departmentCode === 'dept.rcb'),
    users.get('u.officer')!,
    users.get('u.manager')!,
  ];
  const talents = new Map<string, Talent>();
  const auditEvents: AuditEvent[] = [];
  const audit = (event: Omit<AuditEvent, 'id'>) =>
    auditEvents.push({ ...event, id: `AE-${String(auditEvents.length + 1).padStart(6, '0')}` });

  // Intake records: three full years before the anchor year, and the anchor year to date.
  const anchorYear = Number(anchor.slice(0, 4));
  const firstDay = `${anchorYear - 3}-01-01`;
  const totalDays = daysBetween(firstDay, anchor);
  const intakeRecords = new Map<string, IntakeRecord>();
  const channelWeights: [string, number][] = [
    ['ch.event', 26],
    ['ch.university', 24],
    ['ch.market', 14],
    ['ch.enterprise', 18],
    ['ch.platform', 10],
    ['ch.investment', 8],
  ];
  const tierWeights: [string, number][] = [
    ['tier.strategic', 3],
    ['tier.leader', 12],
    ['tier.engineer', 25],
    ['tier.young', 40],
    ['tier.skilled', 20],
  ];
  const townWeights = towns.map((t, i): [string, number] => [t.code, i < 3 ? 16 : 6]);
  const recordCount = 6200;
  const perYearSerial: Record<string, number> = {};
  const leadDays = Array.from({ length: recordCount }, () =>
    // Intake grows year on year: later days are a little likelier.
    Math.floor(totalDays * Math.sqrt(faker.number.float({ min: 0.05, max: 1 }))),
  ).sort((a, b) => a - b);

  for (const offset of leadDays) {
    const lead = addDays(firstDay, offset);
    const year = lead.slice(0, 4);
    perYearSerial[year] = (perYearSerial[year] ?? 0) + 1;
    const id = `IR-${year}-${String(perYearSerial[year]).padStart(5, '0')}`;
    const channelCode = weighted(channelWeights);
    const channelEvents = events.filter((e) => e.channelCode === channelCode);
    const eventCode = channelEvents.length > 0 && faker.number.float() < 0.55 ? pick(channelEvents).code : null;
    const kind = channelCode === 'ch.investment' || faker.number.float() < 0.25 ? 'project' : 'person';
    const age = daysBetween(lead, anchor);
    const stageDates: IntakeRecord['stageDates'] = {
      lead,
      negotiating: null,
      signed: null,
      landed: null,
    };
    let stage: IntakeStage = 'lead';
    let day = lead;
    const landedBias = eventCode ? 0.08 : 0;
    for (const [next, chance] of [
      ['negotiating', 0.72],
      ['signed', 0.7],
      ['landed', 0.78 + landedBias],
    ] as const) {
      const step = faker.number.int({ min: 7, max: 75 });
      const candidate = addDays(day, step);
      if (candidate > anchor || faker.number.float() > chance) break;
      day = candidate;
      stage = next;
      stageDates[next] = candidate;
    }
    const officer = pick(officeOfficers);
    const personName = faker.person.lastName() + faker.person.firstName();
    const organization =
      kind === 'project'
        ? enterpriseName(faker)
        : pick([
            '清华大学',
            '上海交通大学',
            '复旦大学',
            '南京大学',
            '东南大学',
            '苏州大学',
            '中国科学院',
            '浙江大学',
            '同济大学',
            '海外归国',
          ]);
    const record: IntakeRecord = {
      id,
      kind,
      name: kind === 'project' ? `${personName}团队项目` : personName,
      organization,
      phone: faker.helpers.replaceSymbols('1##########').replace(/^1./, `1${pick(['3', '5', '7', '8', '9'])}`),
      channelCode,
      eventCode,
      tierCode: weighted(tierWeights),
      industryCode: pick(industries).code,
      townCode: weighted(townWeights),
      stage,
      stageDates,
      officerId: officer.id,
      officerName: officer.displayName,
      // Project investment in 万元: many small projects, a few large ones.
      investment:
        kind === 'project'
          ? Math.round(Math.exp(faker.number.float({ min: Math.log(50), max: Math.log(8000) })))
          : null,
      note: '',
      createdAt: isoAt(lead, 9 + (age % 8)),
      updatedAt: isoAt(day, 10),
      version: 1,
    };
    intakeRecords.set(id, record);
  }

  // Annual landed targets per channel: a round number near the year's landed count.
  const intakeTargets = new Map<string, number>();
  for (let year = anchorYear - 3; year <= anchorYear; year++) {
    for (const channel of channels) {
      let landed = 0;
      for (const r of intakeRecords.values()) {
        if (r.channelCode === channel.code && r.stageDates.landed?.startsWith(String(year))) landed++;
      }
      const basis = year === anchorYear ? Math.max(landed, 10) * 1.25 : landed;
      intakeTargets.set(
        `${year}:${channel.code}`,
        Math.max(5, Math.round((basis * faker.number.float({ min: 0.9, max: 1.2 })) / 5) * 5),
      );
    }
  }

  // Three annual service months; the latest ended two weeks before the anchor, so casework is live.
  const serviceMonths = new Map<string, ServiceMonth>();
  const serviceCases = new Map<string, ServiceCase>();
  const serviceRecords = new Map<string, ServiceRecord>();
  const latestStart = addDays(anchor, -45);
  const priorities: [CasePriority, number][] = [
    ['low', 15],
    ['normal', 55],
    ['high', 22],
    ['urgent', 8],
  ];
  for (let k = 2; k >= 0; k--) {
    const startsOn = `${Number(latestStart.slice(0, 4)) - k}${latestStart.slice(4)}`;
    const endsOn = addDays(startsOn, 30);
    const year = Number(startsOn.slice(0, 4));
    const month: ServiceMonth = {
      id: `SM-${year}`,
      year,
      title: `${year}年人才科创企业专项服务月`,
      startsOn,
      endsOn,
    };
    serviceMonths.set(month.id, month);
    const caseCount = 1050 + k * 40;
    for (let i = 1; i <= caseCount; i++) {
      const id = `SC-${year}-${String(i).padStart(4, '0')}`;
      const categoryCode = pick(demandCategories).code;
      const requesterType = faker.number.float() < 0.45 ? 'enterprise' : 'person';
      const received = addDays(startsOn, faker.number.int({ min: 0, max: 30 }));
      const receivedAt = isoAt(received, faker.number.int({ min: 8, max: 17 }), faker.number.int({ min: 0, max: 59 }));
      const priority = weighted(priorities);
      const slaDays = { low: 30, normal: 20, high: 10, urgent: 5 }[priority];
      const age = daysBetween(received, anchor);
      const slaDue = addDays(received, slaDays);
      const departmentCode =
        faker.number.float() < 0.12
          ? pick(departments.filter((d) => d.kind === 'town')).code
          : categoryDepartment[categoryCode]!;
      const requesterName = faker.person.lastName() + faker.person.firstName();
      const talent: Talent = {
        idNumber: idNumber(faker, year),
        address: `江苏省昆山市${pick(towns).name}${faker.location.street()}${faker.number.int({ min: 1, max: 300 })}号`,
      };
      talents.set(id, talent);
      // How far along the case is: recent cases spread over the workflow, old ones are mostly closed.
      const progress = age > 60 ? 0.3 + faker.number.float() : faker.number.float() * Math.min(1, age / 25);
      const status: ServiceCase['status'] =
        progress < 0.08 ? 'new' : progress < 0.22 ? 'assigned' : progress < 0.32 ? 'answered' : 'closed';
      const departmentStaff = officerPool.filter((u) => u.departmentCode === departmentCode);
      const assignee = status === 'new' ? null : pick(departmentStaff);
      const handlingDays = Math.max(1, Math.round(slaDays * faker.number.float({ min: 0.2, max: 1.5 })));
      const answeredDay = addDays(received, handlingDays);
      const answered =
        status === 'answered' || status === 'closed' ? (answeredDay > anchor ? anchor : answeredDay) : null;
      const closedDay = answered ? addDays(answered, faker.number.int({ min: 0, max: 4 })) : null;
      const closed = status === 'closed' && closedDay ? (closedDay > anchor ? anchor : closedDay) : null;
      const category = demandCategories.find((c) => c.code === categoryCode)!;
      const title = pick(caseTitles[categoryCode]!);
      const supervised = status !== 'closed' && priority !== 'low' && faker.number.float() < 0.08;
      const followUp =
        closed && faker.number.float() < 0.7
          ? {
              satisfaction: weighted([
                ['satisfied', 78],
                ['basically_satisfied', 17],
                ['unsatisfied', 5],
              ] as const),
              note: '',
              byName: pick(officeOfficers).displayName,
              at: isoAt(addDays(closed, 3) > anchor ? anchor : addDays(closed, 3), 15),
            }
          : null;
      // Old unsatisfied cases were reopened and settled since; recent ones are still open.
      const reopened = followUp?.satisfaction === 'unsatisfied' && age <= 60;
      // Recent open cases mostly had their deadline set on assignment; about a quarter run late.
      const stillOpen = reopened || status === 'new' || status === 'assigned';
      const dueAt = isoAt(
        stillOpen && age <= 60 ? addDays(anchor, faker.number.int({ min: -4, max: 14 })) : slaDue,
        18,
      );
      const serviceCase: ServiceCase = {
        id,
        monthId: month.id,
        requesterType,
        requesterName,
        enterpriseName: requesterType === 'enterprise' ? enterpriseName(faker) : null,
        requesterPhone: faker.helpers.replaceSymbols('1##########').replace(/^1./, `1${pick(['3', '5', '8', '9'])}`),
        requesterIdNumber: requesterType === 'person' ? talent.idNumber : null,
        requesterAddress: requesterType === 'person' ? talent.address : null,
        categoryCode,
        title,
        description: `${requesterName}反映：${title}。所属领域：${category.name}，希望有关部门协调解决。`,
        priority,
        status: reopened ? 'reopened' : status,
        departmentCode: status === 'new' ? null : departmentCode,
        assigneeId: assignee?.id ?? null,
        assigneeName: assignee?.displayName ?? null,
        receivedAt,
        dueAt,
        countermeasure: answered
          ? `已由${departments.find((d) => d.code === departmentCode)!.name}对接，${pick(['按政策予以办理', '协调相关单位落实', '已纳入专项解决清单', '已出具书面答复'])}。`
          : null,
        answeredAt: answered ? isoAt(answered, 16) : null,
        closedAt: closed && !reopened ? isoAt(closed, 17) : null,
        supervision: supervised
          ? {
              deadline: addDays(received, Math.max(3, slaDays - 2)),
              note: '请加快办理并及时反馈',
              byName: users.get('u.manager')!.displayName,
              at: isoAt(addDays(received, 1), 11),
            }
          : null,
        followUp,
        linkedPatchId: null,
        updatedAt: isoAt(closed ?? answered ?? received, 17),
        version: 1,
      };
      serviceCases.set(id, serviceCase);
      audit({
        entityType: 'serviceCase',
        entityId: id,
        action: 'create',
        actorId: 'u.officer',
        actorName: users.get('u.officer')!.displayName,
        at: receivedAt,
        changes: [],
      });
    }
    for (let i = 1; i <= 160; i++) {
      const kind = pick(['visit', 'briefing', 'matchmaking', 'training'] as const);
      const record: ServiceRecord = {
        id: `SR-${year}-${String(i).padStart(3, '0')}`,
        monthId: month.id,
        on: addDays(startsOn, faker.number.int({ min: 0, max: 30 })),
        kind,
        title: pick(serviceTitles[kind]),
        departmentCode: pick(departments).code,
        enterpriseName: enterpriseName(faker),
        participants: faker.number.int({ min: 2, max: 120 }),
      };
      serviceRecords.set(record.id, record);
    }
  }

  // Policy patches, each revealed by some demands.
  const policyPatches = new Map<string, PolicyPatch>();
  const patchable = policies.filter((p) => p.level !== 'core');
  const caseList = [...serviceCases.values()];
  const flow: PatchStatus[] = ['collected', 'drafting', 'consultation', 'review', 'issued', 'evaluating'];
  for (let i = 1; i <= 72; i++) {
    const policy = pick(patchable);
    const root = policy.parentCode === 'pol.core' ? policy.code : policy.parentCode!;
    const categoryCode = rootCategory[root] ?? pick(demandCategories).code;
    const related = caseList.filter((c) => c.categoryCode === categoryCode);
    const demands = faker.helpers
      .arrayElements(related, { min: 1, max: 4 })
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    const first = demands[0]!;
    const proposed = addDays(dayOf(first.receivedAt), faker.number.int({ min: 3, max: 20 }));
    const collected = proposed > anchor ? anchor : proposed;
    const withdrawn = faker.number.float() < 0.08;
    let reach = faker.number.int({ min: 0, max: flow.length - 1 });
    const history: PolicyPatch['statusHistory'] = [];
    let day = collected;
    let issuedAt: string | null = null;
    for (let s = 0; s <= reach; s++) {
      if (s > 0) day = addDays(day, faker.number.int({ min: 10, max: 45 }));
      if (day > anchor) {
        reach = s - 1;
        break;
      }
      history.push({ status: flow[s]!, at: isoAt(day, 10), byName: pick(officeOfficers).displayName });
      if (flow[s] === 'issued') issuedAt = isoAt(day, 10);
    }
    if (withdrawn && reach < 4) {
      day = addDays(day, 12);
      if (day <= anchor)
        history.push({ status: 'withdrawn', at: isoAt(day, 10), byName: users.get('u.manager')!.displayName });
    }
    const status = history.at(-1)!.status;
    const id = `PP-${collected.slice(0, 4)}-${String(i).padStart(3, '0')}`;
    const blockage = pick(patchBlockages[categoryCode] ?? patchBlockages['cat.project']!);
    const patch: PolicyPatch = {
      id,
      title: `关于${blockage.replace(/。$/, '')}的政策补丁`.slice(0, 96),
      policyCode: policy.code,
      blockage,
      leadDepartmentCode: categoryDepartment[categoryCode] ?? 'dept.rcb',
      status,
      demandCaseIds: demands.map((c) => c.id),
      proposedById: pick(officeOfficers).id,
      collectedAt: isoAt(collected, 10),
      issuedAt,
      statusHistory: history,
      effect:
        status === 'evaluating'
          ? {
              beneficiaries: faker.number.int({ min: 20, max: 1500 }),
              fundsDisbursed: faker.number.int({ min: 50, max: 5000 }),
              assessedOn: dayOf(history.at(-1)!.at),
            }
          : null,
      updatedAt: history.at(-1)!.at,
      version: 1,
    };
    policyPatches.set(id, patch);
    for (const demand of demands) demand.linkedPatchId ??= id;
  }

  return {
    seed,
    anchor,
    users,
    dictionaries: {
      channels,
      events,
      talentTiers,
      industries,
      towns,
      departments,
      demandCategories,
      policies,
    },
    intakeRecords,
    intakeTargets,
    policyPatches,
    serviceMonths,
    serviceCases,
    serviceRecords,
    savedViews: new Map(
      teamViews(anchorYear).map((view, i) => [
        `SV-${i + 1}`,
        {
          ...view,
          id: `SV-${i + 1}`,
          ownerId: 'u.manager',
          ownerName: '王芳',
          createdAt: isoAt(anchor, 9),
          shared: true,
        },
      ]),
    ),
    auditEvents,
    sessions: new Map(),
    counters: { audit: auditEvents.length },
  };
}

const rootCategory: Record<string, string> = {
  'pol.housing': 'cat.housing',
  'pol.schooling': 'cat.schooling',
  'pol.healthcare': 'cat.healthcare',
  'pol.finance': 'cat.financing',
  'pol.certification': 'cat.certification',
  'pol.project': 'cat.project',
  'pol.skilled': 'cat.payout',
  'pol.young': 'cat.payout',
};

/** An 18-digit resident ID number in the usual layout, with a valid check digit. */
function idNumber(faker: Faker, year: number): string {
  const birthYear = year - faker.number.int({ min: 24, max: 58 });
  const body = `320583${birthYear}${String(faker.number.int({ min: 1, max: 12 })).padStart(2, '0')}${String(faker.number.int({ min: 1, max: 28 })).padStart(2, '0')}${faker.string.numeric(3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

const namePrefixes = [
  '华创',
  '芯源',
  '博远',
  '智联',
  '恒瑞',
  '中科',
  '新锐',
  '卓越',
  '瑞鑫',
  '汇智',
  '昆仑',
  '鼎盛',
  '启明',
  '云帆',
  '正泰',
  '同创',
];
const nameTrades = [
  '电子科技',
  '精密机械',
  '生物医药',
  '新材料',
  '光电科技',
  '智能装备',
  '新能源科技',
  '半导体',
  '信息技术',
  '医疗器械',
];

function enterpriseName(faker: Faker): string {
  return `昆山${faker.helpers.arrayElement(namePrefixes)}${faker.helpers.arrayElement(nameTrades)}有限公司`;
}

/** Views the manager has shared with the team, so a new user finds some to try. */
function teamViews(year: number) {
  return [
    {
      resource: 'intakeRecords' as const,
      name: '本年已落户',
      search: `from=${year}-01-01&to=${year}-12-31&stage=landed&sort=-landedOn`,
    },
    {
      resource: 'intakeRecords' as const,
      name: '战略科技人才线索',
      search: 'tier=tier.strategic&stage=lead&stage=negotiating',
    },
  ];
}
