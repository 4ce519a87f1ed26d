import { createColumnHelper } from '@tanstack/react-table';
import type { IntakeRecord, IntakeStage } from '../../api/schemas/intake';
import type { ServerTableFeatures } from '../../components/data-table/features';
import { Badge } from '../../components/ui/badge';
import type { Formatters } from '../../lib/i18n/format';
import type { Translate } from '../../lib/i18n/i18n';
import type { IntakeLabels } from './use-intake-labels';

const helper = createColumnHelper<ServerTableFeatures, IntakeRecord>();

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
  selectable,
}: {
  t: Translate;
  format: Formatters;
  labels: IntakeLabels;
  selectable: boolean;
}) {
  const select = helper.display({
    id: 'select',
    enableHiding: false,
    enableSorting: false,
    size: 40,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label={t('table.selectPage')}
        checked={table.getIsAllPageRowsSelected()}
        ref={(input) => {
          if (input) input.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
        }}
        onChange={(event) => table.toggleAllPageRowsSelected(event.target.checked)}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={t('table.selectRow', { id: row.id })}
        checked={row.getIsSelected()}
        onClick={(event) => event.stopPropagation()}
        onChange={(event) => row.toggleSelected(event.target.checked)}
      />
    ),
  });

  const facet = (param: Parameters<IntakeLabels['label']>[0]) => ({ param, options: labels.options[param] });

  return helper.columns([
    ...(selectable ? [select] : []),
    helper.accessor('id', {
      header: t('intake.field.id'),
      meta: { label: t('intake.field.id') },
      cell: (c) => <span className="font-mono text-xs whitespace-nowrap">{c.getValue()}</span>,
    }),
    helper.accessor('name', {
      header: t('intake.field.name'),
      meta: { label: t('intake.field.name') },
      cell: ({ row }) => (
        <div className="min-w-40">
          <span className="font-medium">{row.original.name}</span>
          {row.original.kind === 'project' && <Badge className="ml-1.5">{t('kind.project')}</Badge>}
          <div className="text-xs text-muted-foreground">{row.original.organization}</div>
        </div>
      ),
    }),
    helper.accessor('channelCode', {
      id: 'channel',
      header: t('intake.field.channel'),
      meta: { label: t('intake.field.channel'), filter: facet('channel') },
      cell: (c) => labels.label('channel', c.getValue()),
    }),
    helper.accessor('eventCode', {
      id: 'event',
      header: t('intake.field.event'),
      enableSorting: false,
      meta: { label: t('intake.field.event'), filter: facet('event') },
      cell: (c) => <span className="text-muted-foreground">{labels.label('event', c.getValue())}</span>,
    }),
    helper.accessor('tierCode', {
      id: 'tier',
      header: t('intake.field.tier'),
      enableSorting: false,
      meta: { label: t('intake.field.tier'), filter: facet('tier') },
      cell: (c) => labels.label('tier', c.getValue()),
    }),
    helper.accessor('industryCode', {
      id: 'industry',
      header: t('intake.field.industry'),
      enableSorting: false,
      meta: { label: t('intake.field.industry'), filter: facet('industry') },
      cell: (c) => labels.label('industry', c.getValue()),
    }),
    helper.accessor('townCode', {
      id: 'town',
      header: t('intake.field.town'),
      meta: { label: t('intake.field.town'), filter: facet('town') },
      cell: (c) => labels.label('town', c.getValue()),
    }),
    helper.accessor('stage', {
      header: t('intake.field.stage'),
      meta: { label: t('intake.field.stage'), filter: facet('stage') },
      cell: (c) => <Badge tone={stageTone[c.getValue()]}>{t(`stage.${c.getValue()}`)}</Badge>,
    }),
    helper.accessor((r) => r.stageDates.lead, {
      id: 'leadOn',
      header: t('intake.field.leadOn'),
      meta: { label: t('intake.field.leadOn') },
      cell: (c) => <span className="tabular-nums">{format.date(c.getValue())}</span>,
    }),
    helper.accessor((r) => r.stageDates.landed, {
      id: 'landedOn',
      header: t('intake.field.landedOn'),
      meta: { label: t('intake.field.landedOn') },
      cell: (c) => {
        const value = c.getValue();
        return <span className="tabular-nums">{value ? format.date(value) : '—'}</span>;
      },
    }),
    helper.accessor('officerName', {
      id: 'officer',
      header: t('intake.field.officer'),
      meta: { label: t('intake.field.officer'), filter: facet('officer') },
    }),
    helper.accessor('investment', {
      header: t('intake.field.investmentWithUnit'),
      meta: { label: t('intake.field.investment'), align: 'end' },
      cell: (c) => {
        const value = c.getValue();
        return value === null ? '—' : format.integer(value);
      },
    }),
    helper.accessor('phone', {
      header: t('intake.field.phone'),
      enableSorting: false,
      meta: { label: t('intake.field.phone') },
      cell: (c) => <span className="font-mono text-xs">{c.getValue() || '—'}</span>,
    }),
  ]);
}
