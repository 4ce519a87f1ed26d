import type { Header, RowData } from '@tanstack/react-table';
import type { KeyboardEvent } from 'react';
import { cn } from '../../lib/cn';
import { useI18n } from '../../lib/i18n/i18n';
import type { ServerTableFeatures } from './features';

const MIN_WIDTH = 48;
const MAX_WIDTH = 640;
const STEP = 16;

/**
 * The grip at a header's end edge: drag it with a mouse or finger, or focus it and use the arrow
 * keys (a focusable separator, as the ARIA practices describe for resizable panes).
 */
export function DataTableResizeHandle<TData extends RowData>({
  header,
}: {
  header: Header<ServerTableFeatures, TData, unknown>;
}) {
  const { t } = useI18n();
  const column = header.column;
  const size = column.getSize();
  const resize = (width: number) =>
    header.getContext().table.setColumnSizing((current) => ({
      ...current,
      [column.id]: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)),
    }));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      resize(size + (event.key === 'ArrowRight' ? STEP : -STEP));
    }
  };
  const handler = header.getResizeHandler();
  // A focusable separator is a widget (the ARIA "window splitter"); jsx-a11y takes every separator as static.
  /* eslint-disable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('table.resizeColumn', { column: column.columnDef.meta?.label ?? column.id })}
      aria-valuenow={size}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      tabIndex={0}
      onMouseDown={handler}
      onTouchStart={handler}
      onKeyDown={onKeyDown}
      onDoubleClick={() => column.resetSize()}
      className={cn(
        'absolute inset-y-0 right-0 w-1.5 cursor-col-resize touch-none select-none hover:bg-primary/40 focus-visible:bg-primary focus-visible:outline-none',
        column.getIsResizing() && 'bg-primary',
      )}
    />
  );
  /* eslint-enable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */
}
