// A test double of the stack CLI contract (issue 7: `up|verify|down … --json`, `speedtest URL --json`), standing in for
// dist/cli/index.js in a copy of the action, so that the composite's wiring is tested on its own:
// it records each call's argv to $SG_ACT_OUT/cli-calls.jsonl and answers with the contract's JSON.
// Only node: builtins, because it runs as a lone file. SG_DOUBLE_VERIFY_FAIL=1 makes verify fail.
import { appendFileSync } from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const out = process.env.SG_ACT_OUT;
if (!out) throw new Error('SG_ACT_OUT is not set');
appendFileSync(path.join(out, 'cli-calls.jsonl'), `${JSON.stringify({ argv, cwd: process.cwd() })}\n`);

const value = (flag: string) => argv[argv.indexOf(flag) + 1];
const print = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);
// The shapes are those of the CLI as engineer "stack" writes it: up prints the run report, verify and
// down their result under their name, speedtest its flat result.
switch (argv[0]) {
  case 'up':
    print({
      ok: true,
      project: value('--project-name'),
      validate: { errors: 0, warnings: 0, notes: 0, skipped: false },
      up: { ok: true, seconds: 1.5 },
    });
    break;
  case 'verify': {
    const fail = process.env.SG_DOUBLE_VERIFY_FAIL === '1';
    const probe = {
      url: 'https://localhost:8443/speed/',
      kind: 'proxied',
      status: fail ? 502 : 200,
      ok: !fail,
    };
    print({ verify: { ok: !fail, probes: [probe] } });
    process.exitCode = fail ? 1 : 0;
    break;
  }
  case 'speedtest':
    print({ downloadMbps: 812.5, uploadMbps: 640.25, pingMs: 0.42, jitterMs: 0.07, layout: 'php' });
    break;
  case 'down':
    print({ down: { ok: true } });
    break;
  default:
    process.stderr.write(`cli double: unexpected command ${argv[0]}\n`);
    process.exitCode = 2;
}
