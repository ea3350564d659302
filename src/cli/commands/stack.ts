// `up`, `verify`, `down`, `run`: the live stack from the CLI (the core is src/stack and src/verify).
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { TLS_MODES, type TlsMode } from '../../core/tls-modes.js';
import { renderRunText, summaryReport } from '../../report/stack.js';
import { down } from '../../stack/down.js';
import { type RunReport, run } from '../../stack/run.js';
import { defaultSpeedtest, type SpeedtestFn } from '../../stack/speedtest-port.js';
import { readState } from '../../stack/state.js';
import type { UpOptions } from '../../stack/up.js';
import { viewOfRun } from '../../stack/view.js';
import { verify } from '../../verify/index.js';
import { parseArgsOrUsage } from '../args.js';
import type { CliIO, Command } from '../io.js';

type Name = 'up' | 'verify' | 'down' | 'run';

const COMMON = `  -C, --cwd DIR           the compose project directory (default: .)
  --compose FILE          compose file (repeatable; default: compose's own discovery)
  --profile NAME          enable a compose profile (repeatable)
  --env-file FILE         interpolation variables (default: .env)
  --project-name NAME     compose project name (default: <name>-<random>, unique per run)
  --timeout S             seconds for up, until every service is ready and the proxy answers (default 120)
  --json                  print the report as JSON on stdout
  -h, --help              show this help`;

const EXTRA: Record<Name, string> = {
  up: `  --no-validate           start even when validate finds errors
  --tls MODE              auto | self-signed | provided (default auto: generate a self-signed pair
                          for certificate files nginx loads that the mounts map to missing files)`,
  verify: `  --expect-status N       every proxied location must answer N (default: any 2xx/3xx)
  --expect-body TEXT      every proxied answer's body must contain TEXT
  --no-speedtest          accepted for symmetry with run; verify never runs the speed test`,
  down: '  --logs-dir DIR          where the logs of failed services go (default: .stackgate/logs)',
  run: `  --no-validate           start even when validate finds errors
  --tls MODE              auto | self-signed | provided (default auto)
  --expect-status N       every proxied location must answer N (default: any 2xx/3xx)
  --expect-body TEXT      every proxied answer's body must contain TEXT
  --no-speedtest          skip the speed test
  --speedtest-duration S  seconds per direction for the speed test
  --report FILE           also write the JSON report to FILE
  --logs-dir DIR          where the logs of failed services go (default: .stackgate/logs)`,
};

const SUMMARY: Record<Name, string> = {
  up: 'Validate, then start the stack (docker compose) and wait, on engine events, until it is ready and the proxy answers.',
  verify: 'Probe every server_name × proxied location through nginx, check TLS, redirects and exposure.',
  down: "Collect the logs of failed services, then remove the run's containers, networks and volumes.",
  run: 'validate → up → verify → speed test → down, in one command (down always runs).',
};

export function stackHelp(name: Name): string {
  return `Usage: stackgate ${name} [options]\n\n${SUMMARY[name]}\n\nOptions:\n${COMMON}\n${EXTRA[name]}\n\nExit codes: 0 success; 1 a check failed; 2 usage error or unreadable input.\n`;
}

function parse(name: Name, argv: string[], io: CliIO) {
  const { values } = parseArgsOrUsage(
    {
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        cwd: { type: 'string', short: 'C' },
        compose: { type: 'string', multiple: true, default: [] },
        profile: { type: 'string', multiple: true, default: [] },
        'env-file': { type: 'string', multiple: true, default: [] },
        'project-name': { type: 'string' },
        timeout: { type: 'string', default: '120' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        ...(name === 'up' || name === 'run'
          ? { 'no-validate': { type: 'boolean', default: false }, tls: { type: 'string', default: 'auto' } }
          : {}),
        ...(name === 'verify' || name === 'run'
          ? {
              'expect-status': { type: 'string' },
              'expect-body': { type: 'string' },
              'no-speedtest': { type: 'boolean', default: false },
            }
          : {}),
        ...(name === 'run' ? { 'speedtest-duration': { type: 'string' }, report: { type: 'string' } } : {}),
        ...(name === 'down' || name === 'run' ? { 'logs-dir': { type: 'string' } } : {}),
      },
    } as const,
    stackHelp(name),
  );
  const v = values as Record<string, string | string[] | boolean | undefined>;
  const timeout = Number(v.timeout);
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 3600)
    throw new UsageError(`--timeout must be a whole number of seconds from 1 to 3600, not "${v.timeout}"`);
  const tls = (v.tls ?? 'auto') as TlsMode;
  if (!TLS_MODES.includes(tls))
    throw new UsageError(`--tls must be one of ${TLS_MODES.join(', ')}, not "${v.tls}"`);
  let expectStatus: number | undefined;
  if (v['expect-status'] !== undefined) {
    expectStatus = Number(v['expect-status']);
    if (!Number.isInteger(expectStatus) || expectStatus < 100 || expectStatus > 599)
      throw new UsageError(
        `--expect-status must be an HTTP status from 100 to 599, not "${v['expect-status']}"`,
      );
  }
  let speedtestSeconds: number | undefined;
  if (v['speedtest-duration'] !== undefined) {
    speedtestSeconds = Number(v['speedtest-duration']);
    if (!(speedtestSeconds > 0 && speedtestSeconds <= 120))
      throw new UsageError(
        `--speedtest-duration must be seconds from 1 to 120, not "${v['speedtest-duration']}"`,
      );
  }
  const cwd = path.resolve(io.cwd, (v.cwd as string | undefined) ?? '.');
  return {
    cwd,
    files: v.compose as string[],
    profiles: v.profile as string[],
    envFiles: v['env-file'] as string[],
    projectName: v['project-name'] as string | undefined,
    timeoutSeconds: timeout,
    json: v.json === true,
    help: v.help === true,
    validate: v['no-validate'] !== true,
    tls,
    expectStatus,
    expectBody: v['expect-body'] as string | undefined,
    speedtest: v['no-speedtest'] !== true,
    speedtestSeconds,
    report: v.report as string | undefined,
    logsDir: v['logs-dir'] as string | undefined,
  };
}

