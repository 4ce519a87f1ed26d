import { AlertTriangle, RefreshCw } from 'lucide-react';
import { isApiError } from '../../api/api-error';
import { describeError } from '../../lib/describe-error';
import { useI18n } from '../../lib/i18n/i18n';
import { cn } from '../../lib/cn';
import { Button } from '../ui/button';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
  compact?: boolean;
}

/** A failed load explained in plain words, with a retry and the technical detail folded away. */
export function ErrorState({ error, onRetry, retrying, className, compact }: ErrorStateProps) {
  const { t } = useI18n();
  // A missing record, a refusal or a rejected input will answer the same again: no retry offered.
  const canRetry = onRetry && !(isApiError(error) && error.kind === 'http' && !error.retryable);
  const technical = isApiError(error)
    ? `${error.endpoint} · ${error.kind}${error.status ? ` · HTTP ${error.status}` : ''} · ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <div
      role="alert"
      className={cn(
        'flex flex-col items-start gap-2 rounded-md border border-danger/40 bg-danger/5 text-sm',
        compact ? 'p-3' : 'p-4',
        className,
      )}
    >
      <p className="flex items-center gap-2 font-medium text-danger">
        <AlertTriangle className="size-4 shrink-0" aria-hidden />
        {describeError(error, t)}
      </p>
      <details className="text-xs text-muted-foreground">
        <summary className="cursor-pointer">{t('common.details')}</summary>
        <code className="mt-1 block break-all">{technical}</code>
      </details>
      {canRetry && (
        <Button size="sm" onClick={onRetry} disabled={retrying}>
          <RefreshCw className={cn('size-4', retrying && 'animate-spin')} aria-hidden />
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}
