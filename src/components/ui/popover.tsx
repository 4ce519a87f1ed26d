import { Popover } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';
import { floatingCollisionPadding } from './menu';

/**
 * A popover panel that keeps to the screen like `Menu`: 8 px from every edge, no taller or wider
 * than the room Radix measured beside its trigger, scrolling inside when its content is taller.
 */
export function PopoverContent({ className, ...props }: ComponentProps<typeof Popover.Content>) {
  return (
    <Popover.Portal>
      <Popover.Content
        align="start"
        sideOffset={4}
        collisionPadding={floatingCollisionPadding}
        {...props}
        className={cn(
          'z-50 max-h-(--radix-popover-content-available-height) max-w-(--radix-popover-content-available-width) overflow-y-auto overscroll-contain rounded-md border bg-surface shadow-lg',
          className,
        )}
      />
    </Popover.Portal>
  );
}
