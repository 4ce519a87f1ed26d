import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { caseQueries } from '../../api/queries/case-queries';
import type { CaseStatus, ServiceCase, ServiceRecord } from '../../api/schemas/service-cases';
import { selectColumn } from '../../components/data-table/data-table-select-column';
import { ExportButton } from '../../components/export/export-button';
import { apiClient } from '../../lib/api-client';
import { useCan } from '../../lib/use-can';
import { ListSection } from '../../components/data-table/list-section';
import type { ServerTableFeatures } from '../../components/data-table/features';
import { useServerTable } from '../../components/data-table/use-server-table';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { SearchPatch, UpdateOptions } from '../../lib/use-search-state';
import type { CasePageSearch } from './case-search';
import type { CaseLabels } from './use-case-labels';

interface ListProps {
  search: CasePageSearch;
  update: (patch: SearchPatch, options?: UpdateOptions) => void;
  month: string | undefined;
  /** The month as the picker names it (or all months), for an export's record of itself. */
  monthTitle: string;
  labels: CaseLabels;
}

const services = createColumnHelper<ServerTableFeatures, ServiceRecord>();

/** 服务清单: the services delivered in the month (visits, briefings, matchmaking, training). */
export function ServiceRecordsList({ search, update, month, monthTitle, labels }: ListProps) {
  const { t } = useI18n();
  const format = useFormat();
  const canExport = useCan('report:export');
  const { page, pageSize, sort, q, department } = search;
  const query = { sort, q, department, month };
  const list = useQuery({ ...caseQueries.records({ ...query, page, pageSize }), placeholderData: keepPreviousData });
  const columns = useMemo(
    () =>
      services.columns([
        // Rows are picked only to export them.
        ...(canExport ? [selectColumn<ServiceRecord>(t)] : []),
        services.accessor('on', {
          size: 110,
          header: t('service.field.on'),
          meta: { label: t('service.field.on'), export: { kind: 'date', value: (r) => r.on } },
          cell: (c) => <span className="tabular-nums">{format.date(c.getValue())}</span>,
        }),
        services.accessor('kind', {
          size: 90,
          header: t('service.field.kind'),
          enableSorting: false,
          meta: { label: t('service.field.kind'), export: { kind: 'text', value: (r) => t(`service.kind.${r.kind}`) } },
          cell: (c) => t(`service.kind.${c.getValue()}`),
        }),
        services.accessor('title', {
          size: 260,
          header: t('service.field.title'),
          enableSorting: false,
          meta: { label: t('service.field.title'), export: { kind: 'text', value: (r) => r.title } },
        }),
        services.accessor('enterpriseName', {
          size: 200,
          header: t('service.field.enterprise'),
          enableSorting: false,
          meta: { label: t('service.field.enterprise'), export: { kind: 'text', value: (r) => r.enterpriseName } },
        }),
        services.accessor('departmentCode', {
          id: 'department',
          size: 130,
          header: t('case.field.department'),
          enableSorting: false,
          meta: {
            label: t('case.field.department'),
            filter: { variant: 'multiSelect', param: 'department', options: labels.options.department },
            export: { kind: 'text', value: (row) => labels.label('department', row.departmentCode) },
          },
          cell: (c) => labels.label('department', c.getValue()),
        }),
        services.accessor('participants', {
          size: 90,
          header: t('service.field.participants'),
          meta: {
            label: t('service.field.participants'),
            align: 'end',
            export: { kind: 'integer', value: (r) => r.participants },
          },
          cell: (c) => format.integer(c.getValue()),
        }),
      ]),
    [t, format, labels, canExport],
  );
  const state = useServerTable({
    tableId: 'service-records',
    columns,
    page: list.data,
    search,
    update,
    defaultSort: '-on',
    getRowId: (record) => record.id,
    enableRowSelection: canExport,
    allMatchingSelectable: false,
    stale: list.isPlaceholderData,
  });
  return (
    <ListSection
      id="service-records-heading"
      title={t('case.tab.services')}
      state={state}
      search={search}
      list={list}
      searchPlaceholder={t('service.searchPlaceholder')}
      emptyTitle={t('service.empty')}
      actions={
        <ExportButton
          state={state}
          title={t('case.tab.services')}
          query={query}
          everything={{ sort }}
          context={[[t('case.month'), monthTitle]]}
          fetchPage={(exportQuery, signal) => apiClient.request('exportServiceRecords', { query: exportQuery, signal })}
        />
      }
    />
  );
}

