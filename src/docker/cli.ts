/**
 * Running the docker client: its output captured for parsing and, when asked,
 * passed to the log line by line as it comes, with workflow commands switched off
 * around it so that a build's output cannot speak to the runner. Secrets the
 * output may echo (BuildKit prints RUN lines with build args substituted) are
 * replaced before anything is written or kept, not left to the runner's masking.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { UserError } from '../errors.js';

export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they came. */
  output: string;
}

export interface DockerCommand {
  /** The client: `docker` or a path. */
  client: string;
  args: string[];
  /** Added to the process environment (DOCKER_CONFIG, DOCKER_BUILDKIT, secret build args). */
  env?: Record<string, string>;
  cwd?: string;
  /** Write each line to the log as it arrives. */
  stream?: boolean;
  /** Values replaced by *** in everything printed and returned. */
  redact?: string[];
}

function redactor(secrets: string[] = []): (s: string) => string {
  const values = [...new Set(secrets.flatMap((v) => v.split(/\r?\n/)).filter((v) => v.trim().length > 0))].sort((a, b) => b.length - a.length);
  return (s) => values.reduce((text, v) => text.split(v).join('***'), s);
}

export function runDocker(cmd: DockerCommand): Promise<DockerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.client, cmd.args, {
      cwd: cmd.cwd,
      env: { ...process.env, ...cmd.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const redact = redactor(cmd.redact);
    const out: string[] = [];
    const err: string[] = [];
    const all: string[] = [];
    const token = cmd.stream ? randomUUID() : '';
    if (cmd.stream) process.stdout.write(`::stop-commands::${token}\n`);
    // Whole lines only, so that a secret split between two reads is still found.
    const take = (into: string[]) => {
      let partial = '';
      const emit = (text: string) => {
        const clean = redact(text);
        into.push(clean);
        all.push(clean);
        if (cmd.stream) process.stdout.write(clean);
      };
      return {
        data: (b: Buffer) => {
          partial += b.toString('utf8');
          const end = partial.lastIndexOf('\n');
          if (end < 0) return;
          emit(partial.slice(0, end + 1));
          partial = partial.slice(end + 1);
        },
        flush: () => {
          if (partial) emit(partial);
          partial = '';
        },
      };
    };
    const o = take(out);
    const e = take(err);
    child.stdout.on('data', o.data);
    child.stderr.on('data', e.data);
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (cmd.stream) process.stdout.write(`\n::${token}::\n`);
      reject(error.code === 'ENOENT' ? new UserError(`the docker client ${cmd.client} was not found — install Docker on the runner`) : error);
    });
    child.on('close', (code) => {
      o.flush();
      e.flush();
      const output = all.join('');
      if (cmd.stream) process.stdout.write(`${output.endsWith('\n') || output === '' ? '' : '\n'}::${token}::\n`);
      resolve({ code: code ?? 1, stdout: out.join(''), stderr: err.join(''), output });
    });
  });
}

/** The first line that says what went wrong (docker prints "Error response from daemon: …", "denied: …"). */
export function dockerReason(result: Pick<DockerResult, 'stderr' | 'stdout'>): string {
  const lines = `${result.stderr}\n${result.stdout}`.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const picked = lines.find((l) => /^(error|ERROR)\b|error response from daemon|denied|unauthorized|not found|failed to/i.test(l)) ?? lines[lines.length - 1] ?? 'no output';
  return picked.replace(/^Error response from daemon:\s*/i, '').replace(/^ERROR:\s*/, '');
}
