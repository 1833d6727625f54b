import { ErrorAlert } from '@/components/ui/error-alert';
import { isApiError } from '@/lib/client/api-client';

/** What the operator can do about a failed poll; chosen by the error's code, never its text. */
function nextStep(error: unknown, retryMs: number): string | null {
  if (!isApiError(error)) return null;
  switch (error.code) {
    case 'NETWORK':
    case 'CONNECTION_UNAVAILABLE':
    case 'SESSION_EXPIRED':
    case 'TIMEOUT':
      return `Retrying every ${retryMs / 1000} seconds.`;
    case 'NO_AUTH':
    case 'FORBIDDEN':
      return 'Add credentials that may read these znodes to the connection.';
    case 'UNAUTHENTICATED':
      return 'Sign in again.';
    default:
      return null;
  }
}

/**
 * A failed poll. With `stale` the page still shows the last answer, so the alert says that the
 * figures are out of date instead of replacing them.
 */
export function PollError({ error, retryMs, stale = false }: { error: unknown; retryMs: number; stale?: boolean }) {
  const step = nextStep(error, retryMs);
  return (
    <ErrorAlert error={error}>
      {stale && <p>The figures below are from the last successful refresh.</p>}
      {step && <p>{step}</p>}
    </ErrorAlert>
  );
}
