import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { ConfirmDialog } from '../ui/confirm-dialog';

/**
 * Asks before unsaved edits are thrown away: on close (Escape, a click outside, Cancel), on
 * navigation inside the app, and (through the browser's own prompt) on reload or leaving the
 * site. `release` lets a successful save leave without asking.
 */
export function useDiscardGuard(dirty: boolean) {
  const { t } = useI18n();
  const released = useRef(false);
  const [pendingClose, setPendingClose] = useState<(() => void) | null>(null);
  // A replace is the app correcting its own address (a bad parameter, a page past the end), not
  // the user leaving; pushes and back/forward are.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation, historyAction }) =>
      dirty &&
      !released.current &&
      historyAction !== 'REPLACE' &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  // Edited again after a save that kept the form open: guarded again.
  useEffect(() => {
    if (dirty) released.current = false;
  }, [dirty]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const requestClose = useCallback(
    (close: () => void) => {
      if (!dirty || released.current) close();
      else setPendingClose(() => close);
    },
    [dirty],
  );
  const release = useCallback(() => {
    released.current = true;
  }, []);

  const asking = pendingClose !== null || blocker.state === 'blocked';
  const dialog = (
    <ConfirmDialog
      open={asking}
      onOpenChange={(open) => {
        if (open) return;
        setPendingClose(null);
        if (blocker.state === 'blocked') blocker.reset();
      }}
      title={t('form.discardTitle')}
      description={t('form.discardBody')}
      confirmLabel={t('form.discard')}
      destructive
      onConfirm={() => {
        released.current = true;
        if (blocker.state === 'blocked') blocker.proceed();
        else pendingClose?.();
        setPendingClose(null);
      }}
    />
  );
  return { requestClose, release, dialog };
}
