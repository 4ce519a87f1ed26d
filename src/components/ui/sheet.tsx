import { X } from 'lucide-react';
import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n/i18n';
import { useReturnFocus } from './use-return-focus';

/**
 * A side panel: a modal dialog at the end edge, full width on phones, with focus trapped, Escape to
 * close, and focus back on what opened it.
 */
export function Sheet({
  title,
  description,
  onClose,
  children,
  wide,
  onOpenAutoFocus,
}: {
  title: string;
  description?: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** To focus something other than the first control (a form's first field); call `preventDefault`. */
  onOpenAutoFocus?: (event: Event) => void;
}) {
  const { t } = useI18n();
  const returnFocus = useReturnFocus(true);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content
          onCloseAutoFocus={returnFocus}
          onOpenAutoFocus={onOpenAutoFocus}
          className={`fixed inset-y-0 right-0 z-50 flex w-full flex-col border-l bg-surface shadow-xl ${wide ? 'max-w-2xl' : 'max-w-xl'}`}
        >
          <div className="flex items-start justify-between gap-3 border-b p-4">
            <div className="min-w-0">
              <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
              <Dialog.Description className={description ? 'text-sm text-muted-foreground' : 'sr-only'}>
                {description ?? title}
              </Dialog.Description>
            </div>
            <Dialog.Close className="shrink-0 rounded p-1.5 hover:bg-muted" aria-label={t('common.close')}>
              <X className="size-4" aria-hidden />
            </Dialog.Close>
          </div>
          <div className="flex-1 overflow-auto p-4">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
