import 'server-only';
import { DEFAULT_ADMIN_URL } from '@/lib/zk/admin-server';
import { DASHBOARD_WORDS, whitelistHint } from '@/lib/zk/four-letter-query';
import type { Probe } from './server-probe';
import type { EnsembleServer } from '@/lib/shared/ensemble';

/**
 * What a server that answered `srvr` alone (or nothing) needs in zoo.cfg for full health: the
 * words this dashboard uses whitelisted, or the AdminServer enabled where the connection looks.
 * Over TLS only the AdminServer helps: the words travel in plain text on the plain client port.
 */
export function sourceHint(probe: Probe, adminUrl: string | null, tls = false): Pick<EnsembleServer, 'hint' | 'hintCode' | 'hintParams' | 'configLines'> {
  const port = adminPortOf(adminUrl ?? DEFAULT_ADMIN_URL);
  const adminLines = ['admin.enableServer=true', `admin.serverPort=${port}`];
  const admin = probe.adminError
    ? `The AdminServer did not answer (${probe.adminError}).`
    : 'The AdminServer was not asked again: it did not answer on port 8080 a moment ago.';
  const where = adminUrl ? '' : ' On another port or over https, set this connection’s adminUrl.';
  // The same advice by code for the browser's catalogs (messages/<locale>/ensemble.json, hints.*).
  const common = { admin: probe.adminError ? 'failed' : 'skipped', adminError: probe.adminError ?? '', adminUrl: adminUrl ? 'set' : 'unset' };
  if (tls) {
    return {
      configLines: adminLines,
      hint: `Four-letter words are plain text on the plain client port and give nothing over this TLS connection: enable the AdminServer (${adminLines.join(', ')}), then restart the server. ${admin}${where}`,
      hintCode: 'tlsAdminServer',
      hintParams: { ...common, adminLines: adminLines.join(', ') },
    };
  }
  const words = probe.disabled.length ? probe.disabled : ['mntr', 'conf'];
  return {
    configLines: [`4lw.commands.whitelist=${DASHBOARD_WORDS.join(',')}`, ...adminLines],
    hint: `${whitelistHint(words)} ${admin}${where}`,
    hintCode: 'whitelist',
    hintParams: { ...common, words: words.join(', '), count: words.length, whitelist: DASHBOARD_WORDS.join(',') },
  };
}

/** The port a template names (the scheme's default when it names none). */
function adminPortOf(template: string): number {
  try {
    const url = new URL(template.replaceAll('{host}', 'host'));
    return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  } catch {
    return 8080;
  }
}
