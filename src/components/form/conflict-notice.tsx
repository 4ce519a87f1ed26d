import { AlertTriangle } from 'lucide-react';
import { useId } from 'react';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import type { Conflict } from './use-conflict';

export interface ConflictField {
  name: string;
  label: string;
  /** The value as the user reads it (a dictionary label, a date). */
  show: (value: unknown) => string;
}

export interface FieldChange {
  actorName: string;
  at: string;
}

/**
 * A 409 explained field by field: what the other person changed (who, when), what the user has,
 * and a choice per field. Fields only they changed are taken over; fields both changed wait for
 * the user's choice, so saving again never silently undoes a colleague's work.
 */
export function ConflictNotice({
  conflict,
  fields,
  changedBy,
  onChoose,
}: {
  conflict: Conflict;
  fields: ConflictField[];
  changedBy: (field: string) => FieldChange | undefined;
  onChoose: (field: string, side: 'mine' | 'theirs') => void;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const id = useId();
  const shown = fields.filter((field) => field.name in conflict.choices);
  const side = (whose: string, value: string) => (
    <span className="min-w-0">
      <span className="block text-xs text-muted-foreground">{whose}</span>
      <span className="break-words whitespace-pre-wrap">{value}</span>
    </span>
  );
  return (
    <div role="alert" className="rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
      <p className="flex items-center gap-2 font-semibold text-warning">
        <AlertTriangle className="size-4" aria-hidden />
        {t('form.conflictTitle')}
      </p>
      <p className="mt-1">{t('form.conflictBody')}</p>
      {conflict.unresolved > 0 && (
        <p className="mt-1 font-medium">{t('form.conflictUnresolved', { count: conflict.unresolved })}</p>
      )}
      <ul className="mt-2 space-y-2">
        {shown.map((field) => {
          const choice = conflict.choices[field.name];
          const who = changedBy(field.name);
          const group = `${id}-${field.name}`;
          return (
            <li key={field.name} className="rounded border bg-surface p-2">
              <fieldset>
                <legend className="font-medium">
                  {field.label}
                  {choice === undefined && <span className="ml-2 text-xs text-danger">{t('form.conflictChoose')}</span>}
                </legend>
                <div className="mt-1 grid gap-1 sm:grid-cols-2">
                  {(['theirs', 'mine'] as const).map((version) => (
                    <label key={version} className="flex items-start gap-2">
                      <input
                        type="radio"
                        name={group}
                        checked={choice === version}
                        onChange={() => onChoose(field.name, version)}
                        className="mt-1"
                      />
                      {side(
                        version === 'mine'
                          ? t('form.mine')
                          : who
                            ? t('form.theirsBy', { name: who.actorName, at: format.dateTime(who.at) })
                            : t('form.theirs'),
                        field.show(conflict[version][field.name]),
                      )}
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
