import type { RowData, Table } from '@tanstack/react-table';
import type { ExportAbout, ExportColumn } from '../../lib/export/sheet';
import type { Translate } from '../../lib/i18n/i18n';
import type { FilterChip } from '../data-table/filter-chips';
import type { ServerTableFeatures } from '../data-table/features';

/** Which rows go into the file: those the filters select, only those picked, or every record. */
export type ExportScope = 'filtered' | 'picked' | 'all';

/**
 * The table's columns as a file gets them: the visible ones, in the order shown, each as its
 * `meta.export` says, under the header the table shows (a column without it is not exported).
 */
export function exportColumnsOf<T extends RowData>(table: Table<ServerTableFeatures, T>): ExportColumn<T>[] {
  return table.getVisibleLeafColumns().flatMap((column) => {
    const { header, meta } = column.columnDef;
    if (!meta?.export) return [];
    const shown = typeof header === 'string' ? header : (meta.label ?? column.id);
    return [meta.export].flat().map((spec) => ({
      key: spec.key ?? column.id,
      header: spec.header ?? shown,
      kind: spec.kind,
      value: spec.value,
    }));
  });
}

/** What the second sheet records of an export: which rows (the filters, when they chose them), who, when. */
export function exportAbout({
  t,
  title,
  scope,
  pickedCount,
  context,
  chips,
  q,
  exportedBy,
  exportedAt,
}: {
  t: Translate;
  title: string;
  scope: ExportScope;
  pickedCount: number;
  context: readonly (readonly [string, string])[];
  chips: readonly FilterChip[];
  q: string | undefined;
  exportedBy: string;
  exportedAt: string;
}): Omit<ExportAbout, 'rowCount'> {
  const rows =
    scope === 'picked'
      ? t('export.about.scope.picked', { count: String(pickedCount) })
      : t(`export.about.scope.${scope}`);
  const filters =
    scope === 'all'
      ? []
      : [
          ...context,
          ...chips.map((chip) => [chip.title, chip.label] as const),
          ...(q ? [[t('export.search'), q] as const] : []),
        ];
  return {
    title,
    filters: [[t('export.about.scope'), rows], ...filters],
    exportedBy,
    exportedAt,
    words: {
      sheet: t('export.about.sheet'),
      title: t('export.about.title'),
      filters: t('export.about.filters'),
      noFilters: t('export.about.noFilters'),
      exportedBy: t('export.about.exportedBy'),
      exportedAt: t('export.about.exportedAt'),
      rowCount: t('export.about.rowCount'),
    },
  };
}
