import { and, eq, isNotNull } from 'drizzle-orm';
import { intakeStages, type IntakeRecord } from '../../../src/api/schemas/intake';
import type { IntakeQuery } from '../../../domain/store';
import { intakeRecords } from '../schema';
import { anyOf, dayRange, numberRange, rankOf, searchTerms, textSearch } from './sql';

/** An intake record's row: the record itself and what its lists filter, sort and count by. */
export function intakeColumns(record: IntakeRecord): typeof intakeRecords.$inferInsert {
  return {
    id: record.id,
    doc: record,
    version: record.version,
    kind: record.kind,
    stage: record.stage,
    stageRank: rankOf(record.stage, intakeStages),
    name: record.name,
    channelCode: record.channelCode,
    eventCode: record.eventCode,
    tierCode: record.tierCode,
    industryCode: record.industryCode,
    townCode: record.townCode,
    officerId: record.officerId,
    officerName: record.officerName,
    investment: record.investment === null ? null : String(record.investment),
    leadOn: record.stageDates.lead,
    signedOn: record.stageDates.signed,
    landedOn: record.stageDates.landed,
    updatedAt: record.updatedAt,
    search: searchTerms(record.id, record.name, record.organization, record.officerName),
  };
}

/** The filter lists, figures and bulk actions share; `from`/`to` bound the lead (线索) date. */
export function intakeWhere(query: IntakeQuery) {
  const t = intakeRecords;
  return and(
    anyOf(t.id, query.id),
    anyOf(t.channelCode, query.channel),
    anyOf(t.stage, query.stage),
    anyOf(t.tierCode, query.tier),
    anyOf(t.industryCode, query.industry),
    anyOf(t.townCode, query.town),
    anyOf(t.eventCode, query.event),
    anyOf(t.officerId, query.officer),
    dayRange(t.leadOn, query.from, query.to),
    query.kind ? eq(t.kind, query.kind) : undefined,
    query.hasEvent ? isNotNull(t.eventCode) : undefined,
    dayRange(t.landedOn, query.landedFrom, query.landedTo),
    numberRange(t.investment, query.investmentMin, query.investmentMax),
    textSearch(t.search, query.q),
  );
}
