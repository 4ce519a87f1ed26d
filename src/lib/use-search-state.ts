import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { searchParamsToObject } from '../api/client';

type SearchValue = string | number | readonly string[] | null | undefined;
export type SearchPatch = Record<string, SearchValue>;

export interface UpdateOptions {
  /** Replace the history entry (typing in a search box) instead of adding one (a click). */
  replace?: boolean;
  /** Any change to what is shown goes back to page 1. */
  resetPage?: boolean;
}

/** Parses each key on its own, so one bad value in a shared link drops only that value. */
function parseLeniently<S extends z.ZodObject>(schema: S, search: URLSearchParams): z.output<S> {
  const raw = searchParamsToObject(search);
  const whole = schema.safeParse(raw);
  if (whole.success) return whole.data;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    if (key in raw && field.safeParse(raw[key]).success) kept[key] = raw[key];
  }
  return schema.parse(kept);
}

export function applySearchPatch(current: URLSearchParams, patch: SearchPatch, resetPage = false): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch)) {
    next.delete(key);
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((item) => next.append(key, item));
    else next.set(key, String(value));
  }
  if (resetPage) next.delete('page');
  return next;
}

/**
 * Typed state kept in the URL query, so a view can be bookmarked and shared and back/forward
 * work. The URL is the only copy: read it with `state`, change it with `update`.
 */
export function useSearchState<S extends z.ZodObject>(schema: S) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseLeniently(schema, params), [schema, params]);
  const update = useCallback(
    (patch: SearchPatch, options: UpdateOptions = {}) =>
      setParams((current) => applySearchPatch(current, patch, options.resetPage), { replace: options.replace }),
    [setParams],
  );
  /** Puts a whole query in place of the current one, e.g. a saved view's. */
  const replaceAll = useCallback((search: string) => setParams(new URLSearchParams(search)), [setParams]);
  return { state, update, replaceAll, search: params };
}
