import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { searchParamsToObject } from '../api/client';
import { toast } from '../components/ui/toaster';
import { useI18n, type Translate } from './i18n/i18n';

type SearchValue = string | number | readonly string[] | null | undefined;
export type SearchPatch = Record<string, SearchValue>;

export interface UpdateOptions {
  /** Replace the history entry (typing in a search box) instead of adding one (a click). */
  replace?: boolean;
  /** Any change to what is shown goes back to page 1. */
  resetPage?: boolean;
}

/**
 * Parses each key on its own, so one bad value in a shared link drops only that value; says
 * which keys were dropped.
 */
function parseLeniently<S extends z.ZodObject>(
  schema: S,
  search: URLSearchParams,
): { data: z.output<S>; dropped: string[] } {
  const raw = searchParamsToObject(search);
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    if (!(key in raw)) continue;
    if (field.safeParse(raw[key]).success) kept[key] = raw[key];
    else dropped.push(key);
  }
  // A range whose start lies after its end means nothing: both bounds go.
  const reversed = rangePairs(Object.keys(schema.shape))
    .filter(([low, high]) => typeof kept[low] === 'string' && typeof kept[high] === 'string')
    .filter(([low, high]) => isReversed(kept[low] as string, kept[high] as string))
    .flat();
  dropped.push(...reversed);
  const valid = Object.fromEntries(Object.entries(kept).filter(([key]) => !reversed.includes(key)));
  return { data: schema.parse(valid), dropped };
}

/** `from`/`to`, and `xFrom`/`xTo` and `xMin`/`xMax` pairs among a schema's keys. */
function rangePairs(keys: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const key of keys) {
    if (key === 'from' && keys.includes('to')) pairs.push(['from', 'to']);
    const match = /^(\w+)(From|Min)$/.exec(key);
    const high = match && `${match[1]}${match[2] === 'From' ? 'To' : 'Max'}`;
    if (high && keys.includes(high)) pairs.push([key, high]);
  }
  return pairs;
}

function isReversed(low: string, high: string): boolean {
  const [a, b] = [Number(low), Number(high)];
  return Number.isFinite(a) && Number.isFinite(b) ? a > b : low > high;
}

let lastNotice = { title: '', at: 0 };

/**
 * Says, once, that parts of the link were dropped (an effect may run twice in development, and
 * a page and its table may both find something).
 */
export function noticeIgnoredLinkParts(t: Translate, names?: string[]) {
  const title = names?.length
    ? t('url.invalidFilters', { names: names.join(t('common.listSeparator')) })
    : t('url.invalidParams');
  const now = Date.now();
  if (title === lastNotice.title && now - lastNotice.at < 1500) return;
  lastNotice = { title, at: now };
  toast({ tone: 'info', title });
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
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { data: state, dropped } = useMemo(() => parseLeniently(schema, params), [schema, params]);
  // React Router hands a functional update the parameters of the last render, so two changes
  // before the next render (two quick clicks) would lose the first: build on the latest instead.
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  const droppedKey = dropped.join(',');
  // A bad value in a link is removed from the address and named once, never shown as a form error.
  useEffect(() => {
    if (!droppedKey) return;
    const keys = droppedKey.split(',');
    const next = new URLSearchParams(latest.current);
    keys.forEach((key) => next.delete(key));
    latest.current = next;
    setParams(next, { replace: true });
    noticeIgnoredLinkParts(t);
  }, [droppedKey, setParams, t]);
  const update = useCallback(
    (patch: SearchPatch, options: UpdateOptions = {}) => {
      const next = applySearchPatch(latest.current, patch, options.resetPage);
      latest.current = next;
      setParams(next, { replace: options.replace });
    },
    [setParams],
  );
  /** Puts a whole query in place of the current one, e.g. a saved view's. */
  const replaceAll = useCallback((search: string) => setParams(new URLSearchParams(search)), [setParams]);
  return { state, update, replaceAll, search: params };
}
