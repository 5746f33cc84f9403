/**
 * Talking to one registry as one user: anonymous, Basic, or Bearer tokens from
 * the registry's WWW-Authenticate challenge (docs: distribution "token
 * authentication specification").
 *
 *   const s = new RegistrySession({ domain: 'ghcr.io' }, { username, password });
 *   const res = await s.request({ method: 'GET', path: '/v2/acme/app/manifests/1.0',
 *                                 scopes: [pullScope('acme/app')] });
 *   await ping({ domain: 'ghcr.io' }, credential);   // login check: throws RegistryError
 *
 * - the scheme is learnt once per session from the first request's answer (a
 *   challenge or not), so no GET /v2/ ping goes first; the login check pings;
 * - several scopes go in one token request (a mount's source pull and target
 *   pull,push), tokens are cached per (realm, service, scopes) until they expire,
 *   and fetched again when the registry answers 401 (also widening the scopes to
 *   what its challenge asks for);
 * - Authorization is only ever sent to the registry's own origin; a token request
 *   carrying a password or refresh token that is redirected to another host fails;
 * - only a 401 from the registry's own origin is a challenge: a 401 from a host a
 *   redirect led to (a CDN naming its own token realm) is an error.
 */
import { rememberCredential, rememberSecret, UserError } from '../errors.js';
import { pickChallenge, type Challenge } from './challenge.js';
import { baseUrl, type RegistryAddress } from './endpoint.js';
import { bareHost } from '../naming/index.js';
import { defaultTransport, type RequestSpec, type Response, type Transport } from './transport.js';
import { basicHeader, readToken, tokenRequest, type Token } from './token.js';

export interface Credential {
  username: string;
  password: string;
  /** Docker's `identitytoken` (an OAuth2 refresh token), used instead of the password. */
  identityToken?: string;
}

/** A failure talking to a registry; `status` is the HTTP status when there was one. */
export class RegistryError extends UserError {
  override name = 'RegistryError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The token was refused mid-upload and the body cannot be re-sent; retry the whole step. */
export class StaleTokenError extends Error {
  override name = 'StaleTokenError';
}

export const pullScope = (repo: string) => `repository:${repo}:pull`;
export const pushScope = (repo: string) => `repository:${repo}:pull,push`;

export interface SessionOptions {
  transport?: Transport;
  /** Called with every derived secret (Basic header value, token) before use, e.g. setSecret. */
  onSecret?: (value: string) => void;
}

type AuthState = { scheme: 'none' } | { scheme: 'basic' } | { scheme: 'bearer'; realm: string; service?: string };

export interface AuthedRequest extends Omit<RequestSpec, 'url' | 'insecure'> {
  /** A path on the registry (/v2/...) or an absolute URL (an upload location). */
  path: string | URL;
  scopes: string[];
}

export class RegistrySession {
  readonly base: URL;
  readonly name: string;
  readonly transport: Transport;
  private state?: Promise<AuthState>;
  private readonly tokens = new Map<string, Promise<Token>>();

  constructor(
    readonly registry: RegistryAddress,
    readonly credential?: Credential,
    private readonly opts: SessionOptions = {},
  ) {
    this.base = baseUrl(registry);
    this.name = bareHost(registry.domain);
    this.transport = opts.transport ?? defaultTransport();
    // Every form of the credential is masked before it is first used: a registry may
    // echo the password, the base64 user:pass, or the whole header back in an error.
    if (credential) {
      rememberCredential(credential.username, credential.password);
      rememberSecret(credential.identityToken);
      for (const form of [
        credential.password,
        credential.password && basicHeader(credential).slice(6),
        credential.identityToken,
      ]) {
        if (form) opts.onSecret?.(form);
      }
    }
  }

  /** An authenticated request; throws RegistryError when access is refused after a fresh token. */
  async request(req: AuthedRequest): Promise<Response> {
    const url = new URL(req.path, this.base);
    const own = url.origin === this.base.origin;
    if (own && !this.state && !isOneShot(req.body)) {
      const answered = await this.learnFrom(req, url);
      if (answered) return answered;
    }
    let scopes = req.scopes;
    const headers = { ...req.headers };
    const send = async () => {
      if (own) headers.authorization = await this.authorization(await this.discover(), scopes);
      return this.transport.request({ ...req, url, headers, insecure: this.registry.insecure });
    };
    const res = await send();
    if (res.status !== 401) return res;
    // Only the registry's own origin may change how we authenticate; a 401 from a host a
    // redirect led to (a CDN) is that host's business, and its challenge is not followed.
    if (res.url.origin !== this.base.origin) throw await this.foreign401(res);
    if (!own) return res;
    // A stale token, or a registry asking for more than we asked: learn from its challenge.
    const challenge = pickChallenge(res.header('www-authenticate'));
    await res.drain();
    const before = await this.discover();
    if (challenge) this.state = Promise.resolve(stateOf(challenge, before));
    this.forget(before, scopes);
    if (challenge?.params.scope) scopes = [...new Set([...scopes, ...challenge.params.scope.split(' ')])];
    if (typeof req.body === 'object' && !Buffer.isBuffer(req.body))
      throw new StaleTokenError(`${this.name} refused the token mid-upload`);
    if (challenge?.scheme === 'basic' && (before.scheme === 'basic' || !this.credential)) {
      throw this.credential ? this.wrongPassword(401) : this.denied(scopes);
    }
    const again = await send();
    if (again.status === 401) {
      await again.drain();
      throw this.denied(scopes);
    }
    return again;
  }

