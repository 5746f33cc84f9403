import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { migrate, migrateCodefresh, where } from '../../migrate/index.js';
import { parse, UsageError, type Command } from '../usage.js';

const usage = `usage: regkit migrate [--from codeship] [--services FILE] [--steps FILE] [--out DIR] [--name NAME]
       regkit migrate --from codefresh [--pipeline FILE] [--out DIR] [--name NAME]

Turns Codeship Pro's codeship-services.yml and codeship-steps.yml into
DIR/.github/workflows/NAME.yml (regkit's actions), DIR/.github/registries.yml and
DIR/MIGRATION.md, and prints the report: what was converted and, with file:line,
what was not and why.

Codefresh: turns a pipeline (codefresh.yml) into the same three files; a broken
pipeline writes nothing.

  --from SYSTEM    codeship (default) or codefresh
  --pipeline FILE  Codefresh pipeline (default: codefresh.yml, then codefresh.yaml)
  --services FILE  services file (default: codeship-services.yml, .yaml, .json,
                   then docker-compose.yml in the current folder)
  --steps FILE     steps file (default: codeship-steps.yml, .yaml, .json)
  --out DIR        where to write (default: the current folder)
  --name NAME      workflow file name without .yml (default: codeship or codefresh)

See docs/migrate.md.`;

export const command: Command = {
  usage,
  async run(argv) {
    const { values } = parse(
      argv,
      {
        from: { type: 'string' },
        pipeline: { type: 'string' },
        services: { type: 'string' },
        steps: { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
      },
      { min: 0, max: 0 },
    );
    const from = values.from ?? 'codeship';
    if (from !== 'codeship' && from !== 'codefresh') throw new UsageError(`--from ${from}: use codeship or codefresh`);
    if (from === 'codefresh' && (values.services || values.steps))
      throw new UsageError(
        '--services and --steps are for --from codeship; a Codefresh pipeline is one file: --pipeline FILE',
      );
    if (from === 'codeship' && values.pipeline) throw new UsageError('--pipeline is for --from codefresh');
    const name = values.name ?? from;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
      throw new UsageError(`--name ${name}: use letters, digits, ".", "_" and "-"`);
    const out = resolve(values.out ?? '.');
    if (from === 'codefresh') {
      const pipeline =
        values.pipeline ?? (['codefresh.yml', 'codefresh.yaml'].find((f) => existsSync(f)) || 'codefresh.yml');
      const result = migrateCodefresh({ cwd: process.cwd(), pipeline, name });
      if (!result.ok) {
        const first = result.report.lines.find((l) => l.level === 'error')!;
        throw new UserError(`${first.pos ? `${where(first.pos)}: ` : ''}${first.message}`);
      }
      write(out, result.files);
      process.stdout.write(result.text);
      return;
    }
    const result = migrate({ cwd: process.cwd(), services: values.services, steps: values.steps, name });
    write(out, result.files);
    process.stdout.write(result.text);
    if (!result.ok) {
      const first = result.report.lines.find((l) => l.level === 'error');
      const at = first?.pos ? `${where(first.pos)}: ` : '';
      throw new UserError(
        `${at}${first?.message ?? 'the Codeship files could not be read'} (report in ${join(values.out ?? '.', 'MIGRATION.md')})`,
      );
    }
  },
};

function write(out: string, files: Map<string, string>): void {
  for (const [path, content] of files) {
    const full = join(out, path);
    mkdirSync(dirname(full), { recursive: true });
    // Written beside and renamed, so a reader never sees half a file.
    const tmp = `${full}.${process.pid}.tmp`;
    writeFileSync(tmp, content);
    renameSync(tmp, full);
  }
}
