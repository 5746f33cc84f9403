// Bundles every entry point into dist/<name>/index.js with @vercel/ncc.
// One bundle per action so that each action starts with only what it imports.
import ncc from '@vercel/ncc';
import { mkdirSync, rmSync, writeFileSync, chmodSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const entries = {
  cli: 'src/cli/index.ts',
  login: 'src/actions/login.ts',
  build: 'src/actions/build.ts',
  push: 'src/actions/push.ts',
  promote: 'src/actions/promote.ts',
  tag: 'src/actions/tag.ts',
};

// Every bundle is ESM: the Actions toolkit (@actions/core 3, exec 3, cache 6,
// tool-cache 4) ships only ESM, and @actions/cache breaks when bundled to CommonJS.
// A dynamic import() becomes a chunk of its own, loaded only when reached.

const only = process.argv.slice(2);
for (const [name, input] of Object.entries(entries)) {
  if (only.length && !only.includes(name)) continue;
  const out = join('dist', name);
  let bundle;
  try {
    // Types are checked once by `tsc --noEmit` (npm test); bundling only transpiles.
    bundle = await ncc(resolve(input), {
      esm: true,
      // No cache: ncc's cache has given one entry another's module format (seen in a
      // fresh clone); a full build is what CI checks dist/ against anyway.
      minify: false,
      sourceMap: false,
      quiet: true,
      transpileOnly: true,
      cache: false,
      license: 'licenses.txt',
    });
  } catch (err) {
    // ncc's own errors carry its minified source; the first lines say what is wrong.
    const text = String(err?.message ?? err)
      .split('\n')
      .filter((l) => l.length < 400)
      .slice(0, 20)
      .join('\n');
    console.error(`build of ${name} (${input}) failed:\n${text}`);
    process.exit(1);
  }
  const { code, assets } = bundle;
  // Written beside and swapped in, so a concurrent build or test never sees half a bundle.
  const tmp = join('dist', `.${name}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const main = join(tmp, 'index.js');
  writeFileSync(main, code);
  for (const [file, asset] of Object.entries(assets ?? {})) {
    const path = join(tmp, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, asset.source);
  }
  if (name === 'cli') chmodSync(main, 0o755);
  rmSync(out, { recursive: true, force: true });
  renameSync(tmp, out);
  console.log(`built ${join(out, 'index.js')}`);
}
