import { useEffect } from 'react';
import { useMatches } from 'react-router';
import { useI18n } from '../lib/i18n/i18n';
import type { MessageKey } from '../lib/i18n/zh-cn';

export interface RouteHandle {
  /** Shown in the breadcrumbs, linking to the route. */
  crumb?: MessageKey;
  /** The page's name in the window title ("引才渠道 · 人才办工作台"); the deepest route's wins. */
  title?: MessageKey;
}

/** Sets `document.title` from the matched routes' `handle.title`, in the active language. */
export function useDocumentTitle() {
  const { t } = useI18n();
  const matches = useMatches();
  const key = matches
    .map((match) => (match.handle as RouteHandle | undefined)?.title)
    .filter((title) => title !== undefined)
    .at(-1);
  const title = key ? t('app.pageTitle', { page: t(key) }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
