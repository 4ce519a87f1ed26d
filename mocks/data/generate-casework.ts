import type { CasePriority, ServiceCase, ServiceMonth, ServiceRecord } from '../../src/api/schemas/service-cases';
import { workingCalendar } from '../../src/lib/working-days';
import { registerCase, type CaseRegistration } from '../../domain/rules/case-lifecycle';
import { addDays, isoAt } from '../../domain/rules/dates';
import { seededRandom, type CasePlan } from './case-history';
import { officialHolidayYears } from './holidays';
import { simulateCase } from './simulate-case';
import type { GeneratorContext } from './generator-context';
import { enterpriseName, idNumber } from './names';
import { caseTitles, serviceTitles } from './phrases';
import { categoryDepartment, demandCategories, departments, towns } from './reference';

const countermeasures = ['按政策予以办理', '协调相关单位落实', '已纳入专项解决清单', '已出具书面答复'];

/** The specialised policy (N) a demand category's answers rest on. */
const categoryPolicy: Record<string, string> = {
  'cat.housing': 'pol.housing',
  'cat.schooling': 'pol.schooling',
  'cat.healthcare': 'pol.healthcare',
  'cat.financing': 'pol.finance',
  'cat.certification': 'pol.certification',
  'cat.project': 'pol.project',
  'cat.payout': 'pol.core',
  'cat.visa': 'pol.core',
};

/** An answer "按政策予以办理" cites its category's policy; the others cite none. */
const citedPolicy = (countermeasure: string, categoryCode: string) =>
  countermeasure.includes('按政策') ? (categoryPolicy[categoryCode] ?? 'pol.core') : null;

/**
 * A case of the month and category received before `receivedAt`, one of the last few, still open
 * a day later and not itself a repeat: what a repeat may be merged into. (Of the drawn category,
 * so the repeats leave every other generated value as it was.)
 */
function earlierOf(
  cases: Map<string, ServiceCase>,
  plans: Map<string, CasePlan>,
  { monthId, categoryCode, receivedAt }: Pick<ServiceCase, 'monthId' | 'categoryCode' | 'receivedAt'>,
  random: () => number,
) {
  const dayAfter = isoAt(addDays(receivedAt.slice(0, 10), 2), 0);
  const open = (c: ServiceCase) =>
    !plans.get(c.id)!.steps.some((s) => (s.change.status === 'closed' || s.action === 'merge') && s.at < dayAfter);
  const before = [...cases.values()]
    .slice(-80)
    .filter((c) => c.monthId === monthId && c.categoryCode === categoryCode && c.receivedAt < receivedAt && open(c));
  return before.length === 0 ? null : before[Math.floor(random() * before.length)]!;
}

/** What a repeat shares with the case it repeats (of its category already): who asks, for what. */
const repeatedFields = (c: ServiceCase) => ({
  requesterType: c.requesterType,
  requesterName: c.requesterName,
  enterpriseName: c.enterpriseName,
  requesterPhone: c.requesterPhone,
  requesterIdNumber: c.requesterIdNumber,
  requesterAddress: c.requesterAddress,
  title: c.title,
  description: c.description,
});

/**
 * Three annual service months: their cases (demands) and the services delivered, and for each
 * case the plan of its history (`case-history.ts`), replayed once policy patches have linked theirs.
 */
