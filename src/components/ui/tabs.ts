import { cn } from '../../lib/cn';

/** A tab of a page's views or lists (Radix `Tabs.Trigger`): underlined when active. */
export const tabTriggerClass = cn(
  '-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted-foreground',
  'hover:text-foreground data-[state=active]:border-primary data-[state=active]:text-foreground',
);
