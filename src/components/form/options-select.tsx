import type { ComponentProps } from 'react';
import { inputClass } from './form-field';

/** A select of options, the first of which (`empty`) chooses none. */
export function OptionsSelect({
  options,
  empty,
  ...props
}: ComponentProps<'select'> & { options: readonly { value: string; label: string }[]; empty: string }) {
  return (
    <select {...props} className={inputClass}>
      <option value="">{empty}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
