import { and, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { intakeStages, type IntakeStage } from '../../../src/api/schemas/intake';
import type { IntakeDimension } from '../../../src/api/schemas/stats';
import type { IntakeQuery, IntakeStore } from '../../../domain/store';
import type { Database } from '../database';
import { intakeRecords } from '../schema';
import { intakeWhere } from './intake-columns';
import { countAll, money, rows, withinSpan } from './sql';

const t = intakeRecords;

/** The figures take their period separately: the query's own lead-date bounds do not apply. */
const withoutPeriod = (query: IntakeQuery) => intakeWhere({ ...query, from: undefined, to: undefined });

/**
 * Months are grouped by the first of the month and named (`YYYY-MM`) once per group:
 * `to_char` on every row costs twice the whole grouping.
 */
const month = (day: AnyColumn) => sql`date_trunc('month', ${day}::timestamp)`;
const monthName = (first: SQL) => sql`to_char(${first}, 'YYYY-MM')`;

/** What a breakdown groups leads by, and landings by (the same, but months by landing month). */
const dimensionKeys: Record<
  IntakeDimension,
  { leads: SQL | AnyColumn; landings: SQL | AnyColumn; name?: typeof monthName }
> = {
  channel: { leads: t.channelCode, landings: t.channelCode },
  month: { leads: month(t.leadOn), landings: month(t.landedOn) },
  tier: { leads: t.tierCode, landings: t.tierCode },
  industry: { leads: t.industryCode, landings: t.industryCode },
  town: { leads: t.townCode, landings: t.townCode },
  event: { leads: t.eventCode, landings: t.eventCode },
};

type Figures = Pick<IntakeStore, 'totals' | 'breakdown' | 'trend' | 'stageCounts' | 'landedByChannel'>;

/** The intake statistics, each one query that groups and counts in the database. */
export function intakeFigures(db: Database): Figures {
  return {
    async totals(query, span, asOf) {
      const lead = withinSpan(t.leadOn, span);
      const signed = withinSpan(t.signedOn, span);
      const landed = withinSpan(t.landedOn, span);
      const [row] = await db
        .select({
          records: sql<number>`count(*) filter (where ${lead})::int`,
          cohortLanded: sql<number>`count(*) filter (where ${lead} and ${t.landedOn} <= ${asOf}::date)::int`,
          signed: sql<number>`count(*) filter (where ${signed})::int`,
          landed: sql<number>`count(*) filter (where ${landed})::int`,
          investment: sql<string | null>`sum(${t.investment}) filter (where ${landed})::text`,
        })
        .from(t)
        // Only records with an event in the span: each of the three dates has its index.
        .where(and(withoutPeriod(query), or(lead, signed, landed)));
      return {
        records: row?.records ?? 0,
        landed: row?.landed ?? 0,
        signed: row?.signed ?? 0,
        investment: money(row?.investment),
        cohortLanded: row?.cohortLanded ?? 0,
      };
    },

    async breakdown(query, dimension, range) {
      const where = withoutPeriod(query);
      const keys = dimensionKeys[dimension];
      const keyName = dimension === 'month' ? monthName(sql`key`) : sql`key`;
      const stageCount = (stage: IntakeStage) => sql`count(*) filter (where ${t.stage} = ${stage})`;
      // The cohort (leads in the range, by current stage) and the events (landings in the range),
      // each grouped on its own key, then put side by side per key.
      const found = await rows<{
        key: string;
        lead: number;
        negotiating: number;
        signed: number;
        landed: number;
        total: number;
        investment: string;
        landings: number;
        landings_investment: string;
      }>(
        db,
        sql`select ${keyName} as key, sum(lead)::int as lead, sum(negotiating)::int as negotiating, sum(signed)::int as signed,
            sum(landed)::int as landed, sum(total)::int as total, sum(investment)::text as investment,
            sum(landings)::int as landings, sum(landings_investment)::text as landings_investment
          from (
            select ${keys.leads} as key, ${stageCount('lead')} as lead, ${stageCount('negotiating')} as negotiating,
              ${stageCount('signed')} as signed, ${stageCount('landed')} as landed, count(*) as total,
              coalesce(sum(${t.investment}) filter (where ${t.stage} = 'landed'), 0) as investment,
              0 as landings, 0 as landings_investment
            from ${t}
            where ${and(where, withinSpan(t.leadOn, range), sql`${keys.leads} is not null`)}
            group by 1
            union all
            select ${keys.landings}, 0, 0, 0, 0, 0, 0, count(*), coalesce(sum(${t.investment}), 0)
            from ${t}
            where ${and(where, withinSpan(t.landedOn, range), sql`${keys.landings} is not null`)}
            group by 1
          ) as parts
          group by key`,
      );
      return found.map((row) => ({
        key: row.key,
        lead: row.lead,
        negotiating: row.negotiating,
        signed: row.signed,
        landed: row.landed,
        total: row.total,
        investment: money(row.investment),
        landings: row.landings,
        landingsInvestment: money(row.landings_investment),
      }));
    },

    async trend(query, range) {
      const where = withoutPeriod(query);
      return rows<{ month: string; channelCode: string; leads: number; landed: number }>(
        db,
        sql`select ${monthName(sql`month`)} as month, channel_code as "channelCode",
            sum(leads)::int as leads, sum(landed)::int as landed
          from (
            select ${month(t.leadOn)} as month, ${t.channelCode} as channel_code, count(*) as leads, 0 as landed
            from ${t} where ${and(where, withinSpan(t.leadOn, range))} group by 1, 2
            union all
            select ${month(t.landedOn)}, ${t.channelCode}, 0, count(*)
            from ${t} where ${and(where, withinSpan(t.landedOn, range))} group by 1, 2
          ) as parts
          group by month, channel_code
          order by month, channel_code`,
      );
    },

    async stageCounts(query) {
      const found = await db
        .select({ stage: t.stage, n: countAll() })
        .from(t)
        .where(intakeWhere(query))
        .groupBy(t.stage);
      const counts = Object.fromEntries(intakeStages.map((stage) => [stage, 0])) as Record<IntakeStage, number>;
      for (const row of found) counts[row.stage as IntakeStage] = row.n;
      return counts;
    },

    async landedByChannel(year) {
      const found = await db
        .select({ channelCode: t.channelCode, n: countAll() })
        .from(t)
        .where(withinSpan(t.landedOn, { from: `${year}-01-01`, to: `${year}-12-31` }))
        .groupBy(t.channelCode);
      return new Map(found.map((row) => [row.channelCode, row.n]));
    },
  };
}
