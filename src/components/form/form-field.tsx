import { useId, type ReactNode } from 'react';
import { get, useFormContext, type FieldValues, type Path, type UseFormRegisterReturn } from 'react-hook-form';
import { cn } from '../../lib/cn';

/** What every control of a field receives: registered with the form and described by its error. */
export type FieldControlProps<TValues extends FieldValues> = UseFormRegisterReturn<Path<TValues>> & {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
};

export const inputClass = 'h-9 w-full rounded-md border bg-surface px-3 aria-invalid:border-danger';
export const textareaClass = 'w-full rounded-md border bg-surface px-3 py-2 aria-invalid:border-danger';

/**
 * A labelled form field: wires `id`, `aria-invalid`, `aria-describedby` and the error message once,
 * for client checks (the schema) and server 422 errors alike (after shadcn's `FormControl`).
 */
export function FormField<TValues extends FieldValues>({
  name,
  label,
  required,
  hint,
  className,
  children,
}: {
  name: Path<TValues>;
  label: string;
  required?: boolean;
  /** A line under the control (the unit, the limit). */
  hint?: string;
  className?: string;
  children: (control: FieldControlProps<TValues>) => ReactNode;
}) {
  const id = useId();
  const { register, formState } = useFormContext<TValues>();
  const error = get(formState.errors, name) as { message?: string } | undefined;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <div className="text-sm font-medium">
        <label htmlFor={id}>{label}</label>
        {/* Outside the label, so the field's name is the label alone; aria-required says it. */}
        {required && (
          <span aria-hidden className="ml-0.5 text-danger">
            *
          </span>
        )}
      </div>
      <div className="mt-1">
        {children({
          ...register(name),
          id,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy,
          'aria-required': required ? true : undefined,
        })}
      </div>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error?.message && (
        <p id={errorId} className={cn('mt-1 text-sm text-danger')}>
          {error.message}
        </p>
      )}
    </div>
  );
}
