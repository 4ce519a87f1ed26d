import { DropdownMenu } from 'radix-ui';
import type { ReactElement, ReactNode } from 'react';
import { cn } from '../../lib/cn';

export const menuItemClass =
  'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-muted data-[state=checked]:font-medium';

/**
 * Keeps a floating panel on screen: 8 px from every edge, never taller or wider than the room Radix
 * measured beside its trigger, and scrolling inside when its content is taller than that.
 */
const menuContentClass =
  'z-50 max-h-(--radix-dropdown-menu-content-available-height) max-w-(--radix-dropdown-menu-content-available-width) overflow-y-auto overscroll-contain rounded-md border bg-surface p-1 shadow-lg';
const floatingCollisionPadding = 8;

/** A dropdown menu opened by `trigger` (a button), its content aligned to the end edge. */
export function Menu({
  trigger,
  children,
  className,
  align = 'end',
}: {
  trigger: ReactElement;
  children: ReactNode;
  className?: string;
  align?: 'start' | 'center' | 'end';
}) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align={align}
          sideOffset={4}
          collisionPadding={floatingCollisionPadding}
          className={cn(menuContentClass, className)}
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-border" />;
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <DropdownMenu.Label className="px-2 py-1 text-xs text-muted-foreground">{children}</DropdownMenu.Label>;
}
