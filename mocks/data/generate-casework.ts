import type { CasePriority, ServiceCase, ServiceMonth, ServiceRecord } from '../../src/api/schemas/service-cases';
import { addDays, isoAt } from '../../domain/rules/dates';
import { daysBetween } from '../../src/lib/calendar';
import type { GeneratorContext } from './generator-context';
import { enterpriseName, idNumber } from './names';
import { caseTitles, serviceTitles } from './phrases';
import { categoryDepartment, demandCategories, departments, towns } from './reference';

/** Three annual service months: their cases (demands) and the services delivered. */
export function generateCasework({
  faker,
  pick,
  weighted,
  anchor,
  users,
  officerPool,
  officeOfficers,
  audit,
}: GeneratorContext) {
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

  return { serviceMonths, serviceCases, serviceRecords };
}
