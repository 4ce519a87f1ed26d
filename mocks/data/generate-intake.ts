import type { IntakeRecord, IntakeStage } from '../../src/api/schemas/intake';
import { addDays, isoAt } from '../../domain/rules/dates';
import { daysBetween } from '../../src/lib/calendar';
import type { GeneratorContext } from './generator-context';
import { enterpriseName } from './names';
import { channels, events, industries, towns } from './reference';

/** Intake records over three full years and the anchor year to date, and annual landed targets. */
export function generateIntake({ faker, pick, weighted, anchor, anchorYear, officeOfficers }: GeneratorContext) {
  // Intake records: three full years before the anchor year, and the anchor year to date.
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

  return { intakeRecords, intakeTargets };
}
