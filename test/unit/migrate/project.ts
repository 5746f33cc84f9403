// A small Codeship project written to a temporary folder and migrated; the workflow must pass GitHub's parser.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, expect } from 'vitest';
import { migrate } from '../../../src/migrate/index.js';
import { parseRegistriesFile } from '../../../src/registries-file/index.js';
import { workflowErrors } from '../../harness/github-parser.js';
import { tempDir } from '../../env/processes.js';

const root = tempDir('migrate');
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
export const oneLine = (run: string) => run.replace(/ \\\n\s*/g, ' ');

export type GhStep = {
  name?: string;
  id?: string;
  if?: unknown;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
};
export type Wf = { jobs: Record<string, { needs?: string | string[]; environment?: string; steps: GhStep[] }> };

export async function project(files: Record<string, string>, services?: string) {
  const dir = join(root, `p${n++}`);
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    (await import('node:fs')).mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  const r = migrate({ cwd: dir, name: 'ci', owner: 'acme', services });
  const text = r.files.get('.github/workflows/ci.yml');
  if (text) expect(await workflowErrors('ci.yml', text)).toEqual([]);
  const reg = r.files.get('.github/registries.yml');
  const integrations = reg ? parseRegistriesFile(reg, '.github/registries.yml') : undefined;
  return {
    r,
    wf: text ? (parse(text) as Wf) : undefined,
    integrations,
    steps: text ? Object.values((parse(text) as Wf).jobs).flatMap((j) => j.steps) : [],
  };
}
