'use client';

import { LogIn } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, ErrorAlert } from '@/components/ui/error-alert';
import { Input } from '@/components/ui/input';
import { safeNext } from '@/lib/shared/redirect';
import { isApiError } from '@/lib/client/api-client';
import { signIn } from '@/lib/client/sign-in-request';

/**
 * The sign-in form, or (`local`: no users file) a way on. The page has no query cache: one
 * request, then a full navigation, so every query starts over under the new session.
 */
export function SignInForm({ next, expired, local }: { next?: string; expired?: boolean; local: boolean }) {
  const t = useTranslations('auth.signIn');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, startTransition] = useTransition();
  const target = safeNext(next);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      try {
        await signIn({ username, password });
        setError(null);
        window.location.assign(target);
      } catch (err) {
        setError(err);
      }
      setPassword('');
    });
  };

  if (local) {
    return (
      <Alert title={t('localTitle')} tone="warn">
        {t.rich('localBody', {
          link: (chunks) => (
            <Link className="text-accent underline" href={target}>
              {chunks}
            </Link>
          ),
        })}
      </Alert>
    );
  }
  const limited = isApiError(error, 'RATE_LIMITED');
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t('form')}>
      {expired && !error && (
        <Alert title={t('expiredTitle')} tone="warn">
          {t('expiredBody')}
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error}>{limited && <p>{t('rateLimited')}</p>}</ErrorAlert>}
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('userName')}
        <Input autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('password')}
        <Input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <Button type="submit" variant="primary" disabled={pending || !username || !password} className="justify-center">
        <LogIn aria-hidden />
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
