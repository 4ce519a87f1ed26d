import { Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../../lib/use-debounced-value';

interface DataTableSearchProps {
  /** The committed search, as the URL has it. */
  value: string;
  /** Called a moment after typing stops. */
  onChange: (value: string) => void;
  label: string;
  placeholder: string;
}

/** A search box that types freely and commits after a 300 ms pause. */
export function DataTableSearch({ value, onChange, label, placeholder }: DataTableSearchProps) {
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  const debounced = useDebouncedValue(text, 300);

  // The URL changed from elsewhere (a saved view, a reset): show it, unless it is our own echo.
  if (value !== committed) {
    setCommitted(value);
    if (value !== debounced) setText(value);
  }

  // Only text that has settled: after a reset from elsewhere, the old debounced text must not
  // come back for its last 300 ms.
  useEffect(() => {
    if (debounced === text && debounced !== committed) onChange(debounced);
  }, [debounced, text, committed, onChange]);

  return (
    <div className="relative">
      <Search
        className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted-foreground"
        aria-hidden
      />
      <input
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={placeholder}
        aria-label={label}
        className="h-8 w-64 rounded-md border bg-surface pr-2 pl-7 text-sm"
      />
    </div>
  );
}
