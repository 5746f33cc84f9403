/**
 * The HTTP of token exchanges (Google STS and IAM credentials, Microsoft Entra,
 * ACR, Docker Identity): tokens travel over https only (plain http to loopback,
 * where tests run their endpoints), and never across a redirect. Behind HTTPS_PROXY
 * (which Node's fetch does not read) a request goes through @actions/http-client,
 * which tunnels it as the rest of the toolkit does.
 */
import { UserError, oneLine } from '../errors.js';
import { isLoopback } from '../naming/index.js';
import { proxyFor } from '../proxy/index.js';
import { refused } from './oidc.js';
import type { CredentialContext } from './types.js';

export interface Answer {
  status: number;
  /** The parsed JSON body, or undefined when it was not JSON. */
  json: Record<string, unknown> | undefined;
  headers: Headers;
}

/** Checks where a token may be sent; `what` names the endpoint in messages ("Google STS"). */
export function exchangeUrl(url: string, what: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserError(`${what} endpoint "${url}" is not a URL — write it as https://host[/path]`);
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopback(u.host))) {
    throw new UserError(
      `${what} endpoint ${u.origin} is not https — tokens are sent over https only (plain http to localhost only)`,
    );
  }
  return u;
}

const ATTEMPTS = 3;
const TIMEOUT_MS = 30_000;

function pause(attempt: number, retryAfter: string | null | undefined): Promise<void> {
  const asked = Number(retryAfter);
  const ms = Number.isFinite(asked) && asked >= 0 ? Math.min(asked * 1000, 10_000) : 500 * 2 ** (attempt - 1);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One exchange (retried on 429, 5xx and network errors); a redirect is refused rather than followed with the token. */
export async function send(
  url: URL,
  what: string,
  init: { method?: string; headers?: Record<string, string>; form?: Record<string, string>; json?: unknown },
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  } else if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  const method = init.method ?? (body === undefined ? 'GET' : 'POST');
  let res: Response | undefined;
  const viaProxy = (await proxyFor(url)) !== undefined;
  // A busy or briefly failing service gets two more tries; a refusal (4xx) is final.
  for (let attempt = 1; ; attempt++) {
    try {
      res = viaProxy
        ? await throughProxy(url, method, headers, body)
        : await fetch(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      if (attempt < ATTEMPTS) {
        await pause(attempt, undefined);
        continue;
      }
      const cause = (err as { cause?: unknown }).cause;
      throw new UserError(
        `${what} at ${url.origin} could not be reached: ${oneLine(cause ?? err)} (after ${ATTEMPTS} attempts)`,
      );
    }
    if (attempt >= ATTEMPTS || (res.status !== 429 && res.status < 500)) break;
    await res.body?.cancel();
    await pause(attempt, res.headers.get('retry-after'));
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel();
    throw new UserError(
      `${what} at ${url.origin} answered with a redirect (${res.status}); tokens are not sent on to another address`,
    );
  }
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    const doc = JSON.parse(text);
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) json = doc as Record<string, unknown>;
  } catch {
    // not JSON: the status says enough
  }
  return { status: res.status, json, headers: res.headers };
}

/** The same request with @actions/http-client (proxy tunnel, no redirects followed), answered as fetch answers. */
async function throughProxy(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<Response> {
  const { HttpClient } = await import('@actions/http-client');
  const client = new HttpClient('regkit', [], { allowRedirects: false, socketTimeout: TIMEOUT_MS });
  try {
    const r = await client.request(method, url.href, body ?? null, headers);
    const text = await r.readBody();
    const out = new Headers();
    for (const [k, v] of Object.entries(r.message.headers))
      for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, one);
    return new Response(text, { status: r.message.statusCode ?? 0, headers: out });
  } finally {
    client.dispose();
  }
}

/** The string field `key` of a JSON answer, or undefined. */
export function field(a: Answer, key: string): string | undefined {
  const v = a.json?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** An OAuth error answer ({error, error_description}) or Google's ({error: {message, status}}) in one phrase. */
export function reasonOf(a: Answer): string {
  const err = a.json?.error;
  if (err && typeof err === 'object') {
    const { status, message } = err as { status?: unknown; message?: unknown };
    return [status, message].filter((x) => typeof x === 'string' && x).join(': ') || `HTTP ${a.status}`;
  }
  const parts = [err, a.json?.error_description ?? a.json?.message ?? a.json?.detail].filter(
    (x) => typeof x === 'string' && x,
  );
  return parts.length ? parts.join(': ') : `HTTP ${a.status}`;
}

export interface TokenTrade {
  /** The registries the token is for, as messages name them. */
  names: string;
  /** The service as a status message names it ("Google STS"). */
  service: string;
  /** Who refused, with the identity asked for ("Google STS (projects/…/providers/gh)"). */
  refuser: string;
  /** GitHub's OIDC token that was traded: its claims are named, never the token. */
  token: string;
  /** What to change on the cloud's side when the token is refused. */
  fix: string;
  /** Statuses that mean "this token is refused" (default 400, 401, 403). */
  refusals?: number[];
}

/** The access token a cloud gave for GitHub's OIDC token, masked at once; a refusal names the claims to fix. */
export function tradedToken(a: Answer, ctx: Pick<CredentialContext, 'mask'>, t: TokenTrade): string {
  const access = field(a, 'access_token');
  if (a.status === 200 && access) {
    ctx.mask(access);
    return access;
  }
  if ((t.refusals ?? [400, 401, 403]).includes(a.status))
    throw refused(t.names, t.refuser, reasonOf(a), t.token, t.fix);
  throw new UserError(`registry ${t.names}: ${t.service} answered ${a.status}: ${reasonOf(a)}`);
}
