import { isApiError } from '../api/api-error';
import type { Translate } from './i18n/i18n';

/** One plain sentence for any failure, in the user's language. */
export function describeError(error: unknown, t: Translate): string {
  if (!isApiError(error)) {
    return t('error.unknown', { message: error instanceof Error ? error.message : String(error) });
  }
  switch (error.kind) {
    case 'network':
      return t('error.network');
    case 'offline':
      return t('error.offline');
    case 'timeout':
      return t('error.timeout');
    case 'malformed':
      return t('error.malformed');
    case 'contract':
      return t('error.contract');
    case 'aborted':
      return t('error.unknown', { message: error.message });
    case 'http':
      break;
  }
  switch (error.status) {
    case 401:
      return t('error.unauthenticated');
    case 403:
      return t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
      return error.code === 'invalid_transition' ? t('error.invalidTransition') : t('error.conflict');
    case 400:
    case 422:
      return t('error.validation');
    case 413:
      return t('error.tooLarge');
    case 429:
      return t('error.tooManyRequests', { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) });
    case 503:
      return t('error.unavailable');
    default:
      return t('error.server', { status: error.status ?? '?' });
  }
}
