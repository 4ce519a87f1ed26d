import { TALENT_OFFICE_DEPARTMENT } from '../../src/api/permissions';
import type { CaseImportBody, CaseImportResult, CaseImportRow } from '../../src/api/schemas/case-import';
import type { FieldError } from '../../src/api/schemas/common';
import { serviceCaseCreateSchema, type ServiceCase, type ServiceCaseCreate } from '../../src/api/schemas/service-cases';
import { recordAudit } from './audit';
import { caseQueueFrame } from './case-queue';
import type { RuleContext } from './context';
import { fieldErrors, problems } from './problem';
import { caseScope } from './scope';
import { createServiceCase } from './service-cases';

/** One demand as it is compared for duplicates: the requester's phone, the title and the description, spacing and case aside. */
const sameness = (c: Pick<ServiceCaseCreate, 'requesterPhone' | 'title' | 'description'>) =>
  [c.requesterPhone, c.title, c.description].map((part) => part.replace(/\s+/g, ' ').trim().toLowerCase()).join('\n');

/** Every case of the month, read a page at a time. */
async function casesOfMonth(ctx: RuleContext, monthId: string): Promise<ServiceCase[]> {
  const frame = await caseQueueFrame(ctx);
  const cases: ServiceCase[] = [];
  for (let page = 1; ; page++) {
    const answer = await ctx.store.serviceCases.list(
      caseScope(ctx),
      { month: monthId, page, pageSize: 1000 },
      { field: 'receivedAt', descending: false },
      frame,
    );
    cases.push(...answer.items);
    if (cases.length >= answer.total || answer.items.length === 0) return cases;
  }
}

/** A row as the create contract takes it (an empty enterprise is none). */
function inputOf(monthId: string, row: CaseImportRow): Record<string, unknown> {
  const { row: _row, enterpriseName, ...fields } = row;
  return { ...fields, monthId, enterpriseName: enterpriseName.trim() === '' ? null : enterpriseName };
}

/**
 * 导入需求清单: each row checked against the create contract and the dictionaries, and against
 * the month's cases and the rows before it for duplicates. A dry run answers what an import
 * would do and writes nothing; an import registers the valid new rows as the talent office
 * registers one demand (each audited), and records the import itself. Importing the same file
 * again creates nothing: its rows are all duplicates by then.
 */
export async function importServiceCases(ctx: RuleContext, body: CaseImportBody): Promise<CaseImportResult> {
  if (ctx.user.departmentCode !== TALENT_OFFICE_DEPARTMENT) {
    throw problems.forbidden('Only the talent office registers demands');
  }
  const month = await ctx.store.serviceMonths.get(body.monthId);
  if (!month) throw problems.validation([{ field: 'monthId', code: 'unknown_code', message: 'unknown service month' }]);
  const dictionaries = await ctx.store.dictionaries.get();
  const categories = new Set(dictionaries.demandCategories.filter((c) => c.active).map((c) => c.code));
  const existing = new Map((await casesOfMonth(ctx, month.id)).map((c) => [sameness(c), c.id]));

  const seen = new Map<string, number>();
  const result: CaseImportResult = {
    dryRun: body.dryRun,
    total: body.rows.length,
    valid: 0,
    created: [],
    duplicates: [],
    problems: [],
  };
  const accepted: ServiceCaseCreate[] = [];
  for (const row of body.rows) {
    const parsed = serviceCaseCreateSchema.safeParse(inputOf(month.id, row));
    const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error);
    // Every problem of the row at once: an unknown category beside a bad phone, say.
    if (!categories.has(row.categoryCode.trim()) && !errors.some((e) => e.field === 'categoryCode')) {
      errors.push({
        field: 'categoryCode',
        code: 'unknown_code',
        message: `unknown demand category "${row.categoryCode}"`,
      });
    }
    if (!parsed.success || errors.length > 0) {
      for (const error of errors) {
        const value = row[error.field as keyof CaseImportRow];
        result.problems.push({ ...error, row: row.row, value: typeof value === 'string' ? value : '' });
      }
      continue;
    }
    const key = sameness(parsed.data);
    const caseId = existing.get(key) ?? null;
    const sameAsRow = seen.get(key) ?? null;
    if (caseId !== null || sameAsRow !== null) {
      result.duplicates.push({ row: row.row, caseId, sameAsRow });
      continue;
    }
    seen.set(key, row.row);
    accepted.push(parsed.data);
  }
  result.valid = accepted.length;
  if (body.dryRun) return result;

  for (const input of accepted) result.created.push((await createServiceCase(ctx, input)).id);
  await recordAudit(ctx, 'import', month.id, 'import', null, {
    fileName: body.fileName,
    rows: result.total,
    created: result.created.length,
    duplicates: result.duplicates.length,
    rejected: new Set(result.problems.map((p) => p.row)).size,
  });
  return result;
}
