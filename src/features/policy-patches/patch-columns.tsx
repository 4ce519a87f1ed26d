import { createColumnHelper } from '@tanstack/react-table';
import { patchInProgressStatuses, type PatchStatus, type PolicyPatch } from '../../api/schemas/policy-patches';
import { selectColumn } from '../../components/data-table/data-table-select-column';
import type { ServerTableFeatures } from '../../components/data-table/features';
import { Badge } from '../../components/ui/badge';
import type { Formatters } from '../../lib/i18n/format';
import type { Translate } from '../../lib/i18n/i18n';
import type { PatchFacet, PatchLabels } from './use-patch-labels';

const helper = createColumnHelper<ServerTableFeatures, PolicyPatch>();

export const patchStatusTone: Record<PatchStatus, 'neutral' | 'primary' | 'warning' | 'success' | 'danger'> = {
  collected: 'neutral',
  drafting: 'primary',
  consultation: 'primary',
  review: 'warning',
  issued: 'success',
  evaluating: 'success',
  withdrawn: 'danger',
};

export function PatchStatusBadge({ status, t }: { status: PatchStatus; t: Translate }) {
  return <Badge tone={patchStatusTone[status]}>{t(`patch.status.${status}`)}</Badge>;
}

/**
 * Whole days since the patch was collected, as the age filter counts them; null once it is no
 * longer in progress (issued or withdrawn), when its age says nothing of a wait.
 */
export const patchAgeDays = (patch: PolicyPatch, now: number) =>
  patchInProgressStatuses.includes(patch.status)
    ? Math.max(0, Math.floor((now - Date.parse(patch.collectedAt)) / 86_400_000))
    : null;

/** The patch table's columns; ids are the server's sort fields, so a header click sorts there. */
export function patchColumns({
  t,
  format,
  labels,
  now,
  selectable,
}: {
  t: Translate;
  format: Formatters;
  labels: PatchLabels;
  now: number;
  /** A checkbox column (rows are picked to export them). */
  selectable: boolean;
}) {
  const facet = (param: PatchFacet) => ({ variant: 'multiSelect' as const, param, options: labels.options[param] });
  return helper.columns([
    ...(selectable ? [selectColumn<PolicyPatch>(t)] : []),
    helper.accessor('id', {
      size: 108,
      header: t('patch.field.id'),
      meta: { label: t('patch.field.id'), export: { kind: 'text', value: (p) => p.id } },
      cell: (c) => <span className="font-mono text-xs whitespace-nowrap">{c.getValue()}</span>,
    }),
    helper.accessor('title', {
      size: 250,
      header: t('patch.field.title'),
      meta: {
        label: t('patch.field.title'),
        // The title over its policy: two columns in a file.
        export: [
          { kind: 'text', value: (p) => p.title },
          {
            kind: 'text',
            key: 'policy',
            header: t('patch.field.policy'),
            value: (p) => labels.label('policy', p.policyCode),
          },
        ],
      },
      cell: ({ row }) => (
        <div className="min-w-0">
          <div className="truncate">{row.original.title}</div>
          <div className="truncate text-xs text-muted-foreground">
            {labels.label('policy', row.original.policyCode)}
          </div>
        </div>
      ),
    }),
    helper.accessor('status', {
      size: 88,
      header: t('patch.field.status'),
      meta: {
        label: t('patch.field.status'),
        filter: facet('status'),
        export: { kind: 'text', value: (p) => t(`patch.status.${p.status}`) },
      },
      cell: (c) => <PatchStatusBadge status={c.getValue()} t={t} />,
    }),
    helper.accessor('leadDepartmentCode', {
      id: 'department',
      size: 96,
      header: t('patch.field.lead'),
      enableSorting: false,
      meta: {
        label: t('patch.field.lead'),
        filter: facet('department'),
        export: { kind: 'text', value: (p) => labels.label('department', p.leadDepartmentCode) },
      },
      cell: (c) => labels.label('department', c.getValue()),
    }),
    helper.accessor('demandCount', {
      size: 80,
      header: t('patch.field.demands'),
      enableSorting: false,
      meta: {
        label: t('patch.field.demands'),
        align: 'end',
        export: { kind: 'integer', value: (p) => p.demandCount },
      },
      cell: (c) => format.integer(c.getValue()),
    }),
    helper.accessor('collectedAt', {
      size: 100,
      header: t('patch.field.collectedAt'),
      meta: { label: t('patch.field.collectedAt'), export: { kind: 'date', value: (p) => p.collectedAt } },
      cell: (c) => <span className="tabular-nums">{format.date(c.getValue())}</span>,
    }),
    helper.display({
      id: 'age',
      size: 80,
      header: t('patch.field.age'),
      meta: {
        label: t('patch.field.age'),
        align: 'end',
        filter: facet('age'),
        export: { kind: 'integer', header: t('patch.field.ageDays'), value: (p) => patchAgeDays(p, now) },
      },
      cell: ({ row }) => {
        const days = patchAgeDays(row.original, now);
        return days === null ? (
          '—'
        ) : (
          <span className="tabular-nums">{t('patch.ageDays', { days: format.integer(days) })}</span>
        );
      },
    }),
    helper.accessor('issuedAt', {
      size: 100,
      header: t('patch.field.issuedAt'),
      meta: { label: t('patch.field.issuedAt'), export: { kind: 'date', value: (p) => p.issuedAt } },
      cell: (c) => {
        const at = c.getValue();
        return at ? <span className="tabular-nums">{format.date(at)}</span> : '—';
      },
    }),
  ]);
}
