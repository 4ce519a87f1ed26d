import { LogIn, UserRound } from 'lucide-react';
import { useId } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import { Navigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { loginRequestSchema } from '../../api/schemas/auth';
import { ErrorState } from '../../components/feedback/error-state';
import { FormField } from '../../components/form/form-field';
import { schemaResolver } from '../../components/form/schema-resolver';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { LanguageSelect } from '../../components/ui/language-select';
import { useDemo } from '../../lib/demo';
import { useFormat } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useSessionState } from '../../lib/session';
import { safeNextPath } from './safe-next';
import { useLogin } from './use-login';

type LoginValues = z.input<typeof loginRequestSchema>;

export function LoginPage() {
  const { t } = useI18n();
  const format = useFormat();
  const demo = useDemo();
  const { session } = useSessionState();
  const [params] = useSearchParams();
  const login = useLogin();
  const formId = useId();
  // The contract's limits, with "请输入用户名" rather than a generic "required" for an empty box.
  const required = (field: 'username' | 'password') =>
    z.string().refine((v) => v.trim() !== '', { message: t('login.required', { field: t(`login.${field}`) }) });
  const schema = z.object({
    username: required('username').pipe(loginRequestSchema.shape.username),
    password: required('password').pipe(loginRequestSchema.shape.password),
  });
  const form = useForm<LoginValues>({
    resolver: schemaResolver(schema, t),
    defaultValues: { username: '', password: '' },
  });

  if (session) return <Navigate to={safeNextPath(params.get('next'))} replace />;

  const reason = params.get('reason');
  const wrongCredentials = isApiError(login.error) && login.error.code === 'invalid_credentials';
  const submit = form.handleSubmit((values) => login.mutate(values));
  const loginInput = 'h-10 w-full rounded-md border bg-surface px-3 aria-invalid:border-danger';

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
          <FormProvider {...form}>
            <form onSubmit={submit} noValidate className="mt-5 space-y-4">
              <FormField<LoginValues> name="username" label={t('login.username')}>
                {(props) => <input {...props} type="text" autoComplete="username" className={loginInput} />}
              </FormField>
              <FormField<LoginValues> name="password" label={t('login.password')}>
                {(props) => <input {...props} type="password" autoComplete="current-password" className={loginInput} />}
              </FormField>
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
          </FormProvider>
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
                    onClick={() => form.reset({ username: account.username, password: account.password })}
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
