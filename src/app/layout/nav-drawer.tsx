import { Menu as MenuIcon, X } from 'lucide-react';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import type { User } from '../../api/schemas/auth';
import { Button } from '../../components/ui/button';
import { useI18n } from '../../lib/i18n/i18n';
import { AppMark, NavLinks } from './sidebar';

/**
 * On phones the navigation is a drawer opened from the header: focus stays inside while it is
 * open, Escape or a link closes it, and focus goes back to the menu button.
 */
export function NavDrawer({ user }: { user: User }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label={t('nav.open')} className="-ml-1 shrink-0">
          <MenuIcon className="size-5" aria-hidden />
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r bg-surface shadow-xl"
        >
          <Dialog.Title className="sr-only">{t('nav.main')}</Dialog.Title>
          <div className="flex items-center justify-between border-b pr-2">
            <AppMark className="min-w-0" />
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon" aria-label={t('common.close')}>
                <X className="size-4" aria-hidden />
              </Button>
            </Dialog.Close>
          </div>
          <nav aria-label={t('nav.main')} className="min-h-0 flex-1 overflow-y-auto">
            <NavLinks user={user} onNavigate={() => setOpen(false)} />
          </nav>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
