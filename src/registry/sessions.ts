/**
 * One RegistrySession per registry for a whole command, so that connections,
 * the learnt auth scheme and tokens are shared by every repository on it.
 *
 *   const sessions = new Sessions({ credential: dockerCredential });
 *   const session = await sessions.get('ghcr.io');
 */
import { RegistrySession, type Credential, type SessionOptions } from './auth.js';
import { bareHost, isDockerHub } from '../naming/index.js';
import { dockerCredential } from './docker-credentials.js';

export interface SessionsOptions extends SessionOptions {
  /** The credential for a domain; default: the Docker config. */
  credential?: (domain: string) => Promise<Credential | undefined>;
  /** Whether a domain is spoken to over plain http (see RegistryAddress.insecure). */
  insecure?: (domain: string) => boolean | undefined;
}

export class Sessions {
  private readonly sessions = new Map<string, Promise<RegistrySession>>();
  constructor(private readonly opts: SessionsOptions = {}) {}

  get(domain: string): Promise<RegistrySession> {
    const key = isDockerHub(domain) ? 'docker.io' : bareHost(domain);
    let session = this.sessions.get(key);
    if (!session) {
      session = (async () => {
        const credential = await (this.opts.credential ?? ((d: string) => dockerCredential(d)))(domain);
        return new RegistrySession({ domain, insecure: this.opts.insecure?.(domain) }, credential, this.opts);
      })();
      this.sessions.set(key, session);
    }
    return session;
  }
}
