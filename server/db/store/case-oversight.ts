import { sql, type SQL } from 'drizzle-orm';
import { satisfactionSchema } from '../../../src/api/schemas/service-cases';
import type { CaseOversight } from '../../../src/api/schemas/stats';
import type { Span } from '../../../src/lib/calendar';
import type { CaseOversightFigures, ServiceCaseStore } from '../../../domain/store';
import type { Database } from '../database';
import { serviceCases as t } from '../schema';
import { rows } from './sql';

/**
 * The oversight figures in SQL, by the definitions `ServiceCaseStore` gives them and the memory
 * store computes (`mocks/store/case-oversight.ts`). Instants are stored in China time
 * (`…+08:00`), so they compare as text (`COLLATE "C"`).
 */

const whereClause = (where: SQL | undefined) => (where ? sql`and ${where}` : sql``);

/**
 * Each day of the span joined to the cases alive on it (received by its end, not closed before
 * it began), then counted: one pass over the matching cases per day, none loaded.
 */
export async function dailyFlow(db: Database, where: SQL | undefined, span: Span): Promise<CaseOversight['daily']> {
  return rows<CaseOversight['daily'][number]>(
    db,
    sql`with days as (
        select day,
          (day || 'T00:00:00+08:00') collate "C" as starts,
          (day || 'T23:59:59+08:00') collate "C" as ends
        from (
          select to_char(d, 'YYYY-MM-DD') as day
          from generate_series(${span.from}::date, ${span.to}::date, interval '1 day') as d
        ) as span_days
      )
      select days.day,
        count(${t.id}) filter (where ${t.receivedAt} >= days.starts)::int as received,
        count(${t.id}) filter (where ${t.closedAt} <= days.ends)::int as closed,
        count(${t.id}) filter (where ${t.closedAt} is null or ${t.closedAt} > days.ends)::int as open,
        count(${t.id}) filter (
          where (${t.closedAt} is null or ${t.closedAt} > days.ends) and ${t.dueAt} < days.ends
        )::int as overdue
      from days
      left join ${t}
        on ${t.receivedAt} <= days.ends
        and (${t.closedAt} is null or ${t.closedAt} >= days.starts)
        -- The same over the whole span, on the cases alone: the scan leaves out the rest once.
        and ${t.receivedAt} <= ${`${span.to}T23:59:59+08:00`}
        and (${t.closedAt} is null or ${t.closedAt} >= ${`${span.from}T00:00:00+08:00`})
        ${whereClause(where)}
      group by days.day
      order by days.day`,
  );
}

interface FiguresRow {
  department_code: string | null;
  category_code: string;
  /** 1 when the row is not grouped by department (grouping()), 0 when it is. */
  by_department: number;
  by_category: number;
  open: number;
  overdue: number;
  closed: number;
  closed_on_time: number;
  median_seconds: number | null;
  p90_seconds: number | null;
  satisfied: number;
  basically_satisfied: number;
  unsatisfied: number;
}

const toFigures = (row: FiguresRow | undefined): CaseOversightFigures => ({
  open: row?.open ?? 0,
  overdue: row?.overdue ?? 0,
  closed: row?.closed ?? 0,
  closedOnTime: row?.closed_on_time ?? 0,
  medianSeconds: row?.median_seconds ?? null,
  p90Seconds: row?.p90_seconds ?? null,
  followUps: {
    satisfied: row?.satisfied ?? 0,
    basically_satisfied: row?.basically_satisfied ?? 0,
    unsatisfied: row?.unsatisfied ?? 0,
  },
});

/**
 * The figures overall, per department and per category in one pass (grouping sets);
 * `percentile_disc` picks the nearest rank, as `nearestRank` does in memory.
 */
export async function oversightFigures(
  db: Database,
  where: SQL | undefined,
  conditions: { open: SQL; overdue: SQL },
): ReturnType<ServiceCaseStore['oversight']> {
  const found = await rows<FiguresRow>(
    db,
    sql`select ${t.departmentCode} as department_code, ${t.categoryCode} as category_code,
        1 - grouping(${t.departmentCode}) as by_department,
        1 - grouping(${t.categoryCode}) as by_category,
        count(*) filter (where ${conditions.open})::int as open,
        count(*) filter (where ${conditions.overdue})::int as overdue,
        count(${t.closedAt})::int as closed,
        count(*) filter (where ${t.closedAt} is not null and ${t.answeredAt} <= ${t.dueAt})::int as closed_on_time,
        percentile_disc(0.5) within group (order by ${t.resolutionSeconds}) as median_seconds,
        percentile_disc(0.9) within group (order by ${t.resolutionSeconds}) as p90_seconds,
        ${sql.join(
          satisfactionSchema.options.map(
            (satisfaction) =>
              sql`count(*) filter (where ${t.followUpSatisfaction} = ${satisfaction})::int as ${sql.identifier(satisfaction)}`,
          ),
          sql`, `,
        )}
      from ${t}
      ${where ? sql`where ${where}` : sql``}
      group by grouping sets ((), (${t.departmentCode}), (${t.categoryCode}))`,
  );
  const byDepartment = new Map<string, CaseOversightFigures>();
  const byCategory = new Map<string, CaseOversightFigures>();
  for (const row of found) {
    if (row.by_department === 1 && row.department_code !== null) byDepartment.set(row.department_code, toFigures(row));
    if (row.by_category === 1) byCategory.set(row.category_code, toFigures(row));
  }
  return {
    all: toFigures(found.find((row) => row.by_department === 0 && row.by_category === 0)),
    byDepartment,
    byCategory,
  };
}
