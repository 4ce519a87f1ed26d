import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceCaseSchema } from '../../src/api/schemas/service-cases';
import { scoreFactsOf } from '../../domain/rules/case-scores';
import { openDatabase, type OpenedDatabase } from './database';
import { caseColumns } from './store/service-cases';
import { rows } from './store/sql';

const folder = fileURLToPath(new URL('./migrations', import.meta.url));
const journal = (JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as { entries: { tag: string }[] })
  .entries;

/** Runs one migration's statements as drizzle would, without recording it. */
async function apply(database: OpenedDatabase, tag: string) {
  const text = readFileSync(`${folder}/${tag}.sql`, 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) {
    if (statement.trim()) await database.db.execute(sql.raw(statement));
  }
}

/** Two cases as the first workflow stored them (before migration 0007): one in hand, one closed after a visit. */
const oldCases = [
  {
    id: 'SC-2025-0001',
    status: 'assigned',
    doc: {
      id: 'SC-2025-0001',
      monthId: 'SM-2025',
      requesterType: 'person',
      requesterName: '王某',
      enterpriseName: null,
      requesterPhone: '13900002222',
      requesterIdNumber: null,
      requesterAddress: null,
      categoryCode: 'cat.housing',
      title: '人才公寓申请',
      description: '希望尽快解决',
      priority: 'normal',
      status: 'assigned',
      departmentCode: 'dept.zjj',
      assigneeId: 'u.liaison',
      assigneeName: '刘洋',
      receivedAt: '2025-09-22T09:00:00+08:00',
      dueAt: '2025-10-15T18:00:00+08:00',
      countermeasure: null,
      citedPolicyCode: null,
      answeredAt: null,
      closedAt: null,
      supervision: null,
      followUp: null,
      linkedPatchId: null,
      updatedAt: '2025-09-22T09:00:00+08:00',
      version: 2,
    },
  },
  {
    id: 'SC-2025-0002',
    status: 'closed',
    doc: {
      id: 'SC-2025-0002',
      monthId: 'SM-2025',
      requesterType: 'enterprise',
      requesterName: '李某',
      enterpriseName: '昆山某科技有限公司',
      requesterPhone: '13900003333',
      requesterIdNumber: null,
      requesterAddress: null,
      categoryCode: 'cat.project',
      title: '项目用房',
      description: '申请研发用房',
      priority: 'high',
      status: 'closed',
      departmentCode: 'dept.kjj',
      assigneeId: null,
      assigneeName: null,
      receivedAt: '2025-09-23T09:00:00+08:00',
      dueAt: '2025-10-20T18:00:00+08:00',
      countermeasure: '已安排研发用房',
      citedPolicyCode: 'pol.project.space',
      answeredAt: '2025-10-10T10:00:00+08:00',
      closedAt: '2025-10-13T10:00:00+08:00',
      supervision: null,
      followUp: { satisfaction: 'satisfied', note: '', byName: '李娜', at: '2025-10-13T10:00:00+08:00' },
      linkedPatchId: 'PP-2025-001',
      updatedAt: '2025-10-13T10:00:00+08:00',
      version: 4,
    },
  },
];

/** When the case in hand answered before its answer was sent back (stored so before migration 0010). */
const sentBackAnswerAt = '2025-10-09T10:00:00+08:00';

/** A dispatch to 人社局 the office sent on to 住建局 before it was signed, stored so before 0010. */
const dispatches = [
  { departmentCode: 'dept.rsj', at: '2025-09-22T08:30:00+08:00', signedAt: null },
  { departmentCode: 'dept.zjj', at: '2025-09-22T09:00:00+08:00', signedAt: '2025-09-22T09:30:00+08:00' },
].map((d) => ({ ...d, byName: '李娜', signDueAt: '2025-09-23T18:00:00+08:00', upheld: false, returned: null }));
const dispatchFacts = dispatches.map((d) => ({
  departmentCode: d.departmentCode,
  at: d.at,
  signDueAt: d.signDueAt,
  signedAt: d.signedAt,
  returnedAt: null,
  returnDecision: null,
}));

