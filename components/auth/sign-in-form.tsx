'use client';

import { LogIn } from 'lucide-react';
import Link from 'next/link';
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
      <Alert title="No sign-in needed" tone="warn">
        This dashboard runs in local mode (no users file).{' '}
        <Link className="text-accent underline" href={target}>
          Continue
        </Link>
      </Alert>
    );
  }
  const limited = isApiError(error, 'RATE_LIMITED');
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Sign in">
      {expired && !error && (
        <Alert title="Signed out" tone="warn">
          Your session ended. Sign in again to continue.
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error}>{limited && <p>Wait before trying again; other accounts are not affected.</p>}</ErrorAlert>}
      <label className="flex flex-col gap-1 text-sm font-medium">
        User name
        <Input autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Password
        <Input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <Button type="submit" variant="primary" disabled={pending || !username || !password} className="justify-center">
        <LogIn aria-hidden />
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
