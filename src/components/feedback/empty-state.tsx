import { Inbox } from 'lucide-react';
import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 py-10 text-center text-muted-foreground">
      <Inbox className="size-8" aria-hidden />
      <p className="font-medium">{title}</p>
      {children}
    </div>
  );
}
