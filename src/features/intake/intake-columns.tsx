import { createColumnHelper } from '@tanstack/react-table';
import { Eye, Pencil } from 'lucide-react';
import { intakeKindSchema, type IntakeRecord, type IntakeStage } from '../../api/schemas/intake';
import { DataTableRowActions } from '../../components/data-table/data-table-row-actions';
import { selectColumn } from '../../components/data-table/data-table-select-column';
import type { ServerTableFeatures } from '../../components/data-table/features';
import { Badge } from '../../components/ui/badge';
import type { Formatters } from '../../lib/i18n/format';
import type { Translate } from '../../lib/i18n/i18n';
import type { FacetParam } from './intake-search';
import type { IntakeLabels } from './use-intake-labels';

const helper = createColumnHelper<ServerTableFeatures, IntakeRecord>();
const intakeKinds = intakeKindSchema.options;

export const stageTone: Record<IntakeStage, 'neutral' | 'primary' | 'warning' | 'success'> = {
  lead: 'neutral',
  negotiating: 'warning',
  signed: 'primary',
  landed: 'success',
};

/** Column ids are the server's sort fields, so a header click sorts on the server. */
export function intakeColumns({
  t,
  format,
  labels,
  canWrite,
  onOpen,
}: {
  t: Translate;
  format: Formatters;
  labels: IntakeLabels;
  /** Selection and edit actions. */
  canWrite: boolean;
  onOpen: (id: string, edit?: boolean) => void;
}) {
  const facet = (param: FacetParam) => ({ variant: 'multiSelect' as const, param, options: labels.options[param] });

  return helper.columns([
    ...(canWrite ? [selectColumn<IntakeRecord>(t)] : []),
    helper.accessor('id', {
      size: 130,
      header: t('intake.field.id'),
      meta: { label: t('intake.field.id'), export: { kind: 'text', value: (r) => r.id } },
      cell: (c) => <span className="font-mono text-xs whitespace-nowrap">{c.getValue()}</span>,
    }),
    helper.accessor('name', {
      size: 200,
      header: t('intake.field.name'),
      meta: {
        label: t('intake.field.name'),
        // The name over its organization: two columns in a file.
        export: [
          { kind: 'text', value: (r) => r.name },
          { kind: 'text', key: 'organization', header: t('intake.field.organization'), value: (r) => r.organization },
        ],
      },
      cell: ({ row }) => (
        <div className="min-w-0">
          <div className="flex items-center gap-1.5">
            <span className="truncate font-medium">{row.original.name}</span>
            {row.original.kind === 'project' && <Badge className="shrink-0">{t('kind.project')}</Badge>}
          </div>
          <div className="truncate text-xs text-muted-foreground">{row.original.organization}</div>
        </div>
      ),
    }),
    helper.accessor('kind', {
      size: 80,
      header: t('intake.field.kind'),
      enableSorting: false,
      meta: {
        label: t('intake.field.kind'),
        filter: {
          variant: 'select',
          param: 'kind',
          options: intakeKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
        },
        export: { kind: 'text', value: (r) => t(`kind.${r.kind}`) },
      },
      cell: (c) => t(`kind.${c.getValue()}`),
    }),
    helper.accessor('channelCode', {
      size: 110,
      id: 'channel',
      header: t('intake.field.channel'),
      meta: {
        label: t('intake.field.channel'),
        filter: facet('channel'),
        export: { kind: 'text', value: (r) => labels.label('channel', r.channelCode) },
      },
      cell: (c) => labels.label('channel', c.getValue()),
    }),
    helper.accessor('eventCode', {
      size: 170,
      id: 'event',
      header: t('intake.field.event'),
      enableSorting: false,
      meta: {
        label: t('intake.field.event'),
        filter: [facet('event'), { variant: 'boolean', param: 'hasEvent', label: t('intake.filter.hasEvent') }],
        export: { kind: 'text', value: (r) => (r.eventCode ? labels.label('event', r.eventCode) : null) },
      },
      cell: (c) => <span className="text-muted-foreground">{labels.label('event', c.getValue())}</span>,
    }),
    helper.accessor('tierCode', {
      size: 130,
      id: 'tier',
      header: t('intake.field.tier'),
      enableSorting: false,
      meta: {
        label: t('intake.field.tier'),
        filter: facet('tier'),
        export: { kind: 'text', value: (r) => labels.label('tier', r.tierCode) },
      },
      cell: (c) => labels.label('tier', c.getValue()),
    }),
    helper.accessor('industryCode', {
      size: 130,
      id: 'industry',
      header: t('intake.field.industry'),
      enableSorting: false,
      meta: {
        label: t('intake.field.industry'),
        filter: facet('industry'),
        export: { kind: 'text', value: (r) => labels.label('industry', r.industryCode) },
      },
      cell: (c) => labels.label('industry', c.getValue()),
    }),
    helper.accessor('townCode', {
      size: 140,
      id: 'town',
      header: t('intake.field.town'),
      meta: {
        label: t('intake.field.town'),
        filter: facet('town'),
        export: { kind: 'text', value: (r) => labels.label('town', r.townCode) },
      },
      cell: (c) => labels.label('town', c.getValue()),
    }),
    helper.accessor('stage', {
      size: 90,
      header: t('intake.field.stage'),
      meta: {
        label: t('intake.field.stage'),
        filter: facet('stage'),
        export: { kind: 'text', value: (r) => t(`stage.${r.stage}`) },
      },
      cell: (c) => <Badge tone={stageTone[c.getValue()]}>{t(`stage.${c.getValue()}`)}</Badge>,
    }),
    helper.accessor((r) => r.stageDates.lead, {
      size: 116,
      id: 'leadOn',
      header: t('intake.field.leadOn'),
      meta: { label: t('intake.field.leadOn'), export: { kind: 'date', value: (r) => r.stageDates.lead } },
      cell: (c) => <span className="tabular-nums">{format.date(c.getValue())}</span>,
    }),
    helper.accessor((r) => r.stageDates.landed, {
      size: 116,
      id: 'landedOn',
      header: t('intake.field.landedOn'),
      meta: {
        label: t('intake.field.landedOn'),
        filter: { variant: 'dateRange', params: ['landedFrom', 'landedTo'] },
        export: { kind: 'date', value: (r) => r.stageDates.landed },
      },
      cell: (c) => {
        const value = c.getValue();
        return <span className="tabular-nums">{value ? format.date(value) : '—'}</span>;
      },
    }),
    helper.accessor('officerName', {
      size: 100,
      id: 'officer',
      header: t('intake.field.officer'),
      meta: {
        label: t('intake.field.officer'),
        filter: facet('officer'),
        export: { kind: 'text', value: (r) => r.officerName },
      },
    }),
    helper.accessor('investment', {
      size: 130,
      header: t('intake.field.investmentWithUnit'),
      meta: {
        label: t('intake.field.investment'),
        align: 'end',
        filter: {
          variant: 'numberRange',
          params: ['investmentMin', 'investmentMax'],
          unit: t('unit.tenThousandYuan'),
        },
        export: { kind: 'decimal', value: (r) => r.investment },
      },
      cell: (c) => {
        const value = c.getValue();
        return value === null ? '—' : format.amount(value);
      },
    }),
    helper.accessor('phone', {
      size: 130,
      header: t('intake.field.phone'),
      enableSorting: false,
      meta: { label: t('intake.field.phone'), export: { kind: 'text', value: (r) => r.phone } },
      cell: (c) => <span className="font-mono text-xs">{c.getValue() || '—'}</span>,
    }),
    helper.display({
      id: 'actions',
      // A 36 px button and the cell's padding, so nothing is cut to an ellipsis.
      size: 64,
      enableHiding: false,
      enableSorting: false,
      enableResizing: false,
      enablePinning: false,
      header: () => <span className="sr-only">{t('table.actions')}</span>,
      cell: ({ row }) => (
        <DataTableRowActions
          rowLabel={row.original.name}
          actions={[
            { label: t('intake.detail'), icon: Eye, onSelect: () => onOpen(row.original.id) },
            ...(canWrite
              ? [{ label: t('intake.edit'), icon: Pencil, onSelect: () => onOpen(row.original.id, true) }]
              : []),
          ]}
        />
      ),
    }),
  ]);
}