  /**
   * Sends the session's first request bare and learns the scheme from the answer:
   * a 401's challenge, else none. Requests made meanwhile wait for the lesson.
   * Returns the answer when it needs no credentials, undefined when the request
   * must be sent again with them.
   */
  private async learnFrom(req: AuthedRequest, url: URL): Promise<Response | undefined> {
    let learnt!: (s: AuthState) => void;
    let failed!: (e: unknown) => void;
    const lesson = new Promise<AuthState>((resolve, reject) => ((learnt = resolve), (failed = reject)));
    lesson.catch(() => undefined);
    this.state = lesson;
    let res: Response;
    try {
      res = await this.transport.request({
        ...req,
        url,
        headers: { ...req.headers },
        insecure: this.registry.insecure,
      });
    } catch (err) {
      this.state = undefined;
      failed(err);
      throw err;
    }
    if (res.status !== 401) {
      learnt({ scheme: 'none' });
      return res;
    }
    const header = res.header('www-authenticate');
    await res.drain();
    const challenge = pickChallenge(header);
    if (!challenge) {
      const err = new RegistryError(
        `registry ${this.name} asks for a login regkit does not know (WWW-Authenticate: ${header ?? 'none'})`,
        401,
      );
      failed(err);
      throw err;
    }
    learnt(stateOf(challenge, { scheme: 'none' }));
    if (challenge.scheme === 'basic' && !this.credential) throw this.denied(req.scopes);
    return undefined;
  }

  /** GET /v2/ once per session to learn how the registry wants to be spoken to. */
  discover(): Promise<AuthState> {
    return (this.state ??= this.probe());
  }

  /**
   * Learns the auth scheme and fetches the token for `scopes` ahead of the first
   * request, so that several registries can be made ready at the same time.
   */
  async prepare(scopes: string[]): Promise<void> {
    await this.authorization(await this.discover(), scopes);
  }

  /** Proves the credential works (the login check). */
  async verify(): Promise<AuthState['scheme']> {
    const state = await this.discover();
    if (state.scheme === 'none' || !this.credential) return state.scheme;
    const res = await this.transport.request({
      method: 'GET',
      url: new URL('/v2/', this.base),
      headers: { authorization: await this.authorization(state, []) },
      insecure: this.registry.insecure,
    });
    if (res.status === 401 && res.url.origin !== this.base.origin) throw await this.foreign401(res);
    await res.drain();
    if (res.status === 401) throw this.wrongPassword(401);
    if (res.status !== 200)
      throw new RegistryError(`registry ${this.name} answered HTTP ${res.status} to GET /v2/`, res.status);
    return state.scheme;
  }

  private async probe(): Promise<AuthState> {
    const res = await this.transport.request({
      method: 'GET',
      url: new URL('/v2/', this.base),
      insecure: this.registry.insecure,
    });
    if (res.status === 401 && res.url.origin !== this.base.origin) throw await this.foreign401(res);
    await res.drain();
    if (res.status === 200) return { scheme: 'none' };
    if (res.status === 401) {
      const challenge = pickChallenge(res.header('www-authenticate'));
      if (!challenge)
        throw new RegistryError(
          `registry ${this.name} asks for a login regkit does not know (WWW-Authenticate: ${res.header('www-authenticate') ?? 'none'})`,
          401,
        );
      return stateOf(challenge, { scheme: 'none' });
    }
    if (res.status === 404)
      throw new RegistryError(
        `${this.name} does not serve the registry API (GET /v2/ answered HTTP 404); check the domain`,
        404,
      );
    throw new RegistryError(`registry ${this.name} answered HTTP ${res.status} to GET /v2/`, res.status);
  }

