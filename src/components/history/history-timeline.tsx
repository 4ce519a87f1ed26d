import type { AuditEvent } from '../../api/schemas/audit';
import type { Page } from '../../api/schemas/common';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/zh-cn';
import { ErrorState } from '../feedback/error-state';
import { Skeleton } from '../ui/skeleton';

export interface HistoryField {
  label: string;
  /** The value as the reader sees it elsewhere (a dictionary label, a date, a masked phone). */
  show?: (value: unknown) => string;
}

/** Derived fields the server records alongside the ones people change; never shown on their own. */
const hidden = new Set(['version', 'updatedAt', 'createdAt']);

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Who changed what and when, newest first: every recorded field, each shown the way the page
 * shows it. The server masks what the reader's role may not see; nothing here unmasks it.
 */
export function HistoryTimeline({
  headingId,
  events,
  total,
  fields,
  loading,
  error,
  onRetry,
}: {
  headingId: string;
  events: AuditEvent[] | undefined;
  /** How many events there are in all; more than shown are said to be older. */
  total?: number;
  fields: Record<string, HistoryField>;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const show = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return '—';
    return fields[field]?.show?.(value) ?? plain(value);
  };
  if (loading) return <Skeleton className="h-16 w-full" />;
  if (!events) return <ErrorState error={error} onRetry={onRetry} compact />;
  if (events.length === 0) return <p className="text-sm text-muted-foreground">{t('history.empty')}</p>;
  return (
    <ol aria-labelledby={headingId} className="space-y-2">
      {events.map((event) => (
        <li key={event.id} className="rounded-md border p-2 text-sm">
          <p>
            <span className="font-medium">{t(`audit.action.${event.action}` as MessageKey)}</span>
            <span className="ml-2 text-muted-foreground">
              {event.actorName}
              {t('common.separator')}
              <time dateTime={event.at}>{format.dateTime(event.at)}</time>
            </span>
          </p>
          {event.action !== 'create' && (
            <ul className="mt-1 text-xs text-muted-foreground">
              {event.changes
                .filter((change) => !hidden.has(change.field))
                .map((change) => (
                  <li key={change.field} className="break-words">
                    {t('audit.changed', {
                      field: fields[change.field]?.label ?? change.field,
                      from: show(change.field, change.from),
                      to: show(change.field, change.to),
                    })}
                  </li>
                ))}
            </ul>
          )}
        </li>
      ))}
      {total !== undefined && total > events.length && (
        <li className="text-xs text-muted-foreground">{t('history.older', { count: total - events.length })}</li>
      )}
    </ol>
  );
}

/**
 * A record's history under its heading, from the query that fetched it; `omit` leaves out fields
 * the page shows another way (a name that travels with its id, the stages listed above).
 */
export function HistorySection({
  id,
  title,
  history,
  fields,
  omit = [],
}: {
  id: string;
  title: string;
  history: { data?: Page<AuditEvent>; isPending: boolean; error: unknown; refetch: () => unknown };
  fields: Record<string, HistoryField>;
  omit?: readonly string[];
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-2 font-semibold">
        {title}
      </h3>
      <HistoryTimeline
        headingId={id}
        events={history.data?.items.map((event) => ({
          ...event,
          changes: event.changes.filter((change) => !omit.includes(change.field)),
        }))}
        total={history.data?.total}
        fields={fields}
        loading={history.isPending}
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    </section>
  );
}
