import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseOverview, IntakeOverview, PatchOverview } from '../../api/schemas/stats';
import { createFormatters } from '../../lib/i18n/format';
import { loadCatalogue, translate, type Translate } from '../../lib/i18n/i18n';
import { caseSentences, changeOf, intakeSentences, patchSentences, pointsBetween } from './report-sentences';

const t: Translate = (key, values) => translate('zh-CN', key, values);
beforeAll(() => loadCatalogue('zh-CN'));
const format = createFormatters('zh-CN');
const totals = (records: number, signed: number, landed: number, investment: number, cohortLanded = 0) => ({
  records,
  signed,
  landed,
  investment,
  cohortLanded,
});
const span = { from: '2026-07-01', to: '2026-09-30' };

describe('the report’s sentences', () => {
  it('state the intake figures, the changes where there is something to compare with, and the top channel', () => {
    const overview: IntakeOverview = {
      period: span,
      measured: span,
      asOf: '2026-09-30',
      current: totals(300, 120, 80, 12_345.5, 45),
      previousPeriod: { period: span, asOf: '2026-06-30', totals: totals(250, 100, 100, 1) },
      samePeriodLastYear: { period: span, asOf: '2025-09-30', totals: totals(200, 90, 0, 1) },
    };
    const channels = [
      { label: '高校引才', landings: 20 },
      { label: '活动聚才', landings: 50 },
    ];
    expect(intakeSentences(overview, channels, t, format)).toEqual([
      '本期新增人才线索 300 条，签约 120 个，落户 80 个，落户项目投资 12,345.5 万元。',
      // Last year's landings were 0: no ratio to state.
      '落户数同比 无可比数据，环比 -20%。',
      '本期新增线索中，截至 2026/09/30 已落户 45 条，转化率 15%。',
      '落户最多的渠道是活动聚才，50 个，占本期落户的 62.5%。',
    ]);
    // No landing: no channel to name; no lead: no conversion to state.
    expect(intakeSentences({ ...overview, current: totals(3, 0, 0, 0) }, channels, t, format)).toHaveLength(3);
    expect(intakeSentences({ ...overview, current: totals(0, 0, 0, 0) }, channels, t, format)).toHaveLength(2);
    expect(pointsBetween(totals(100, 0, 0, 0, 30), totals(200, 0, 0, 0, 40))).toBeCloseTo(0.1);
    expect(pointsBetween(totals(100, 0, 0, 0, 30), undefined)).toBeNull();
    // Channels level at the top are all named.
    expect(intakeSentences(overview, [...channels, { label: '企业荐才', landings: 50 }], t, format)[3]).toBe(
      '落户最多的渠道是活动聚才、企业荐才，各 50 个，各占本期落户的 62.5%。',
    );
    expect(changeOf(80, undefined)).toBeNull();
  });

  it('say when there is no closed case or follow-up yet, rather than a zero', () => {
    const overview: CaseOverview = {
      scopeDepartmentCode: null,
      total: 12,
      open: 12,
      overdue: 2,
      supervised: 0,
      closed: 0,
      meanResolutionDays: null,
      satisfactionRate: null,
      byDepartment: [],
    };
    expect(caseSentences('2026年服务月', overview, null, t, format)).toEqual([
      '2026年服务月共受理需求 12 件（并单后），已结案 0 件，在办 12 件，其中逾期 2 件。',
      '尚无结案需求，暂无办结用时。',
      '尚无回访结果。',
    ]);
    expect(
      caseSentences('月', { ...overview, meanResolutionDays: 14.66, satisfactionRate: 0.9723 }, '住建局', t, format),
    ).toEqual(
      expect.arrayContaining(['以下为住建局的需求。', '已结案需求平均办结用时 14.7 天。', '回访满意率 97.2%。']),
    );
  });

  it('count the patches issued in the period and their effect, and the timing only when measured', () => {
    const overview = {
      year: 2026,
      inProgress: 22,
      waitingDemands: 49,
      demandToIssue: { count: 0, medianDays: null, p90Days: null },
    } as unknown as PatchOverview;
    expect(patchSentences({ issued: 3, effect: { beneficiaries: 0, fundsDisbursed: 0 } }, overview, t, format)).toEqual(
      ['本期出台政策补丁 3 项；目前在办 22 项，49 条需求等待补丁出台。', '本期暂无政策补丁成效数据。'],
    );
  });
});