export function generateCasework({ seed, faker, pick, weighted, anchor, users, officeOfficers }: GeneratorContext) {
  // Three annual service months; the latest ended the day before the anchor, so casework is live.
  const serviceMonths = new Map<string, ServiceMonth>();
  const serviceCases = new Map<string, ServiceCase>();
  const serviceRecords = new Map<string, ServiceRecord>();
  const casePlans = new Map<string, CasePlan>();
  const random = seededRandom(seed);
  const coordination = seededRandom(seed + 9973);
  const draw = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Who registers, dispatches and closes demands: the talent office's officers.
  const officeStaff = officeOfficers.filter((u) => u.role === 'officer');
  const manager = users.get('u.manager')!;
  // A department's officers, the demo accounts among them (a liaison has cases of their own).
  const departmentOfficers = [...users.values()].filter((u) => u.role === 'officer' && u.departmentCode !== 'dept.rcb');
  // The talent office's own officers handle what it answers directly (直办).
  const staffOf = (code: string) =>
    code === 'dept.rcb' ? officeStaff : departmentOfficers.filter((u) => u.departmentCode === code);
  const bureaus = departments.filter((d) => d.kind === 'bureau').map((d) => d.code);
  const calendar = workingCalendar(officialHolidayYears);
  // Nothing happens on the anchor day itself: in the browser it is today, at any hour.
  const cutoff = isoAt(addDays(anchor, -1), 23, 59);
  const latestStart = addDays(anchor, -31);
  const priorities: [CasePriority, number][] = [
    ['low', 15],
    ['normal', 55],
    ['high', 22],
    ['urgent', 8],
  ];
  for (let k = 2; k >= 0; k--) {
    // Earlier years' months ran over National Day, so their deadlines count across a holiday.
    const startsOn = k === 0 ? latestStart : `${Number(latestStart.slice(0, 4)) - k}-09-22`;
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
      const departmentCode =
        faker.number.float() < 0.12
          ? pick(departments.filter((d) => d.kind === 'town')).code
          : categoryDepartment[categoryCode]!;
      const requesterName = faker.person.lastName() + faker.person.firstName();
      // Drawn for every requester (the draws are part of the seed); kept for people only.
      const personal = {
        idNumber: idNumber(faker, year),
        address: `江苏省昆山市${pick(towns).name}${faker.location.street()}${faker.number.int({ min: 1, max: 300 })}号`,
      };
      const category = demandCategories.find((c) => c.code === categoryCode)!;
      const title = pick(caseTitles[categoryCode]!);
      const enterprise = requesterType === 'enterprise' ? enterpriseName(faker) : null;
      const requesterPhone = faker.helpers
        .replaceSymbols('1##########')
        .replace(/^1./, `1${pick(['3', '5', '8', '9'])}`);
      const department = departments.find((d) => d.code === departmentCode)!;
      const countermeasure = `已由${department.name}对接，${pick(countermeasures)}。`;
      const redo = `已由${department.name}重新对接，${pick(countermeasures.filter((c) => !countermeasure.includes(c)))}。`;

      const creator = draw(officeStaff);
      // One demand in forty repeats an earlier one of the month (same requester, same problem).
      const repeated =
        coordination() < 0.025
          ? earlierOf(serviceCases, casePlans, { monthId: month.id, categoryCode, receivedAt }, coordination)
          : null;
      const registration: CaseRegistration = {
        id,
        monthId: month.id,
        requesterType,
        requesterName,
        enterpriseName: enterprise,
        requesterPhone,
        requesterIdNumber: requesterType === 'person' ? personal.idNumber : null,
        requesterAddress: requesterType === 'person' ? personal.address : null,
        categoryCode,
        title,
        description: `${requesterName}反映：${title}。所属领域：${category.name}，希望有关部门协调解决。`,
        priority,
      };
      const created = registerCase(repeated ? { ...registration, ...repeatedFields(repeated) } : registration, {
        now: receivedAt,
        calendar,
        timeLimitDays: demandCategories.find((c) => c.code === (repeated?.categoryCode ?? categoryCode))!.timeLimitDays,
      });
      // A policy question (a payout, a certification) the talent office answers itself now and then (直办).
      const direct = coordination() < 0.2 && (categoryCode === 'cat.payout' || categoryCode === 'cat.certification');
      const lead = direct ? 'dept.rcb' : departmentCode;
      const steps = simulateCase(created, {
        random,
        calendar,
        cutoff,
        officeStaff,
        manager,
        staffOf,
        department: lead,
        bureaus,
        timeLimitDays: category.timeLimitDays,
        // One case in six is with a slow hand: every delay half as long again or more.
        slowness: random() < 0.17 ? 1.5 + random() : 1,
        answer:
          lead === departmentCode
            ? { countermeasure, citedPolicyCode: citedPolicy(countermeasure, categoryCode), redo }
            : {
                countermeasure: countermeasure.replace(department.name, '人才办'),
                citedPolicyCode: citedPolicy(countermeasure, categoryCode),
                redo: redo.replace(department.name, '人才办'),
              },
        waitsForDispatch: k === 0 && random() < 0.03,
        coordination,
        duplicateOf: repeated?.id ?? null,
      });
      // The registered case, as the history replays it from (`replayCaseHistories`).
      serviceCases.set(id, created);
      casePlans.set(id, { created, creator, steps });
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

  return { serviceMonths, serviceCases, serviceRecords, casePlans };
}
