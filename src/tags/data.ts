/**
 * `regkit render --data FILE.json`: the JSON document as the dot, as Go's
 * encoding/json decodes into `any` — objects are map[string]interface{} (plain
 * objects), arrays []interface{}, every number float64 (a JS number), which is
 * what JSON.parse gives, save for the one case Go refuses: numbers beyond float64.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';

export function decodeJson(text: string, source: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text, (_key, v) => {
      if (typeof v === 'number' && !Number.isFinite(v)) {
        throw new RangeError(
          'a number does not fit a float64 (Go: cannot unmarshal number into Go value of type float64)',
        );
      }
      return v;
    });
  } catch (err) {
    throw new UserError(`${source}: not valid JSON: ${(err as Error).message}`);
  }
  return value;
}

/** Reads FILE ("-" for standard input) and decodes it. */
export function readJsonData(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      `--data ${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`,
    );
  }
  return decodeJson(text, `--data ${file}`);
}