const measures = createColumnHelper<ServerTableFeatures, ServiceCase>();
/** A countermeasure is the answer of a demand answered, being followed up or closed. */
const answeredStatuses: CaseStatus[] = ['answered', 'visiting', 'closed'];

/** 对策清单: the countermeasures given, one per answered demand; a row opens its case. */
export function CountermeasuresList({
  search,
  update,
  month,
  monthTitle,
  labels,
  onOpenCase,
}: ListProps & { onOpenCase: (id: string) => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const canExport = useCan('report:export');
  const { page, pageSize, sort, q, department, category } = search;
  const query = { sort, q, department, category, month, status: answeredStatuses };
  const list = useQuery({ ...caseQueries.list({ ...query, page, pageSize }), placeholderData: keepPreviousData });
  const columns = useMemo(
    () =>
      measures.columns([
        // Rows are picked only to export them.
        ...(canExport ? [selectColumn<ServiceCase>(t)] : []),
        measures.accessor('id', {
          size: 130,
          header: t('case.field.id'),
          meta: { label: t('case.field.id'), export: { kind: 'text', value: (c) => c.id } },
          cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span>,
        }),
        measures.accessor('title', {
          size: 220,
          header: t('case.field.title'),
          enableSorting: false,
          meta: { label: t('case.field.title'), export: { kind: 'text', value: (c) => c.title } },
        }),
        measures.accessor('categoryCode', {
          id: 'category',
          size: 110,
          header: t('case.field.category'),
          meta: {
            label: t('case.field.category'),
            filter: { variant: 'multiSelect', param: 'category', options: labels.options.category },
            export: { kind: 'text', value: (c) => labels.label('category', c.categoryCode) },
          },
          cell: (c) => labels.label('category', c.getValue()),
        }),
        measures.accessor('departmentCode', {
          id: 'department',
          size: 120,
          header: t('case.field.department'),
          meta: {
            label: t('case.field.department'),
            filter: { variant: 'multiSelect', param: 'department', options: labels.options.department },
            export: { kind: 'text', value: (row) => labels.label('department', row.departmentCode) },
          },
          cell: (c) => labels.label('department', c.getValue()),
        }),
        measures.accessor('countermeasure', {
          size: 320,
          header: t('case.field.countermeasure'),
          enableSorting: false,
          meta: {
            label: t('case.field.countermeasure'),
            export: { kind: 'text', value: (c) => c.countermeasure },
          },
          cell: (c) => c.getValue() ?? '—',
        }),
        measures.accessor('answeredAt', {
          size: 120,
          header: t('case.field.answeredAt'),
          enableSorting: false,
          meta: { label: t('case.field.answeredAt'), export: { kind: 'date', value: (c) => c.answeredAt } },
          cell: (c) => {
            const at = c.getValue();
            return at ? <span className="tabular-nums">{format.date(at)}</span> : '—';
          },
        }),
      ]),
    [t, format, labels, canExport],
  );
  const state = useServerTable({
    tableId: 'countermeasures',
    columns,
    page: list.data,
    search,
    update,
    defaultSort: '-id',
    getRowId: (serviceCase) => serviceCase.id,
    enableRowSelection: canExport,
    allMatchingSelectable: false,
    stale: list.isPlaceholderData,
  });
  return (
    <ListSection
      id="countermeasures-heading"
      title={t('case.tab.measures')}
      state={state}
      search={search}
      list={list}
      searchPlaceholder={t('case.searchPlaceholder')}
      emptyTitle={t('case.empty')}
      onRowOpen={(serviceCase) => onOpenCase(serviceCase.id)}
      actions={
        <ExportButton
          state={state}
          title={t('case.tab.measures')}
          query={query}
          everything={{ sort, status: answeredStatuses }}
          context={[[t('case.month'), monthTitle]]}
          fetchPage={(exportQuery, signal) => apiClient.request('exportServiceCases', { query: exportQuery, signal })}
        />
      }
    />
  );
}
