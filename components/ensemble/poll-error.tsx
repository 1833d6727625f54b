import { useTranslations } from 'next-intl';
import { ErrorAlert } from '@/components/ui/error-alert';
import { isApiError } from '@/lib/client/api-client';

/** What the operator can do about a failed poll; chosen by the error's code, never its text. */
function nextStep(error: unknown): 'retrying' | 'addCredentials' | 'signInAgain' | null {
  if (!isApiError(error)) return null;
  switch (error.code) {
    case 'NETWORK':
    case 'CONNECTION_UNAVAILABLE':
    case 'SESSION_EXPIRED':
    case 'TIMEOUT':
      return 'retrying';
    case 'NO_AUTH':
    case 'FORBIDDEN':
      return 'addCredentials';
    case 'UNAUTHENTICATED':
      return 'signInAgain';
    default:
      return null;
  }
}

/**
 * A failed poll. With `stale` the page still shows the last answer, so the alert says that the
 * figures are out of date instead of replacing them.
 */
export function PollError({ error, retryMs, stale = false }: { error: unknown; retryMs: number; stale?: boolean }) {
  const t = useTranslations('ensemble.poll');
  const step = nextStep(error);
  return (
    <ErrorAlert error={error}>
      {stale && <p>{t('stale')}</p>}
      {step && <p>{step === 'retrying' ? t('retrying', { seconds: retryMs / 1000 }) : t(step)}</p>}
    </ErrorAlert>
  );
}
