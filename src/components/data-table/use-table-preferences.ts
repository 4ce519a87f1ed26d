import type { ColumnPinningState, ColumnVisibilityState } from '@tanstack/react-table';
import { useCallback, useState } from 'react';
import { useSessionState } from '../../lib/session';
import type { Density } from './data-table';

export interface TablePreferences {
  columnVisibility: ColumnVisibilityState;
  columnPinning: ColumnPinningState;
  density: Density;
}

/** Column visibility, pinning and density, remembered per table and per user in this browser. */
export function useTablePreferences(tableId: string, defaults: TablePreferences) {
  const userId = useSessionState().session?.user.id ?? 'anonymous';
  const key = `tod.table.${tableId}.${userId}`;
  const [preferences, setPreferences] = useState<TablePreferences>(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored ? { ...defaults, ...(JSON.parse(stored) as Partial<TablePreferences>) } : defaults;
    } catch {
      return defaults;
    }
  });
  const update = useCallback(
    (patch: Partial<TablePreferences>) =>
      setPreferences((current) => {
        const next = { ...current, ...patch };
        localStorage.setItem(key, JSON.stringify(next));
        return next;
      }),
    [key],
  );
  return [preferences, update] as const;
}
