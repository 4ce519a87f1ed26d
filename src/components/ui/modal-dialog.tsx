import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { Button } from './button';
import { useReturnFocus } from './use-return-focus';

interface ModalDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** Read out with the title; visually hidden when `hideDescription`. */
  description: string;
  hideDescription?: boolean;
  /** Room for a table (an import's errors): 44rem instead of 26rem, within the screen either way. */
  wide?: boolean;
  children: ReactNode;
}

/** A centred modal: focus trapped, Escape and the overlay close it, titled for screen readers; focus goes back to what opened it. */
export function ModalDialog({
  open,
  onOpenChange,
  title,
  description,
  hideDescription,
  wide,
  children,
}: ModalDialogProps) {
  const returnFocus = useReturnFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          onCloseAutoFocus={returnFocus}
          className={cn(
            'fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] max-w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border bg-surface p-5 shadow-xl',
            wide ? 'w-[44rem]' : 'w-[26rem]',
          )}
        >
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description className={hideDescription ? 'sr-only' : 'mt-1 text-sm text-muted-foreground'}>
            {description}
          </Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Cancel and a primary submit, at the foot of a dialog's form. */
export function DialogActions({
  cancelLabel,
  submitLabel,
  disabled,
}: {
  cancelLabel: string;
  submitLabel: string;
  disabled: boolean;
}) {
  return (
    <div className="flex justify-end gap-2 pt-2">
      <Dialog.Close asChild>
        <Button>{cancelLabel}</Button>
      </Dialog.Close>
      <Button type="submit" variant="primary" disabled={disabled}>
        {submitLabel}
      </Button>
    </div>
  );
}
