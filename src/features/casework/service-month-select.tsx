import type { ServiceMonth } from '../../api/schemas/service-cases';

/** A service month picked by its title, newest first; optionally "every month" at the top. */
export function ServiceMonthSelect({
  id,
  label,
  months,
  value,
  onChange,
  every,
}: {
  id?: string;
  label: string;
  /** Newest first, as the months query answers them. */
  months: readonly ServiceMonth[];
  value: string;
  onChange: (value: string) => void;
  every?: { value: string; label: string };
}) {
  return (
    <label className="flex flex-col gap-1 text-sm" htmlFor={id}>
      <span className="text-muted-foreground">{label}</span>
      <select
        id={id}
        className="h-9 rounded-md border bg-surface px-2"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {every && <option value={every.value}>{every.label}</option>}
        {months.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title}
          </option>
        ))}
      </select>
    </label>
  );
}
