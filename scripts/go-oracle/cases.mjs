// Writes the conformance case table (JSON) to stdout for main.go: generated
// tables (fmt verbs x flags x values, layouts x instants, builtins x arguments),
// hand-written language and error cases, and the public image-tag corpus.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import edgeCases from './cases/edge.mjs';
import errorCases from './cases/errors.mjs';
import fmtCases from './cases/fmt.mjs';
import funcCases from './cases/funcs.mjs';
import languageCases from './cases/language.mjs';
import { sample, times } from './cases/shared.mjs';
import timeCases from './cases/time.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const corpusFile = process.env.REGKIT_TAG_CORPUS ?? join(here, '../../test/fixtures/image_tag_templates.txt');

function corpusCases() {
  let lines;
  try {
    lines = readFileSync(corpusFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
  } catch {
    // Outside the regkit workspace: keep the corpus cases the committed fixture already has.
    const fixture = join(here, '../../test/unit/template/fixtures/conformance.json');
    process.stderr.write(`cases.mjs: no corpus at ${corpusFile} (set REGKIT_TAG_CORPUS); reusing the fixture's\n`);
    return JSON.parse(readFileSync(fixture, 'utf8'))
      .cases.filter((c) => c.name.startsWith('corpus/'))
      .map(({ want: _want, error: _error, timeRef, ...c }) => ({ ...c, time: timeRef }));
  }
  const data = {
    Branch: 'feature/login-page',
    CommitID: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
    Timestamp: '2023-11-14T22:13:20Z',
    CiName: 'github-actions',
    BuildID: '1234567890',
    CommitDescription: 'v1.2.3-4-g3f2a9c1',
    RepoName: 'acme/web',
    ServiceName: 'web',
    StepName: 'push',
    ProjectID: 'p1',
    CommitMessage: 'Fix login',
    Ci: 'true',
  };
  return lines.map((template, i) => ({ name: `corpus/${i + 1} ${template}`, template, data, time: 'cet' }));
}

// Shared data and instants are named (dataRef, timeRef) rather than repeated in every case.
const refer = ({ data, time, ...c }) => ({
  ...c,
  ...(data === 'sample' ? { dataRef: 'sample' } : data !== undefined ? { data } : {}),
  ...(typeof time === 'string' ? { timeRef: time } : time !== undefined ? { time } : {}),
});

const cases = [
  ...languageCases(),
  ...fmtCases(),
  ...timeCases(times),
  ...funcCases(),
  ...errorCases(),
  ...edgeCases(),
  ...corpusCases(),
];
process.stdout.write(JSON.stringify({ data: { sample }, times, cases: cases.map(refer) }));