/** SIGINT/SIGTERM abort the command's signal, so that its cleanup (down) runs before exit. */
function interruptible<T>(fn: (signal: AbortSignal) => Promise<T>, io: CliIO): Promise<T> {
  const controller = new AbortController();
  // process.on, not once: execa's exit hook re-raises a signal that has no other listener left, which
  // would kill us before down runs. A second signal is ignored while the cleanup runs.
  const onSignal = (sig: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    io.stderr(`stackgate: ${sig} received: stopping and cleaning up\n`);
    controller.abort(new Error(`${sig} received`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return fn(controller.signal).finally(() => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  });
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function stackCommand(name: Name, speedtest: SpeedtestFn | undefined = defaultSpeedtest): Command {
  return async (argv, io) => {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout(stackHelp(name));
      return 0;
    }
    const o = parse(name, argv, io);
    const log = (line: string) => io.stderr(`${line}\n`);
    const base = {
      cwd: o.cwd,
      files: o.files,
      profiles: o.profiles,
      envFiles: o.envFiles,
      env: io.env,
      timeoutSeconds: o.timeoutSeconds,
      log,
      ...(o.projectName !== undefined ? { projectName: o.projectName } : {}),
    };
    if (name === 'down') {
      const state = readState(o.cwd, o.projectName);
      const result = await down(state, { env: io.env, log, ...(o.logsDir ? { logsDir: o.logsDir } : {}) });
      if (o.json) io.stdout(json({ down: result }));
      return result.ok ? 0 : 1;
    }
    if (name === 'verify') {
      const state = readState(o.cwd, o.projectName);
      const view = await viewOfRun(state, io.env);
      const result = await interruptible(
        (signal) =>
          verify({
            state,
            view,
            env: io.env,
            log,
            signal,
            ...(o.expectStatus !== undefined ? { expectStatus: o.expectStatus } : {}),
            ...(o.expectBody !== undefined ? { expectBody: o.expectBody } : {}),
          }),
        io,
      );
      if (o.json) io.stdout(json({ verify: result }));
      else io.stdout(renderRunText({ ok: result.ok, verify: result } as unknown as RunReport));
      return result.ok ? 0 : 1;
    }
    const upOptions: Omit<UpOptions, 'signal'> = { ...base, validate: o.validate, tls: o.tls };
    if (name === 'up') {
      // up keeps what it started only when it succeeds; a failed up is torn down at once.
      const report = await interruptible(
        (signal) => run({ ...upOptions, signal, verify: false, keepRunning: true }),
        io,
      );
      if (o.json) io.stdout(json(report));
      else io.stdout(renderRunText(report));
      return report.ok ? 0 : 1;
    }
    const report = await interruptible(
      (signal) =>
        run({
          ...upOptions,
          signal,
          verify: true,
          ...(o.speedtest && speedtest ? { speedtest } : {}),
          ...(o.speedtestSeconds !== undefined ? { speedtestSeconds: o.speedtestSeconds } : {}),
          ...(o.expectStatus !== undefined ? { expectStatus: o.expectStatus } : {}),
          ...(o.expectBody !== undefined ? { expectBody: o.expectBody } : {}),
          ...(o.logsDir ? { logsDir: o.logsDir } : {}),
        }),
      io,
    );
    if (o.speedtest && !speedtest) report.speedtest = { skipped: 'this build has no speed-test client' };
    if (o.report) {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const file = path.resolve(io.cwd, o.report);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, json(summaryReport(report)));
    }
    if (o.json) io.stdout(json(report));
    else io.stdout(renderRunText(report));
    return report.ok ? 0 : 1;
  };
}

export const upCommand = stackCommand('up');
export const verifyCommand = stackCommand('verify');
export const downCommand = stackCommand('down');
export const runCommand = stackCommand('run');
