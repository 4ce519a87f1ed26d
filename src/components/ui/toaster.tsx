import { Toast } from 'radix-ui';
import { X } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { cn } from '../../lib/cn';
import { useI18n } from '../../lib/i18n/i18n';

export interface ToastMessage {
  id: number;
  title: string;
  description?: string;
  tone: 'success' | 'error' | 'info';
}

let toasts: ToastMessage[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

/** Shows a toast from anywhere, e.g. a mutation's `onSuccess`. */
export function toast(message: Omit<ToastMessage, 'id' | 'tone'> & { tone?: ToastMessage['tone'] }) {
  toasts = [...toasts, { tone: 'info', ...message, id: nextId++ }];
  emit();
}

function dismiss(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const toneClass: Record<ToastMessage['tone'], string> = {
  success: 'border-l-4 border-l-success',
  error: 'border-l-4 border-l-danger',
  info: 'border-l-4 border-l-focus',
};

export function Toaster() {
  const { t } = useI18n();
  const items = useSyncExternalStore(subscribe, () => toasts);
  return (
    <Toast.Provider duration={6000} label={t('common.close')}>
      {items.map((item) => (
        <Toast.Root
          key={item.id}
          type={item.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => !open && dismiss(item.id)}
          className={cn('flex items-start gap-3 rounded-md border bg-surface p-3 shadow-lg', toneClass[item.tone])}
        >
          <div className="flex-1">
            <Toast.Title className="text-sm font-semibold">{item.title}</Toast.Title>
            {item.description && (
              <Toast.Description className="mt-1 text-sm text-muted-foreground">{item.description}</Toast.Description>
            )}
          </div>
          <Toast.Close aria-label={t('common.close')} className="rounded p-1 hover:bg-muted">
            <X className="size-4" aria-hidden />
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport
        label={t('toast.region')}
        className="fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2 outline-none"
      />
    </Toast.Provider>
  );
}
