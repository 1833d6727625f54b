/** Runs once per server process, before it serves a request (Next's instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Local mode checks the address each request arrived on (lib/auth/socket-stamp.ts); slow
  // senders are cut off (lib/api/slow-clients.ts).
  const [{ installSocketStamp }, { installSlowClientTimeouts }] = await Promise.all([import('@/lib/auth/socket-stamp'), import('@/lib/api/slow-clients')]);
  installSocketStamp();
  installSlowClientTimeouts();
}