let database: OpenedDatabase;
beforeAll(async () => {
  database = await openDatabase({ memory: true });
  // The schema as it stood before the hotline lifecycle: migrations 0000–0006.
  const upTo = journal.findIndex((m) => m.tag.startsWith('0007'));
  for (const { tag } of journal.slice(0, upTo)) await apply(database, tag);
  for (const c of oldCases) {
    await database.db
      .execute(sql`insert into service_cases (id, doc, version, month_id, status, priority_rank, priority,
        category_code, department_code, assignee_id, received_at, due_at, closed_at, updated_at, search)
      values (${c.id}, ${JSON.stringify(c.doc)}::json, ${c.doc.version}, ${c.doc.monthId}, ${c.status}, 1,
        ${c.doc.priority}, ${c.doc.categoryCode}, ${c.doc.departmentCode}, ${c.doc.assigneeId}, ${c.doc.receivedAt},
        ${c.doc.dueAt}, ${c.doc.closedAt}, ${c.doc.updatedAt}, array[${c.id}]::text[])`);
  }
  for (const { tag } of journal.slice(upTo)) {
    // Before 0010, an answer sent back kept its time in the columns, and the dispatches' facts
    // had no replacement time: the case in hand as if answered, sent back, and first dispatched
    // to another department that the office sent it on from unsigned.
    if (tag.startsWith('0010')) {
      await database.db.execute(sql`update service_cases set
        doc = jsonb_set(jsonb_set(doc::jsonb, '{answeredAt}', to_jsonb(${sentBackAnswerAt}::text)),
          '{dispatches}', ${JSON.stringify(dispatches)}::jsonb)::json,
        answered_at = ${sentBackAnswerAt},
        score_facts = jsonb_set(jsonb_set(score_facts, '{answeredAt}', to_jsonb(${sentBackAnswerAt}::text)),
          '{dispatches}', ${JSON.stringify(dispatchFacts)}::jsonb)
        where id = 'SC-2025-0001'`);
    }
    await apply(database, tag);
  }
}, 60_000);
afterAll(() => database?.close());

describe('a database stored before the hotline lifecycle, upgraded by migrations 0007 onwards', () => {
  it('holds cases the contract reads, with every column as the store would write it', async () => {
    const stored = await rows<Record<string, unknown> & { doc: unknown }>(
      database.db,
      sql`select * from service_cases order by id`,
    );
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      // Strict: every field the contract now has is in the stored document itself.
      const parsed = serviceCaseSchema.strict().parse(row.doc);
      // Written into the stored document, not only defaulted when read.
      expect(row.doc).toHaveProperty('accepted', null);
      const columns = caseColumns(parsed);
      expect(row.status).toBe(columns.status);
      expect(row.stage_due_at).toBe(columns.stageDueAt);
      expect(row.answered_at).toBe(columns.answeredAt);
      expect(row.overdue_from).toBe(parsed.stageDueAt);
      expect(row.score_facts).toEqual(JSON.parse(JSON.stringify(scoreFactsOf(parsed))));
      expect(row.assist_department_codes).toEqual([]);
      expect(row.open_assist_department_codes).toEqual([]);
      expect(row.merged_into).toBeNull();
      expect(row.lapse_noticed_due_ats).toEqual(columns.lapseNoticedDueAts);
      expect(row.linked_patch_id).toBe(parsed.linkedPatchId);
    }
    const [inHand, closed] = stored.map((row) => serviceCaseSchema.parse(row.doc));
    // The answer sent back no longer stands: unanswered in the columns and the score facts.
    expect(stored[0]).toMatchObject({ answered_at: null, score_facts: { answeredAt: null } });
    const facts = (stored[0]!.score_facts as { dispatches: { replacedAt: string | null }[] }).dispatches;
    expect(facts.map((d) => d.replacedAt)).toEqual(['2025-09-22T09:00:00+08:00', null]);
    expect(inHand).toMatchObject({
      answeredAt: sentBackAnswerAt,
      status: 'inProgress',
      round: 1,
      stageDueAt: '2025-10-15T18:00:00+08:00',
      assists: [],
    });
    expect(closed).toMatchObject({
      status: 'closed',
      linkedPatchId: 'PP-2025-001',
      commonality: null,
      mergedInto: null,
    });
  });
});
