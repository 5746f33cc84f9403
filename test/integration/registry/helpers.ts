// Shared pieces of the registry client's integration tests.
import type { ProxiedRequest } from '../../env/index.js';
import { Sessions, Transport, type Credential } from '../../../src/registry/index.js';

/** What a registry request is, in the protocol's words. */
export function kindOf(r: Pick<ProxiedRequest, 'method' | 'path' | 'query'>): string {
  if (r.path === '/v2/' || r.path === '/v2') return 'ping';
  if (r.path.includes('/manifests/')) return 'manifest';
  if (r.path.includes('/blobs/uploads/')) return r.method === 'POST' && r.query.mount ? 'mount' : 'upload';
  if (r.path.includes('/blobs/')) return 'blob';
  return 'other';
}

/** "METHOD kind" of every request except the auth exchange (a ping, or a first request answered by a challenge), in order. */
export function apiCalls(requests: ProxiedRequest[]): string[] {
  return requests.filter((r) => kindOf(r) !== 'ping' && r.status !== 401).map((r) => `${r.method} ${kindOf(r)}`);
}

export function count(calls: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of calls) out[c] = (out[c] ?? 0) + 1;
  return out;
}

/** Fresh sessions, as a new `regkit` process would have, with credentials per host. */
export function sessionsFor(creds: Record<string, Credential>, transport: Transport): Sessions {
  return new Sessions({ transport, credential: async (domain) => creds[domain] });
}
