import { can } from '../../src/api/permissions';
import type { Page } from '../../src/api/schemas/common';
import {
  BULK_FILTER_LIMIT,
  intakeStages,
  type IntakeBulkReassign,
  type IntakeFilter,
  type IntakeListQuery,
  type IntakeRecord,
  type IntakeRecordCreate,
  type IntakeRecordUpdate,
  type IntakeStageAdvance,
} from '../../src/api/schemas/intake';
import { recordAudit } from './audit';
import type { RuleContext } from './context';
import { cstDay, toCstIso } from './dates';
import { inDateRange, matchesAny, matchesText, paginate, sortItems, type SortAccessors } from './list';
import { maskPhone } from './masking';
import { problems } from './problem';
import { checkReferences } from './references';
import { checkVersion } from './versioning';

const sortAccessors: SortAccessors<IntakeRecord> = {
  id: (r) => r.id,
  name: (r) => r.name,
  stage: (r) => intakeStages.indexOf(r.stage),
  leadOn: (r) => r.stageDates.lead,
  landedOn: (r) => r.stageDates.landed,
  investment: (r) => r.investment,
  updatedAt: (r) => Date.parse(r.updatedAt),
  channel: (r) => r.channelCode,
  town: (r) => r.townCode,
  officer: (r) => r.officerName,
};

export function presentIntakeRecord(ctx: RuleContext, record: IntakeRecord): IntakeRecord {
  return can(ctx.user, 'intake:personal:read') ? record : { ...record, phone: maskPhone(record.phone) };
}

/** The filter the lists and the stats share; the date range applies to the lead (线索) date. */
/** A missing value never matches a bound. */
function inNumberRange(value: number | null, min: number | undefined, max: number | undefined): boolean {
  if (min === undefined && max === undefined) return true;
  return value !== null && (min === undefined || value >= min) && (max === undefined || value <= max);
}

export function filterIntakeRecords(ctx: RuleContext, filter: IntakeFilter & { q?: string }): IntakeRecord[] {
  const result: IntakeRecord[] = [];
  for (const r of ctx.db.intakeRecords.values()) {
    if (
      matchesAny(filter.channel, r.channelCode) &&
      matchesAny(filter.stage, r.stage) &&
      matchesAny(filter.tier, r.tierCode) &&
      matchesAny(filter.industry, r.industryCode) &&
      matchesAny(filter.town, r.townCode) &&
      matchesAny(filter.event, r.eventCode) &&
      matchesAny(filter.officer, r.officerId) &&
      inDateRange(r.stageDates.lead, filter.from, filter.to) &&
      (!filter.kind || r.kind === filter.kind) &&
      (!filter.hasEvent || r.eventCode !== null) &&
      inDateRange(r.stageDates.landed, filter.landedFrom, filter.landedTo) &&
      inNumberRange(r.investment, filter.investmentMin, filter.investmentMax) &&
      matchesText(filter.q, r.id, r.name, r.organization, r.officerName)
    ) {
      result.push(r);
    }
  }
  return result;
}

export function listIntakeRecords(ctx: RuleContext, query: IntakeListQuery): Page<IntakeRecord> {
  const sorted = sortItems(filterIntakeRecords(ctx, query), query.sort, sortAccessors, '-leadOn');
  const page = paginate(sorted, query.page, query.pageSize);
  return { ...page, items: page.items.map((r) => presentIntakeRecord(ctx, r)) };
}

export function getIntakeRecord(ctx: RuleContext, id: string): IntakeRecord {
  const record = ctx.db.intakeRecords.get(id);
  if (!record) throw problems.notFound(`Intake record ${id}`);
  return record;
}

/** Records are worked by the talent office's officers and managers; an admin account is no assignee. */
function assignee(ctx: RuleContext, officerId: string) {
  const officer = ctx.db.users.get(officerId);
  return officer && officer.active && officer.role !== 'admin' && can(officer, 'intake:write') ? officer : undefined;
}

function checkIntakeInput(ctx: RuleContext, input: IntakeRecordCreate) {
  const extra = [];
  const officer = assignee(ctx, input.officerId);
  if (!officer) {
    extra.push({ field: 'officerId', code: 'inactive_assignee', message: 'not an active officer' });
  }
  const event = input.eventCode ? ctx.db.dictionaries.events.find((e) => e.code === input.eventCode) : null;
  if (event && event.channelCode !== input.channelCode) {
    extra.push({ field: 'eventCode', code: 'event_channel', message: 'the event belongs to another channel' });
  }
  if (input.kind === 'person' && input.investment !== null) {
    extra.push({ field: 'investment', code: 'investment_person', message: 'only projects carry an investment' });
  }
  checkReferences(
    ctx.db,
    [
      ['channelCode', 'channels', input.channelCode],
      ['eventCode', 'events', input.eventCode],
      ['tierCode', 'talentTiers', input.tierCode],
      ['industryCode', 'industries', input.industryCode],
      ['townCode', 'towns', input.townCode],
    ],
    extra,
  );
  return officer!;
}

