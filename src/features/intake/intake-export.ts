import type { IntakeListQuery, IntakeRecord } from '../../api/schemas/intake';
import type { FilterChip } from '../../components/data-table/filter-chips';
import { apiClient } from '../../lib/api-client';
import type { ExportColumn } from '../../lib/export/sheet';
import type { Translate } from '../../lib/i18n/i18n';
import type { ExportPlan } from '../../components/export/export-button';
import type { IntakeLabels } from './use-intake-labels';

/** Each table column's cells as exported (the name column shows the organization under it: two columns). */
function exportColumnsOf(t: Translate, labels: IntakeLabels): Record<string, ExportColumn<IntakeRecord>[]> {
  const text = (
    key: string,
    header: string,
    value: (r: IntakeRecord) => string | null,
  ): ExportColumn<IntakeRecord> => ({
    key,
    header,
    kind: 'text',
    value,
  });
  return {
    id: [text('id', t('intake.field.id'), (r) => r.id)],
    name: [
      text('name', t('intake.field.name'), (r) => r.name),
      text('organization', t('intake.field.organization'), (r) => r.organization),
    ],
    kind: [text('kind', t('intake.field.kind'), (r) => t(`kind.${r.kind}`))],
    channel: [text('channel', t('intake.field.channel'), (r) => labels.label('channel', r.channelCode))],
    event: [text('event', t('intake.field.event'), (r) => (r.eventCode ? labels.label('event', r.eventCode) : null))],
    tier: [text('tier', t('intake.field.tier'), (r) => labels.label('tier', r.tierCode))],
    industry: [text('industry', t('intake.field.industry'), (r) => labels.label('industry', r.industryCode))],
    town: [text('town', t('intake.field.town'), (r) => labels.label('town', r.townCode))],
    stage: [text('stage', t('intake.field.stage'), (r) => t(`stage.${r.stage}`))],
    leadOn: [{ key: 'leadOn', header: t('intake.field.leadOn'), kind: 'date', value: (r) => r.stageDates.lead }],
    landedOn: [
      { key: 'landedOn', header: t('intake.field.landedOn'), kind: 'date', value: (r) => r.stageDates.landed },
    ],
    officer: [text('officer', t('intake.field.officer'), (r) => r.officerName)],
    investment: [
      { key: 'investment', header: t('intake.field.investmentWithUnit'), kind: 'decimal', value: (r) => r.investment },
    ],
    phone: [text('phone', t('intake.field.phone'), (r) => r.phone)],
  };
}

/**
 * The intake records' export: the columns the table shows, in its order, the rows its filters
 * select (paged through the export endpoint), and what the second sheet records of it.
 */
export function intakeExportPlan({
  t,
  labels,
  visibleColumns,
  query,
  chips,
  exportedBy,
  now,
}: {
  t: Translate;
  labels: IntakeLabels;
  visibleColumns: readonly string[];
  query: IntakeListQuery;
  chips: readonly FilterChip[];
  exportedBy: string;
  now: string;
}): ExportPlan<IntakeRecord> {
  const byColumn = exportColumnsOf(t, labels);
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return {
    fileStem: `${t('intake.records')}-${now.slice(0, 10)}`,
    sheetName: t('intake.records'),
    columns: visibleColumns.flatMap((id) => byColumn[id] ?? []),
    about: {
      title: t('intake.records'),
      filters: [
        ...chips.map((chip) => [chip.title, chip.label] as const),
        ...(filters.q ? [[t('export.search'), filters.q] as const] : []),
      ],
      exportedBy,
      exportedAt: now,
      words: {
        sheet: t('export.about.sheet'),
        title: t('export.about.title'),
        filters: t('export.about.filters'),
        noFilters: t('export.about.noFilters'),
        exportedBy: t('export.about.exportedBy'),
        exportedAt: t('export.about.exportedAt'),
        rowCount: t('export.about.rowCount'),
      },
    },
    fetchPage: (page, pageSize, signal, format) =>
      apiClient.request('exportIntakeRecords', { query: { ...filters, page, pageSize, format }, signal }),
  };
}
