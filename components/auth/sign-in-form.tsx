'use client';

import { useQuery } from '@tanstack/react-query';
import { LogIn } from 'lucide-react';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, ErrorAlert } from '@/components/ui/error-alert';
import { Input } from '@/components/ui/input';
import { safeNext } from '@/lib/shared/redirect';
import { isApiError } from '@/lib/client/api-client';
import { signInQuery, useSignIn } from '@/lib/client/sign-in';

export function SignInForm({ next, expired }: { next?: string; expired?: boolean }) {
  const status = useQuery(signInQuery());
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const target = safeNext(next);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A full navigation: every query starts over under the new session.
    signIn.mutate({ username, password }, { onSuccess: () => window.location.assign(target), onSettled: () => setPassword('') });
  };

  if (status.data?.mode === 'local') {
    return (
      <Alert title="No sign-in needed" tone="warn">
        This dashboard runs in local mode (no users file).{' '}
        <Link className="text-accent underline" href={target}>
          Continue
        </Link>
      </Alert>
    );
  }
  const limited = isApiError(signIn.error, 'RATE_LIMITED');
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Sign in">
      {expired && !signIn.error && (
        <Alert title="Signed out" tone="warn">
          Your session ended. Sign in again to continue.
        </Alert>
      )}
      {signIn.error && <ErrorAlert error={signIn.error}>{limited && <p>Wait before trying again; other accounts are not affected.</p>}</ErrorAlert>}
      <label className="flex flex-col gap-1 text-sm font-medium">
        User name
        <Input autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Password
        <Input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <Button type="submit" variant="primary" disabled={signIn.isPending || !username || !password} className="justify-center">
        <LogIn aria-hidden />
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