export function createIntakeRecord(ctx: RuleContext, input: IntakeRecordCreate): IntakeRecord {
  const officer = checkIntakeInput(ctx, input);
  const today = cstDay(ctx.now());
  const year = today.slice(0, 4);
  const serial = [...ctx.db.intakeRecords.keys()].filter((id) => id.startsWith(`IR-${year}-`)).length + 1;
  const now = toCstIso(ctx.now());
  const record: IntakeRecord = {
    ...input,
    id: `IR-${year}-${String(serial).padStart(5, '0')}`,
    officerName: officer.displayName,
    stage: 'lead',
    stageDates: { lead: today, negotiating: null, signed: null, landed: null },
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  ctx.db.intakeRecords.set(record.id, record);
  recordAudit(ctx, 'intakeRecord', record.id, 'create', null, record);
  return presentIntakeRecord(ctx, record);
}

function save(ctx: RuleContext, before: IntakeRecord, after: IntakeRecord, action: string): IntakeRecord {
  const saved = { ...after, version: before.version + 1, updatedAt: toCstIso(ctx.now()) };
  ctx.db.intakeRecords.set(saved.id, saved);
  recordAudit(ctx, 'intakeRecord', saved.id, action, before, saved);
  return presentIntakeRecord(ctx, saved);
}

export function updateIntakeRecord(
  ctx: RuleContext,
  id: string,
  input: IntakeRecordUpdate,
  ifMatch: number | null,
): IntakeRecord {
  const current = getIntakeRecord(ctx, id);
  checkVersion(current, ifMatch, (r) => presentIntakeRecord(ctx, r));
  const officer = checkIntakeInput(ctx, input);
  // A masked phone sent back unchanged keeps the stored number.
  const phone = input.phone === maskPhone(current.phone) ? current.phone : input.phone;
  return save(ctx, current, { ...current, ...input, phone, officerName: officer.displayName }, 'update');
}

export function advanceIntakeStage(
  ctx: RuleContext,
  id: string,
  input: IntakeStageAdvance,
  ifMatch: number | null,
): IntakeRecord {
  const current = getIntakeRecord(ctx, id);
  checkVersion(current, ifMatch, (r) => presentIntakeRecord(ctx, r));
  const from = intakeStages.indexOf(current.stage);
  const to = intakeStages.indexOf(input.stage);
  if (to <= from) throw problems.invalidTransition(`A record at ${current.stage} cannot move back to ${input.stage}`);
  const previousDate = current.stageDates[current.stage]!;
  if (input.on < previousDate || input.on > cstDay(ctx.now())) {
    throw problems.validation([
      {
        field: 'on',
        code: 'date_out_of_range',
        params: { from: previousDate, to: cstDay(ctx.now()) },
        message: `must be between ${previousDate} and today`,
      },
    ]);
  }
  const stageDates = { ...current.stageDates };
  // Skipped stages are taken as reached on the same day.
  for (let i = from + 1; i <= to; i++) stageDates[intakeStages[i]!] = input.on;
  return save(ctx, current, { ...current, stage: input.stage, stageDates }, 'advance');
}

export function reassignIntakeRecords(ctx: RuleContext, input: IntakeBulkReassign): { updated: number } {
  const { officerId } = input;
  const officer = assignee(ctx, officerId);
  if (!officer) {
    throw problems.validation([{ field: 'officerId', code: 'inactive_assignee', message: 'not an active officer' }]);
  }
  let ids: string[];
  if ('ids' in input) {
    ids = input.ids;
    const missing = ids.filter((id) => !ctx.db.intakeRecords.has(id));
    if (missing.length > 0) {
      throw problems.validation([
        { field: 'ids', code: 'unknown_records', message: `unknown records: ${missing.slice(0, 5).join(', ')}` },
      ]);
    }
  } else {
    ids = filterIntakeRecords(ctx, input.filter).map((r) => r.id);
    if (ids.length > BULK_FILTER_LIMIT) {
      throw problems.validation([
        {
          field: 'filter',
          code: 'bulk_limit',
          params: { limit: BULK_FILTER_LIMIT },
          message: `matches more than ${BULK_FILTER_LIMIT} records`,
        },
      ]);
    }
  }
  let updated = 0;
  for (const id of ids) {
    const current = ctx.db.intakeRecords.get(id)!;
    if (current.officerId === officerId) continue;
    save(ctx, current, { ...current, officerId, officerName: officer.displayName }, 'reassign');
    updated++;
  }
  return { updated };
}
