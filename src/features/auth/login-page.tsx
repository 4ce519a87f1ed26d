import { LogIn, UserRound } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { ErrorState } from '../../components/feedback/error-state';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { LanguageSelect } from '../../components/ui/language-select';
import { useDemo } from '../../lib/demo';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import { safeNextPath } from './safe-next';
import { useLogin } from './use-login';

type Field = 'username' | 'password';

/**
 * The first page anyone sees, so it stays two plain fields: the form library (react-hook-form,
 * about 13 kB gzip with the shared field parts) loads only after sign-in, with the first form.
 */
export function LoginPage() {
  const { t } = useI18n();
  const format = useFormat();
  const demo = useDemo();
  const { session } = useSessionState();
  const [params] = useSearchParams();
  const login = useLogin();
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '' });
  const [missing, setMissing] = useState<Field[]>([]);
  const formId = useId();

  if (session) return <Navigate to={safeNextPath(params.get('next'))} replace />;

  const reason = params.get('reason');
  const wrongCredentials = isApiError(login.error) && login.error.code === 'invalid_credentials';

  function submit(event: FormEvent) {
    event.preventDefault();
    const empty = (['username', 'password'] as const).filter((field) => values[field].trim() === '');
    setMissing(empty);
    if (empty.length === 0) login.mutate({ username: values.username.trim(), password: values.password });
  }

  const field = (name: Field, type: string, autoComplete: string) => {
    const id = `${formId}-${name}`;
    const label = t(`login.${name}`);
    const invalid = missing.includes(name);
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <input
          id={id}
          name={name}
          type={type}
          autoComplete={autoComplete}
          value={values[name]}
          onChange={(event) => setValues((v) => ({ ...v, [name]: event.target.value }))}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          className="mt-1 h-10 w-full rounded-md border bg-surface px-3 aria-invalid:border-danger"
        />
        {invalid && (
          <p id={`${id}-error`} className="mt-1 text-sm text-danger">
            {t('login.required', { field: label })}
          </p>
        )}
      </div>
    );
  };

  return (
    <main className="grid min-h-screen place-items-center bg-background p-4">
      <div className="w-full max-w-md">
        <div className="mb-3 flex justify-end">
          <LanguageSelect />
        </div>
        <div className="rounded-xl border bg-surface p-6 shadow-sm">
          <h1 className="text-xl font-semibold">{t('login.title')}</h1>
          <p className="mt-1 text-sm text-muted-foreground">{t('login.subtitle')}</p>
          {reason === 'expired' && (
            <p role="status" className="mt-4 rounded-md bg-warning/10 p-3 text-sm text-warning">
              {t('login.expired')}
            </p>
          )}
          {reason === 'signedOut' && (
            <p role="status" className="mt-4 rounded-md bg-muted p-3 text-sm">
              {t('login.signedOut')}
            </p>
          )}
          <form onSubmit={submit} noValidate className="mt-5 space-y-4">
            {field('username', 'text', 'username')}
            {field('password', 'password', 'current-password')}
            {wrongCredentials && (
              <p role="alert" className="text-sm font-medium text-danger">
                {t('login.failed')}
              </p>
            )}
            {login.error && !wrongCredentials && <ErrorState error={login.error} compact />}
            <Button type="submit" variant="primary" className="w-full justify-center" disabled={login.isPending}>
              <LogIn className="size-4" aria-hidden />
              {login.isPending ? t('login.submitting') : t('login.submit')}
            </Button>
          </form>
        </div>
        {demo && (
          <section aria-labelledby={`${formId}-demo`} className="mt-4 rounded-xl border bg-surface p-4">
            <h2 id={`${formId}-demo`} className="flex items-center gap-2 font-semibold">
              {t('login.demoAccounts')}
              <Badge tone="warning">{t('demo.badge')}</Badge>
            </h2>
            <p className="mt-1 text-sm text-muted-foreground">
              {t('login.demoHint', { password: demo.accounts[0]?.password ?? '' })}
            </p>
            <ul className="mt-3 grid gap-2">
              {demo.accounts.map((account) => (
                <li key={account.username}>
                  <button
                    type="button"
                    onClick={() => {
                      setValues({ username: account.username, password: account.password });
                      setMissing([]);
                    }}
                    className="flex w-full items-center gap-3 rounded-md border px-3 py-2 text-left text-sm hover:bg-muted"
                  >
                    <UserRound className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                    <span className="sr-only">{t('login.useAccount')}</span>
                    <span className="min-w-0 flex-1">
                      <span className="font-medium">{account.displayName}</span>
                      <span className="ml-2 font-mono text-muted-foreground">{account.username}</span>
                      <span className="block text-xs text-muted-foreground">
                        {format.entry(account.department)} · {t(`role.${account.role}.hint`)}
                      </span>
                    </span>
                    <Badge tone="primary">{t(`role.${account.role}`)}</Badge>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p className="mt-4 text-center text-xs text-muted-foreground">{t('app.org')}</p>
      </div>
    </main>
  );
}
