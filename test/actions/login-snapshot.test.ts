// What the login action keeps for its post step: a 0600 file under RUNNER_TEMP (not the
// step's environment), gone after post; and a config.json that was a dangling link comes back as that link.
import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../harness/action.js';
import { tempDir } from '../env/processes.js';
import { basicAuth, workspace } from './login-fixture.js';

const PW = 'snap-Pw9!q';
const registries = () =>
  workspace([
    {
      name: 'r',
      provider: 'other',
      domain: 'registry.example:5000',
      credentials: { username: 'u', password: '${R_PW}' },
    },
  ]);

describe('the login snapshot', () => {
  it('a 200 KB config.json: kept in a 0600 file under RUNNER_TEMP, restored byte for byte, the file removed in post', async () => {
    const dir = tempDir('big-config');
    const auths: Record<string, { auth: string }> = {};
    for (let i = 0; i < 2500; i++)
      auths[`registry-${i}.example.com`] = { auth: basicAuth(`user${i}`, `other-pw-${i}-${'x'.repeat(20)}`) };
    const text = JSON.stringify({ auths }, null, 2) + '\n';
    expect(text.length).toBeGreaterThan(200_000);
    writeFileSync(join(dir, 'config.json'), text, { mode: 0o644 });

    const r = await runAction('login', {
      cwd: registries(),
      inputs: { verify: false },
      env: { DOCKER_CONFIG: dir, R_PW: PW },
      post: 'later',
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const kept = r.state['snapshot-file'];
    expect(kept.startsWith(r.runnerTemp)).toBe(true);
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    // Only the path is in the state: no config content, no credential.
    expect(Object.keys(r.state).sort()).toEqual(['isPost', 'logout', 'snapshot-file']);
    expect(JSON.stringify(r.state)).not.toContain('other-pw');

    const post = await r.runPost!();
    expect(post.code).toBe(0);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(text);
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o644);
    expect(existsSync(kept)).toBe(false);
  });

  it('a config.json that is a dangling link is put back as the same link', async () => {
    const dir = tempDir('link-config');
    symlinkSync('../elsewhere/config.json', join(dir, 'config.json'));
    const r = await runAction('login', {
      cwd: registries(),
      inputs: { verify: false },
      env: { DOCKER_CONFIG: dir, R_PW: PW },
    });
    expect(r.code).toBe(0);
    expect(r.post?.code).toBe(0);
    expect(r.post?.stdout).toContain(`Put ${join(dir, 'config.json')} back as it was before the login`);
    expect(lstatSync(join(dir, 'config.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'config.json'))).toBe('../elsewhere/config.json');
  });
});
