import { can } from '../../src/api/permissions';
import type { Page } from '../../src/api/schemas/common';
import {
  BULK_FILTER_LIMIT,
  intakeStages,
  type IntakeBulkReassign,
  type IntakeListQuery,
  type IntakeRecord,
  type IntakeRecordCreate,
  type IntakeRecordUpdate,
  type IntakeStageAdvance,
} from '../../src/api/schemas/intake';
import { auditEventOf, recordAudit } from './audit';
import type { RuleContext } from './context';
import { cstDay, toCstIso } from './dates';
import { maskPhone } from './masking';
import { problems } from './problem';
import { checkReferences } from './references';
import { checkVersion, saveVersioned, saveVersionedMany } from './versioning';
import { parseSort } from './sorting';
import { intakeSortFields, type IntakeQuery } from '../store';

export function presentIntakeRecord(ctx: RuleContext, record: IntakeRecord): IntakeRecord {
  return can(ctx.user, 'intake:personal:read') ? record : { ...record, phone: maskPhone(record.phone) };
}

export async function listIntakeRecords(ctx: RuleContext, query: IntakeListQuery): Promise<Page<IntakeRecord>> {
  const sort = parseSort(query.sort, intakeSortFields, '-leadOn');
  const page = await ctx.store.intakeRecords.list(query, sort, query.page, query.pageSize);
  return { ...page, items: page.items.map((r) => presentIntakeRecord(ctx, r)) };
}

export async function getIntakeRecord(ctx: RuleContext, id: string): Promise<IntakeRecord> {
  const record = await ctx.store.intakeRecords.get(id);
  if (!record) throw problems.notFound(`Intake record ${id}`);
  return record;
}

/** Records are worked by the talent office's officers and managers; an admin account is no assignee. */
async function assignee(ctx: RuleContext, officerId: string) {
  const officer = await ctx.store.users.get(officerId);
  return officer && officer.active && officer.role !== 'admin' && can(officer, 'intake:write') ? officer : undefined;
}

async function checkIntakeInput(ctx: RuleContext, input: IntakeRecordCreate) {
  const extra = [];
  const officer = await assignee(ctx, input.officerId);
  const dictionaries = await ctx.store.dictionaries.get();
  if (!officer) {
    extra.push({ field: 'officerId', code: 'inactive_assignee', message: 'not an active officer' });
  }
  const event = input.eventCode ? dictionaries.events.find((e) => e.code === input.eventCode) : null;
  if (event && event.channelCode !== input.channelCode) {
    extra.push({ field: 'eventCode', code: 'event_channel', message: 'the event belongs to another channel' });
  }
  if (input.kind === 'person' && input.investment !== null) {
    extra.push({ field: 'investment', code: 'investment_person', message: 'only projects carry an investment' });
  }
  checkReferences(
    dictionaries,
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

export async function createIntakeRecord(ctx: RuleContext, input: IntakeRecordCreate): Promise<IntakeRecord> {
  const officer = await checkIntakeInput(ctx, input);
  const today = cstDay(ctx.now());
  const prefix = `IR-${today.slice(0, 4)}-`;
  const serial = await ctx.store.nextSerial(prefix);
  const now = toCstIso(ctx.now());
  const record: IntakeRecord = {
    ...input,
    id: `${prefix}${String(serial).padStart(5, '0')}`,
    officerName: officer.displayName,
    stage: 'lead',
    stageDates: { lead: today, negotiating: null, signed: null, landed: null },
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await ctx.store.intakeRecords.insert(record);
  await recordAudit(ctx, 'intakeRecord', record.id, 'create', null, record);
  return presentIntakeRecord(ctx, record);
}

async function save(ctx: RuleContext, before: IntakeRecord, after: IntakeRecord, action: string) {
  const saved = { ...after, version: before.version + 1, updatedAt: toCstIso(ctx.now()) };
  await saveVersioned(ctx.store.intakeRecords, before, saved, (r) => presentIntakeRecord(ctx, r));
  await recordAudit(ctx, 'intakeRecord', saved.id, action, before, saved);
  return presentIntakeRecord(ctx, saved);
}

export async function updateIntakeRecord(
  ctx: RuleContext,
  id: string,
  input: IntakeRecordUpdate,
  ifMatch: number | null,
): Promise<IntakeRecord> {
  const current = await getIntakeRecord(ctx, id);
  checkVersion(current, ifMatch, (r) => presentIntakeRecord(ctx, r));
  const officer = await checkIntakeInput(ctx, input);
  // A masked phone sent back unchanged keeps the stored number.
  const phone = input.phone === maskPhone(current.phone) ? current.phone : input.phone;
  return save(ctx, current, { ...current, ...input, phone, officerName: officer.displayName }, 'update');
}

export async function advanceIntakeStage(
  ctx: RuleContext,
  id: string,
  input: IntakeStageAdvance,
  ifMatch: number | null,
): Promise<IntakeRecord> {
  const current = await getIntakeRecord(ctx, id);
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

export async function reassignIntakeRecords(ctx: RuleContext, input: IntakeBulkReassign): Promise<{ updated: number }> {
  const { officerId } = input;
  const officer = await assignee(ctx, officerId);
  if (!officer) {
    throw problems.validation([{ field: 'officerId', code: 'inactive_assignee', message: 'not an active officer' }]);
  }
  const records = 'ids' in input ? await recordsNamed(ctx, input.ids) : await recordsMatching(ctx, input.filter);
  // Set-based: one read, one compare-and-set and one history append per thousand records.
  const before = records.filter((record) => record.officerId !== officerId);
  const updatedAt = toCstIso(ctx.now());
  const after = before.map((record) => ({
    ...record,
    officerId,
    officerName: officer.displayName,
    version: record.version + 1,
    updatedAt,
  }));
  await saveVersionedMany(ctx.store.intakeRecords, after, (r) => presentIntakeRecord(ctx, r));
  await ctx.store.audit.appendMany(
    before.map((record, index) => auditEventOf(ctx, 'intakeRecord', record.id, 'reassign', record, after[index]!)),
  );
  return { updated: after.length };
}

/** The records a bulk action names, every one of which must exist. */
async function recordsNamed(ctx: RuleContext, ids: readonly string[]): Promise<IntakeRecord[]> {
  const unique = [...new Set(ids)];
  const records = await ctx.store.intakeRecords.getMany(unique);
  if (records.length < unique.length) {
    const found = new Set(records.map((record) => record.id));
    const missing = unique.filter((id) => !found.has(id));
    throw problems.validation([
      { field: 'ids', code: 'unknown_records', message: `unknown records: ${missing.slice(0, 5).join(', ')}` },
    ]);
  }
  return records;
}

/** The records a filter matches, if no more than one bulk action may take. */
async function recordsMatching(ctx: RuleContext, filter: IntakeQuery): Promise<IntakeRecord[]> {
  const ids = await ctx.store.intakeRecords.ids(filter, BULK_FILTER_LIMIT + 1);
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
  return ctx.store.intakeRecords.getMany(ids);
}
