import { useEffect } from 'react';
import {
  useForm,
  useFormContext,
  useWatch,
  type DefaultValues,
  type FieldValues,
  type Resolver,
} from 'react-hook-form';
import type { BodyOf } from '../../api/endpoints';
import type { caseActionEndpoints } from '../../api/endpoints/service-cases';
import { caseQueries, useCaseAction } from '../../api/queries/case-queries';
import type { CaseAction, ServiceCase } from '../../api/schemas/service-cases';
import { useFormDialogOutcome } from '../../components/form/form-dialog';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';

/** What every case action's dialog is given. */
export interface ActionDialogProps {
  serviceCase: ServiceCase;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

type ActionInput<A extends CaseAction> = BodyOf<(typeof caseActionEndpoints)[A]>;

/** Each case action's input typed and not yet sent, in this tab (never stored). */
const unsent = new Map<string, FieldValues>();

/**
 * One action's form in its dialog: the form on its resolver, and what `FormDialog` needs to send
 * it with the version the user saw and to answer the outcome (a toast and the dialog closed; field
 * errors beside the input; a 409 refetches the case). `toInput` makes the action's body.
 */
export function useActionForm<A extends CaseAction, V extends FieldValues, O>(
  { serviceCase, open, onOpenChange }: ActionDialogProps,
  action: A,
  resolver: Resolver<V, unknown, O>,
  defaultValues: DefaultValues<NoInfer<V>>,
  toInput: (values: O) => ActionInput<A>,
) {
  const { t } = useI18n();
  // Per user, case version and action: another user of the tab never sees it, and once the case
  // moves on (this action sent, or another) what was typed for it is not offered again.
  const userId = useSessionState().session?.user.id ?? '';
  const key = `${userId}:${serviceCase.id}:${serviceCase.version}:${action}`;
  const form = useForm<V, unknown, O>({
    resolver,
    defaultValues: { ...defaultValues, ...(unsent.get(key) as DefaultValues<V> | undefined) },
  });
  // What is typed outlives the dialog closed unsent (Escape, a click beside it), until it is sent.
  const typed = useWatch({ control: form.control });
  const untouched = JSON.stringify(defaultValues);
  useEffect(() => {
    if (JSON.stringify(typed) === untouched) unsent.delete(key);
    else unsent.set(key, typed);
  }, [key, typed, untouched]);
  const mutation = useCaseAction(action);
  const outcome = useFormDialogOutcome(form, onOpenChange, {
    done: () => t(`case.done.${action}`),
    recordKey: caseQueries.detail(serviceCase.id).queryKey,
  });
  const onSubmit = form.handleSubmit((values) =>
    mutation.mutate({ id: serviceCase.id, version: serviceCase.version, input: toInput(values) }, outcome),
  );
  return { form, dialog: { form, onSubmit, pending: mutation.isPending, error: mutation.error, open, onOpenChange } };
}

/** A required choice of a few, as radio buttons in a fieldset with its error. */
export function RadioGroupField<T extends FieldValues>({
  name,
  legend,
  options,
}: {
  name: Extract<keyof T, string>;
  legend: string;
  options: { value: string; label: string }[];
}) {
  const { register, formState } = useFormContext<T>();
  const error = formState.errors[name] as { message?: string } | undefined;
  const errorId = `${name}-choice-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium">
        {legend}
        <span aria-hidden className="text-danger">
          {' '}
          *
        </span>
      </legend>
      <div className="flex flex-col gap-1.5">
        {options.map((option) => (
          <label key={option.value} className="inline-flex items-center gap-1.5 text-sm">
            <input type="radio" value={option.value} {...register(name as never)} />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="mt-1 text-sm text-danger">
          {error.message}
        </p>
      )}
    </fieldset>
  );
}
