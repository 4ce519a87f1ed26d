import type {
  ColumnOrderState,
  ColumnPinningState,
  ColumnSizingState,
  ColumnVisibilityState,
} from '@tanstack/react-table';
import { useCallback, useState } from 'react';
import { useSessionState } from '../../lib/session';

export type Density = 'comfortable' | 'compact';

export interface TablePreferences {
  columnVisibility: ColumnVisibilityState;
  columnPinning: ColumnPinningState;
  columnOrder: ColumnOrderState;
  columnSizing: ColumnSizingState;
  density: Density;
}

const empty: TablePreferences = {
  columnVisibility: {},
  columnPinning: { start: [], end: [] },
  columnOrder: [],
  columnSizing: {},
  density: 'comfortable',
};

function read(key: string, defaults: TablePreferences): TablePreferences {
  try {
    const stored = localStorage.getItem(key);
    if (!stored) return defaults;
    const saved = JSON.parse(stored) as Partial<TablePreferences> | null;
    if (typeof saved !== 'object' || saved === null) return defaults;
    // A column added later keeps its default (hidden, say) until the user chooses otherwise.
    return {
      ...defaults,
      ...saved,
      columnVisibility: { ...defaults.columnVisibility, ...saved.columnVisibility },
    };
  } catch {
    return defaults;
  }
}

/**
 * Column visibility, order, widths, pinning and density, remembered per table and per user in
 * this browser. `reset` goes back to the table's defaults.
 */
export function useTablePreferences(tableId: string, defaults: Partial<TablePreferences>) {
  const userId = useSessionState().session?.user.id ?? 'anonymous';
  const key = `tod.table.${tableId}.${userId}`;
  const [initial] = useState(() => ({ ...empty, ...defaults }));
  const [preferences, setPreferences] = useState<TablePreferences>(() => read(key, initial));
  const update = useCallback(
    (patch: Partial<TablePreferences>) =>
      setPreferences((current) => {
        const next = { ...current, ...patch };
        try {
          localStorage.setItem(key, JSON.stringify(next));
        } catch {
          // A full or blocked storage only costs the remembering, never the change on screen.
        }
        return next;
      }),
    [key],
  );
  const reset = useCallback(() => {
    try {
      localStorage.removeItem(key);
    } catch {
      // As above: only the remembering is lost.
    }
    setPreferences(initial);
  }, [key, initial]);
  return { preferences, update, reset };
}
