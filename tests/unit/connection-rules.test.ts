import { describe, expect, it } from 'vitest';
import { adminBaseUrl } from '@/lib/zk/admin-server';
import { adminUrlProblem, connectStringProblem } from '@/lib/zk/connection-rules';

describe('connect strings', () => {
  it('accepts several hosts, IPv6, default ports and a chroot', () => {
    for (const ok of ['zk1:2181,zk2:2181,zk3:2181/kafka/prod', 'zk1', '[::1]:2181,zk2/apps', '127.0.0.1:2181/']) expect(connectStringProblem(ok)).toBeNull();
  });

  it('names what is wrong', () => {
    expect(connectStringProblem('')).toMatch(/empty/);
    expect(connectStringProblem('zk1:2181,zk2:70000')).toBe('Not a host[:port] (port 1–65535; an IPv6 host in brackets): "zk2:70000"');
    expect(connectStringProblem('::1:2181')).toMatch(/Not a host/);
    expect(connectStringProblem('zk1:2181,,zk2:2181/x')).toMatch(/empty entry between commas/);
    expect(connectStringProblem('zk1:2181/kafka/')).toBeNull();
    expect(connectStringProblem('zk1:2181/ka\u0000fka')).toMatch(/chroot .* is not a valid ZooKeeper path/);
    expect(connectStringProblem('/kafka')).toMatch(/names no server/);
    expect(connectStringProblem('zk1:2181 ,zk2')).toMatch(/spaces/);
  });
});

describe('AdminServer URLs', () => {
  it('accepts http and https templates and fills in the host', () => {
    expect(adminUrlProblem('http://{host}:8080/commands')).toBeNull();
    expect(adminUrlProblem('https://{host}:8443/commands')).toBeNull();
    expect(adminBaseUrl('https://{host}:8443/commands/', 'zk1.example')).toBe('https://zk1.example:8443/commands');
    expect(adminBaseUrl('http://{host}:8080/commands', '::1')).toBe('http://[::1]:8080/commands');
  });

  it('refuses other schemes, queries and credentials', () => {
    expect(adminUrlProblem('ftp://{host}/commands')).toMatch(/http:\/\/ or https:\/\//);
    expect(adminUrlProblem('http://{host}:8080/commands?x=1')).toMatch(/no query/);
    expect(adminUrlProblem('http://u:p@{host}:8080/commands')).toMatch(/credentials/);
    expect(adminUrlProblem('not a url')).toMatch(/is not a URL/);
  });
});