  private async authorization(state: AuthState, scopes: string[]): Promise<string | undefined> {
    if (state.scheme === 'none') return undefined;
    if (state.scheme === 'basic') {
      if (!this.credential) return undefined;
      return this.secret(basicHeader(this.credential));
    }
    return `Bearer ${(await this.token(state, scopes)).value}`;
  }

  private tokenKey(state: Extract<AuthState, { scheme: 'bearer' }>, scopes: string[]): string {
    return `${state.realm} ${state.service ?? ''} ${[...new Set(scopes)].sort().join(' ')}`;
  }

  private forget(state: AuthState, scopes: string[]): void {
    if (state.scheme === 'bearer') this.tokens.delete(this.tokenKey(state, scopes));
  }

  private async token(state: Extract<AuthState, { scheme: 'bearer' }>, scopes: string[]): Promise<Token> {
    const key = this.tokenKey(state, scopes);
    const cached = this.tokens.get(key);
    if (cached) {
      const t = await cached.catch(() => undefined);
      if (t && t.expiresAt > Date.now()) return t;
      if (this.tokens.get(key) === cached) this.tokens.delete(key);
    }
    let pending = this.tokens.get(key);
    if (!pending) {
      pending = this.fetchToken(state, [...new Set(scopes)].sort());
      this.tokens.set(key, pending);
      pending.catch(() => this.tokens.get(key) === pending && this.tokens.delete(key));
    }
    return pending;
  }

  private async fetchToken(state: Extract<AuthState, { scheme: 'bearer' }>, scopes: string[]): Promise<Token> {
    let url: URL;
    try {
      url = new URL(state.realm);
    } catch {
      throw new RegistryError(`registry ${this.name} names an invalid token realm "${state.realm}"`);
    }
    const cred = this.credential;
    const spec = tokenRequest(url, state.service, scopes, cred);
    if (spec.headers?.authorization) this.secret(String(spec.headers.authorization));
    const res = await this.transport.request({
      ...spec,
      insecure: this.registry.insecure,
      onCrossOriginRedirect: 'fail',
    });
    if (res.status === 401 || (res.status === 403 && cred)) {
      await res.drain();
      throw cred
        ? this.wrongPassword(res.status)
        : new RegistryError(
            `token server ${url.host} refused anonymous access to ${this.name} (HTTP ${res.status})`,
            res.status,
          );
    }
    if (res.status !== 200) {
      await res.drain();
      throw new RegistryError(
        `token server ${url.host} for registry ${this.name} answered HTTP ${res.status}`,
        res.status,
      );
    }
    const token = await readToken(res);
    if (!token) throw new RegistryError(`token server ${url.host} for registry ${this.name} sent no token`);
    this.secret(token.value);
    return token;
  }

  private secret(value: string): string {
    rememberSecret(value);
    this.opts.onSecret?.(value);
    return value;
  }

  private async foreign401(res: Response): Promise<RegistryError> {
    await res.drain();
    return new RegistryError(
      `registry ${this.name} redirected to ${res.url.host}, which asked for a login (HTTP 401); regkit logs in only to ${this.name} and the token server its own challenge names`,
      401,
    );
  }

  private wrongPassword(status: number): RegistryError {
    const who = this.credential?.identityToken ? 'identity token' : `user "${this.credential?.username}"`;
    const what = this.credential?.identityToken ? 'expired or wrong identity token' : 'wrong username or password';
    return new RegistryError(`${what} for registry ${this.name} (${who}, HTTP ${status})`, status);
  }

  private denied(scopes: string[]): RegistryError {
    const wanted = scopes.map((s) => s.replace(/^repository:/, '')).join(', ');
    if (!this.credential)
      return new RegistryError(`registry ${this.name} requires a login for ${wanted} (HTTP 401); log in first`, 401);
    return new RegistryError(
      `registry ${this.name} refused ${wanted} to user "${this.credential.username}" (HTTP 401): wrong password, or no such access`,
      401,
    );
  }
}

/** A stream body can be sent only once: its request must not be the one that learns the scheme. */
const isOneShot = (body: AuthedRequest['body']) => typeof body === 'object' && !Buffer.isBuffer(body);

function stateOf(challenge: Challenge, previous: AuthState): AuthState {
  if (challenge.scheme === 'basic') return { scheme: 'basic' };
  const realm = challenge.params.realm;
  if (!realm) return previous;
  return { scheme: 'bearer', realm, service: challenge.params.service };
}

/**
 * The login check: GET /v2/, the token flow, and GET /v2/ with the credential.
 * Throws RegistryError (a UserError) naming the registry and the HTTP status.
 */
export async function ping(
  registry: RegistryAddress,
  credential?: Credential,
  opts: SessionOptions = {},
): Promise<AuthState['scheme']> {
  return new RegistrySession(registry, credential, opts).verify();
}
