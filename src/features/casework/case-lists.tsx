import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { caseQueries } from '../../api/queries/case-queries';
import type { ServiceCase, ServiceRecord } from '../../api/schemas/service-cases';
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
  labels: CaseLabels;
}

const services = createColumnHelper<ServerTableFeatures, ServiceRecord>();

/** 服务清单: the services delivered in the month (visits, briefings, matchmaking, training). */
export function ServiceRecordsList({ search, update, month, labels }: ListProps) {
  const { t } = useI18n();
  const format = useFormat();
  const { page, pageSize, sort, q, department } = search;
  const list = useQuery({
    ...caseQueries.records({ page, pageSize, sort, q, department, month }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo(
    () =>
      services.columns([
        services.accessor('on', {
          size: 110,
          header: t('service.field.on'),
          meta: { label: t('service.field.on') },
          cell: (c) => <span className="tabular-nums">{format.date(c.getValue())}</span>,
        }),
        services.accessor('kind', {
          size: 90,
          header: t('service.field.kind'),
          enableSorting: false,
          meta: { label: t('service.field.kind') },
          cell: (c) => t(`service.kind.${c.getValue()}`),
        }),
        services.accessor('title', {
          size: 260,
          header: t('service.field.title'),
          enableSorting: false,
          meta: { label: t('service.field.title') },
        }),
        services.accessor('enterpriseName', {
          size: 200,
          header: t('service.field.enterprise'),
          enableSorting: false,
          meta: { label: t('service.field.enterprise') },
        }),
        services.accessor('departmentCode', {
          id: 'department',
          size: 130,
          header: t('case.field.department'),
          enableSorting: false,
          meta: {
            label: t('case.field.department'),
            filter: { variant: 'multiSelect', param: 'department', options: labels.options.department },
          },
          cell: (c) => labels.label('department', c.getValue()),
        }),
        services.accessor('participants', {
          size: 90,
          header: t('service.field.participants'),
          meta: { label: t('service.field.participants'), align: 'end' },
          cell: (c) => format.integer(c.getValue()),
        }),
      ]),
    [t, format, labels],
  );
  const state = useServerTable({
    tableId: 'service-records',
    columns,
    page: list.data,
    search,
    update,
    defaultSort: '-on',
    getRowId: (record) => record.id,
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
    />
  );
}

const measures = createColumnHelper<ServerTableFeatures, ServiceCase>();

/** 对策清单: the countermeasures given, one per answered demand; a row opens its case. */
export function CountermeasuresList({
  search,
  update,
  month,
  labels,
  onOpenCase,
}: ListProps & { onOpenCase: (id: string) => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const { page, pageSize, sort, q, department, category } = search;
  const list = useQuery({
    ...caseQueries.list({
      page,
      pageSize,
      sort,
      q,
      department,
      category,
      month,
      status: ['answered', 'visiting', 'closed'],
    }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo(
    () =>
      measures.columns([
        measures.accessor('id', {
          size: 130,
          header: t('case.field.id'),
          meta: { label: t('case.field.id') },
          cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span>,
        }),
        measures.accessor('title', {
          size: 220,
          header: t('case.field.title'),
          enableSorting: false,
          meta: { label: t('case.field.title') },
        }),
        measures.accessor('categoryCode', {
          id: 'category',
          size: 110,
          header: t('case.field.category'),
          meta: {
            label: t('case.field.category'),
            filter: { variant: 'multiSelect', param: 'category', options: labels.options.category },
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
          },
          cell: (c) => labels.label('department', c.getValue()),
        }),
        measures.accessor('countermeasure', {
          size: 320,
          header: t('case.field.countermeasure'),
          enableSorting: false,
          meta: { label: t('case.field.countermeasure') },
          cell: (c) => c.getValue() ?? '—',
        }),
        measures.accessor('answeredAt', {
          size: 120,
          header: t('case.field.answeredAt'),
          enableSorting: false,
          meta: { label: t('case.field.answeredAt') },
          cell: (c) => {
            const at = c.getValue();
            return at ? <span className="tabular-nums">{format.date(at)}</span> : '—';
          },
        }),
      ]),
    [t, format, labels],
  );
  const state = useServerTable({
    tableId: 'countermeasures',
    columns,
    page: list.data,
    search,
    update,
    defaultSort: '-id',
    getRowId: (serviceCase) => serviceCase.id,
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
    />
  );
}
