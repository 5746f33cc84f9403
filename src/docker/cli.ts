/**
 * Running the docker client: its output captured for parsing and, when asked,
 * passed to the log line by line as it comes, with workflow commands switched off
 * around it so that a build's output cannot speak to the runner.
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
}

export function runDocker(cmd: DockerCommand): Promise<DockerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.client, cmd.args, {
      cwd: cmd.cwd,
      env: { ...process.env, ...cmd.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const all: Buffer[] = [];
    const token = cmd.stream ? randomUUID() : '';
    if (cmd.stream) process.stdout.write(`::stop-commands::${token}\n`);
    const take = (into: Buffer[]) => (b: Buffer) => {
      into.push(b);
      all.push(b);
      if (cmd.stream) process.stdout.write(b);
    };
    child.stdout.on('data', take(out));
    child.stderr.on('data', take(err));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (cmd.stream) process.stdout.write(`\n::${token}::\n`);
      reject(e.code === 'ENOENT' ? new UserError(`the docker client ${cmd.client} was not found — install Docker on the runner`) : e);
    });
    child.on('close', (code) => {
      const output = Buffer.concat(all).toString('utf8');
      if (cmd.stream) process.stdout.write(`${output.endsWith('\n') || output === '' ? '' : '\n'}::${token}::\n`);
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), output });
    });
  });
}

/** The first line that says what went wrong (docker prints "Error response from daemon: …", "denied: …"). */
export function dockerReason(result: Pick<DockerResult, 'stderr' | 'stdout'>): string {
  const lines = `${result.stderr}\n${result.stdout}`.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const picked = lines.find((l) => /^(error|ERROR)\b|error response from daemon|denied|unauthorized|not found|failed to/i.test(l)) ?? lines[lines.length - 1] ?? 'no output';
  return picked.replace(/^Error response from daemon:\s*/i, '').replace(/^ERROR:\s*/, '');
}
