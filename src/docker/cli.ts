/**
 * Running the docker client (and buildx) through @actions/exec: its output captured for parsing and, when asked,
 * passed to the log line by line as it comes, with workflow commands switched off
 * around it so that a build's output cannot speak to the runner. Secrets the
 * output may echo (BuildKit prints RUN lines with build args substituted) are
 * replaced before anything is written or kept, not left to the runner's masking.
 */
import { exec } from '@actions/exec';
import { randomUUID } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { redact, UserError } from '../errors.js';

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

/** These values, and every secret the process has registered (passwords, tokens), become ***. */
function redactor(secrets: string[] = []): (s: string) => string {
  const values = [...new Set(secrets.flatMap((v) => v.split(/\r?\n/)).filter((v) => v.trim().length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  return (s) => redact(values.reduce((text, v) => text.split(v).join('***'), s));
}

/**
 * Whole lines of one output stream, decoded with a StringDecoder: a secret whose
 * characters arrive split between two reads (inside a multi-byte character too)
 * is whole again before it is looked for.
 */
class Lines {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  constructor(private readonly emit: (text: string) => void) {}

  write(chunk: Buffer): void {
    this.partial += this.decoder.write(chunk);
    const end = this.partial.lastIndexOf('\n');
    if (end < 0) return;
    this.emit(this.partial.slice(0, end + 1));
    this.partial = this.partial.slice(end + 1);
  }

  end(): void {
    this.partial += this.decoder.end();
    if (this.partial) this.emit(this.partial);
    this.partial = '';
  }
}

function isMissingTool(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException;
  return e?.code === 'ENOENT' || /Unable to locate executable file/.test(String(e?.message));
}

/** Runs the client through @actions/exec; nothing reaches the log unredacted. */
export async function runDocker(cmd: DockerCommand): Promise<DockerResult> {
  const redact = redactor(cmd.redact);
  const out: string[] = [];
  const err: string[] = [];
  const all: string[] = [];
  const into = (list: string[]) => (text: string) => {
    const clean = redact(text);
    list.push(clean);
    all.push(clean);
    if (cmd.stream) process.stdout.write(clean);
  };
  const stdout = new Lines(into(out));
  const stderr = new Lines(into(err));
  const token = cmd.stream ? randomUUID() : '';
  if (cmd.stream) process.stdout.write(`::stop-commands::${token}\n`);
  let code: number;
  try {
    code = await exec(cmd.client, cmd.args, {
      cwd: cmd.cwd,
      env: { ...process.env, ...cmd.env } as Record<string, string>,
      silent: true,
      ignoreReturnCode: true,
      listeners: { stdout: (b) => stdout.write(b), stderr: (b) => stderr.write(b) },
    });
  } catch (error) {
    if (cmd.stream) process.stdout.write(`\n::${token}::\n`);
    if (isMissingTool(error))
      throw new UserError(`the docker client ${cmd.client} was not found — install Docker on the runner`);
    throw error;
  }
  stdout.end();
  stderr.end();
  const output = all.join('');
  if (cmd.stream) process.stdout.write(`${output.endsWith('\n') || output === '' ? '' : '\n'}::${token}::\n`);
  return { code, stdout: out.join(''), stderr: err.join(''), output };
}

/** The first line that says what went wrong (docker prints "Error response from daemon: …", "denied: …"). */
export function dockerReason(result: Pick<DockerResult, 'stderr' | 'stdout'>): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const picked =
    lines.find((l) => /^(error|ERROR)\b|error response from daemon|denied|unauthorized|not found|failed to/i.test(l)) ??
    lines[lines.length - 1] ??
    'no output';
  return picked.replace(/^Error response from daemon:\s*/i, '').replace(/^ERROR:\s*/, '');
}
