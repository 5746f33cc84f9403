/** A registry's answer: status, headers, and the body to read once (which frees the host slot). */
import type http from 'node:http';
import { UserError } from '../errors.js';

export class Response {
  constructor(
    readonly status: number,
    readonly headers: http.IncomingHttpHeaders,
    readonly url: URL,
    readonly body: http.IncomingMessage,
  ) {}

  header(name: string): string | undefined {
    const v = this.headers[name.toLowerCase()];
    return Array.isArray(v) ? v.join(', ') : v;
  }

  /** The whole body; refuses bodies over `limit` bytes (manifests are at most 4 MiB). */
  async buffer(limit = 16 * 1024 * 1024): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) {
        this.body.destroy();
        throw new UserError(`${this.url.host} sent more than ${limit} bytes for ${this.url.pathname}`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  async text(): Promise<string> {
    return (await this.buffer()).toString('utf8');
  }

  async json<T = unknown>(): Promise<T> {
    const text = await this.text();
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new UserError(`${this.url.host} answered ${this.url.pathname} with invalid JSON (HTTP ${this.status})`);
    }
  }

  /** Reads and discards the body so the connection can be reused. */
  async drain(): Promise<void> {
    if (this.body.readableEnded || this.body.destroyed) return;
    this.body.resume();
    await new Promise<void>((resolve) => {
      this.body.once('end', resolve);
      this.body.once('close', resolve);
      this.body.once('error', () => resolve());
    });
  }
}
