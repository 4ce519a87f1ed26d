import { createColumnHelper } from '@tanstack/react-table';
import { Flag } from 'lucide-react';
import type { CasePriority, CaseStatus, ServiceCase } from '../../api/schemas/service-cases';
import { selectColumn } from '../../components/data-table/data-table-select-column';
import type { ServerTableFeatures } from '../../components/data-table/features';
import { Badge } from '../../components/ui/badge';
import type { Formatters } from '../../lib/i18n/format';
import type { Translate } from '../../lib/i18n/i18n';
import { DueBadge } from './due-badge';
import type { CaseFacet, CaseLabels } from './use-case-labels';

const helper = createColumnHelper<ServerTableFeatures, ServiceCase>();

export const statusTone: Record<CaseStatus, 'neutral' | 'primary' | 'warning' | 'success' | 'danger'> = {
  new: 'primary',
  dispatched: 'primary',
  returned: 'danger',
  inProgress: 'neutral',
  suspended: 'neutral',
  answered: 'warning',
  visiting: 'warning',
  closed: 'success',
};
export const priorityTone: Record<CasePriority, 'neutral' | 'warning' | 'danger'> = {
  low: 'neutral',
  normal: 'neutral',
  high: 'warning',
  urgent: 'danger',
};

/** The demands list's columns; ids are the server's sort fields, so a header click sorts there. */
export function caseColumns({
  t,
  format,
  labels,
  now,
  selectable,
}: {
  t: Translate;
  format: Formatters;
  labels: CaseLabels;
  /** One clock for every row's countdown. */
  now: number;
  /** A checkbox column, for bulk actions. */
  selectable: boolean;
}) {
  const facet = (param: CaseFacet) => ({ variant: 'multiSelect' as const, param, options: labels.options[param] });
  return helper.columns([
    ...(selectable ? [selectColumn<ServiceCase>(t)] : []),
    helper.accessor('id', {
      size: 130,
      header: t('case.field.id'),
      meta: { label: t('case.field.id'), export: { kind: 'text', value: (c) => c.id } },
      cell: (c) => <span className="font-mono text-xs whitespace-nowrap">{c.getValue()}</span>,
    }),
    helper.accessor('title', {
      size: 260,
      header: t('case.field.title'),
      enableSorting: false,
      meta: {
        label: t('case.field.title'),
        // The title over who asked: two columns in a file.
        export: [
          { kind: 'text', value: (c) => c.title },
          {
            kind: 'text',
            key: 'requester',
            header: t('case.field.requesterOrEnterprise'),
            value: (c) => c.enterpriseName ?? c.requesterName,
          },
        ],
      },
      cell: ({ row }) => (
        <div className="min-w-0">
          <div className="flex items-center gap-1.5">
            {row.original.supervision && row.original.status !== 'closed' && (
              <Flag className="size-3.5 shrink-0 text-danger" aria-label={t('case.supervised')} />
            )}
            <span className="truncate font-medium">{row.original.title}</span>
          </div>
          <div className="truncate text-xs text-muted-foreground">
            {row.original.enterpriseName ?? row.original.requesterName}
          </div>
        </div>
      ),
    }),
    // What the case awaits and by when come straight after the demand: on a narrow screen they are
    // what is seen without scrolling.
    helper.accessor('status', {
      size: 90,
      header: t('case.field.status'),
      meta: {
        label: t('case.field.status'),
        filter: facet('status'),
        export: { kind: 'text', value: (c) => t(`case.status.${c.status}`) },
      },
      cell: (c) => <Badge tone={statusTone[c.getValue()]}>{t(`case.status.${c.getValue()}`)}</Badge>,
    }),
    helper.accessor('stageDueAt', {
      size: 170,
      header: t('case.field.stageDueAt'),
      meta: { label: t('case.field.stageDueAt'), export: { kind: 'dateTime', value: (c) => c.stageDueAt } },
      cell: ({ row }) => (
        <div className="flex flex-col items-start gap-0.5">
          {row.original.stageDueAt && (
            <span className="text-xs tabular-nums">{format.dateTime(row.original.stageDueAt)}</span>
          )}
          <DueBadge serviceCase={row.original} now={now} />
        </div>
      ),
    }),
    helper.accessor('categoryCode', {
      id: 'category',
      size: 110,
      header: t('case.field.category'),
      meta: {
        label: t('case.field.category'),
        filter: facet('category'),
        export: { kind: 'text', value: (c) => labels.label('category', c.categoryCode) },
      },
      cell: (c) => labels.label('category', c.getValue()),
    }),
    helper.accessor('priority', {
      size: 90,
      header: t('case.field.priority'),
      meta: {
        label: t('case.field.priority'),
        filter: facet('priority'),
        export: { kind: 'text', value: (c) => t(`case.priority.${c.priority}`) },
      },
      cell: (c) => <Badge tone={priorityTone[c.getValue()]}>{t(`case.priority.${c.getValue()}`)}</Badge>,
    }),
    helper.accessor('departmentCode', {
      id: 'department',
      size: 120,
      header: t('case.field.department'),
      meta: {
        label: t('case.field.department'),
        filter: facet('department'),
        export: { kind: 'text', value: (c) => labels.label('department', c.departmentCode) },
      },
      cell: (c) => labels.label('department', c.getValue()),
    }),
    helper.accessor('assigneeName', {
      size: 90,
      header: t('case.field.assignee'),
      enableSorting: false,
      meta: { label: t('case.field.assignee'), export: { kind: 'text', value: (c) => c.assigneeName } },
      cell: (c) => c.getValue() ?? '—',
    }),
    helper.accessor('dueAt', {
      size: 130,
      header: t('case.field.dueAt'),
      meta: { label: t('case.field.dueAt'), export: { kind: 'dateTime', value: (c) => c.dueAt } },
      cell: (c) => <span className="text-xs tabular-nums">{format.dateTime(c.getValue())}</span>,
    }),
    helper.accessor('receivedAt', {
      size: 110,
      header: t('case.field.receivedAt'),
      meta: { label: t('case.field.receivedAt'), export: { kind: 'date', value: (c) => c.receivedAt } },
      cell: (c) => <span className="tabular-nums">{format.date(c.getValue())}</span>,
    }),
  ]);
}
