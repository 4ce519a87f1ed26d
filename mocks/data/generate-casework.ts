import type { User } from '../../src/api/schemas/auth';
import type { CasePriority, ServiceCase, ServiceMonth, ServiceRecord } from '../../src/api/schemas/service-cases';
import { addDays, isoAt, toCstIso } from '../../domain/rules/dates';
import { daysBetween } from '../../src/lib/calendar';
import { seededRandom, type CasePlan, type CaseStep } from './case-history';
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
 * Three annual service months: their cases (demands) and the services delivered, and for each
 * case the plan of its history (`case-history.ts`), replayed once policy patches have linked theirs.
 */
export function generateCasework({
  seed,
  faker,
  pick,
  weighted,
  anchor,
  users,
  officerPool,
  officeOfficers,
}: GeneratorContext) {
  // Three annual service months; the latest ended two weeks before the anchor, so casework is live.
  const serviceMonths = new Map<string, ServiceMonth>();
  const serviceCases = new Map<string, ServiceCase>();
  const serviceRecords = new Map<string, ServiceRecord>();
  const casePlans = new Map<string, CasePlan>();
  const random = seededRandom(seed);
  const draw = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const minutesLater = (at: string, minutes: number) => toCstIso(new Date(Date.parse(at) + minutes * 60_000));
  // Who registers, dispatches and closes demands: the talent office's officers.
  const officeStaff = officeOfficers.filter((u) => u.role === 'officer');
  const manager = users.get('u.manager')!;
  // Nothing happens on the anchor day itself: in the browser it is today, at any hour.
  const lastDay = addDays(anchor, -1);
  const capped = (day: string) => (day > lastDay ? lastDay : day);
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
      // Drawn for every requester (the draws are part of the seed); kept for people only.
      const personal = {
        idNumber: idNumber(faker, year),
        address: `江苏省昆山市${pick(towns).name}${faker.location.street()}${faker.number.int({ min: 1, max: 300 })}号`,
      };
      // How far along the case is: recent cases spread over the workflow, old ones are mostly closed.
      const progress = age > 60 ? 0.3 + faker.number.float() : faker.number.float() * Math.min(1, age / 25);
      const status: ServiceCase['status'] =
        progress < 0.08 ? 'new' : progress < 0.22 ? 'assigned' : progress < 0.32 ? 'answered' : 'closed';
      const departmentStaff = officerPool.filter((u) => u.departmentCode === departmentCode);
      const assignee = status === 'new' ? null : pick(departmentStaff);
      const handlingDays = Math.max(1, Math.round(slaDays * faker.number.float({ min: 0.2, max: 1.5 })));
      const answeredDay = addDays(received, handlingDays);
      const answered = status === 'answered' || status === 'closed' ? capped(answeredDay) : null;
      const closedDay = answered ? addDays(answered, faker.number.int({ min: 0, max: 4 })) : null;
      const closed = status === 'closed' && closedDay ? capped(closedDay) : null;
      const category = demandCategories.find((c) => c.code === categoryCode)!;
      const title = pick(caseTitles[categoryCode]!);
      const supervised = status !== 'closed' && priority !== 'low' && faker.number.float() < 0.08;
      const visited = closed !== null && faker.number.float() < 0.7;
      const satisfaction = visited
        ? weighted([
            ['satisfied', 78],
            ['basically_satisfied', 17],
            ['unsatisfied', 5],
          ] as const)
        : null;
      const visitor = visited ? pick(officeOfficers) : null;
      const visitDay = closed && capped(addDays(closed, 3));
      const followUp =
        satisfaction && visitor && visitDay
          ? {
              satisfaction,
              note: '',
              byName: visitor.displayName,
              // After the closure, also when both fall on the last day.
              at: isoAt(visitDay, visitDay === closed ? 18 : 15),
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
      // Drawn in the order the data has always drawn them (the seed's data stays as it was).
      const enterprise = requesterType === 'enterprise' ? enterpriseName(faker) : null;
      const requesterPhone = faker.helpers
        .replaceSymbols('1##########')
        .replace(/^1./, `1${pick(['3', '5', '8', '9'])}`);
      const department = departments.find((d) => d.code === departmentCode)!;
      const countermeasure = answered ? `已由${department.name}对接，${pick(countermeasures)}。` : null;

      // The history its fields imply, on the histories' own draws; each step after the one before.
      const creator = draw(officeStaff);
      const steps: CaseStep[] = [];
      let last = receivedAt;
      const step = (action: CaseStep['action'], at: string, actor: User, change: Partial<ServiceCase>) => {
        last = at > last ? at : minutesLater(last, 30);
        steps.push({ action, at: last, actor, change });
        return last;
      };
      // The assignee answers, now and then a colleague of the department.
      const colleagues = departmentStaff.filter((u) => u !== assignee);
      const answerer = () => (colleagues.length === 0 || random() < 0.85 ? assignee! : draw(colleagues));
      if (status !== 'new') {
        step(
          'assign',
          minutesLater(receivedAt, 10 + Math.floor(random() * 170)),
          random() < 0.6 ? creator : draw(officeStaff),
          {
            status: 'assigned',
            departmentCode,
            assigneeId: assignee!.id,
            assigneeName: assignee!.displayName,
            dueAt,
          },
        );
      }
      // Old unsatisfied cases were answered and closed again after the visit.
      const settled = followUp?.satisfaction === 'unsatisfied' && !reopened;
      let answeredAt: string | null = null;
      let closedAt: string | null = null;
      if (answered && countermeasure) {
        const first = settled
          ? `已由${department.name}对接，${draw(countermeasures.filter((c) => !countermeasure.includes(c)))}。`
          : countermeasure;
        answeredAt = step('answer', isoAt(answered, 16), answerer(), {
          status: 'answered',
          countermeasure: first,
          citedPolicyCode: citedPolicy(first, categoryCode),
          answeredAt: isoAt(answered, 16),
        });
      }
      if (closed)
        closedAt = step('close', isoAt(closed, 17), draw(officeStaff), {
          status: 'closed',
          closedAt: isoAt(closed, 17),
        });
      if (followUp && visitor) {
        step(
          'followUp',
          followUp.at,
          visitor,
          followUp.satisfaction === 'unsatisfied' ? { followUp, status: 'reopened', closedAt: null } : { followUp },
        );
      }
      if (settled && countermeasure) {
        const again = capped(addDays(followUp.at.slice(0, 10), 1 + Math.floor(random() * 5)));
        answeredAt = step('answer', isoAt(again, 16), answerer(), {
          status: 'answered',
          countermeasure,
          citedPolicyCode: citedPolicy(countermeasure, categoryCode),
          answeredAt: isoAt(again, 16),
        });
        const closing = capped(addDays(again, Math.floor(random() * 4)));
        closedAt = step('close', isoAt(closing, 17), draw(officeStaff), {
          status: 'closed',
          closedAt: isoAt(closing, 17),
        });
      }
      const supervision = supervised
        ? {
            deadline: addDays(received, Math.max(3, slaDays - 2)),
            note: '请加快办理并及时反馈',
            byName: manager.displayName,
            at: isoAt(addDays(received, 1), 11),
          }
        : null;
      // Out of the chain: steps are replayed in time order.
      if (supervision) steps.push({ action: 'supervise', at: supervision.at, actor: manager, change: { supervision } });

      const serviceCase: ServiceCase = {
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
        status: reopened ? 'reopened' : status,
        departmentCode: status === 'new' ? null : departmentCode,
        assigneeId: assignee?.id ?? null,
        assigneeName: assignee?.displayName ?? null,
        receivedAt,
        dueAt,
        countermeasure,
        citedPolicyCode: countermeasure === null ? null : citedPolicy(countermeasure, categoryCode),
        answeredAt,
        closedAt: reopened ? null : closedAt,
        supervision,
        followUp,
        linkedPatchId: null,
        // Set when the history is replayed.
        updatedAt: receivedAt,
        version: 1,
      };
      serviceCases.set(id, serviceCase);
      casePlans.set(id, {
        // As registered: a new case, due by its priority's deadline (a new one keeps what it has).
        created: {
          ...serviceCase,
          status: 'new',
          departmentCode: null,
          assigneeId: null,
          assigneeName: null,
          dueAt: status === 'new' ? dueAt : isoAt(slaDue, 18),
          countermeasure: null,
          answeredAt: null,
          closedAt: null,
          supervision: null,
          followUp: null,
        },
        creator,
        steps,
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

  return { serviceMonths, serviceCases, serviceRecords, casePlans };
}
