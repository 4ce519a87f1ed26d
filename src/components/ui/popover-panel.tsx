import { Popover } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';

/**
 * A popover's panel, named for assistive technology, kept 8 px inside the screen and never
 * taller or wider than the room there is (it scrolls inside), as the menus are.
 */
export function PopoverPanel({
  label,
  align = 'start',
  className,
  children,
}: {
  label: string;
  align?: 'start' | 'end';
  className?: string;
  children: ReactNode;
}) {
  return (
    <Popover.Portal>
      <Popover.Content
        aria-label={label}
        align={align}
        sideOffset={4}
        collisionPadding={8}
        className={cn(
          'z-50 max-h-(--radix-popover-content-available-height) max-w-(--radix-popover-content-available-width) overflow-auto overscroll-contain rounded-md border bg-surface shadow-lg',
          className,
        )}
      >
        {children}
      </Popover.Content>
    </Popover.Portal>
  );
}
