// `run`: validate → up → verify → speed test → down, with down always (failure, SIGINT/SIGTERM included).
import { readFileSync } from 'node:fs';
import { errorMessage, isUserError } from '../core/errors.js';
import { endpoints } from '../project/endpoints.js';
import type { ProjectView } from '../project/view.js';
import { type VerifyResult, verify } from '../verify/index.js';
import { StackError } from './compose.js';
import { type DownResult, down } from './down.js';
import type { SpeedtestFn, SpeedtestOptions, SpeedtestResult } from './speedtest-port.js';
import type { StackState } from './state.js';
import { type UpOptions, up, type ValidateCounts } from './up.js';

export interface RunOptions extends UpOptions {
  verify: boolean;
  /** Undefined: no speed test (--no-speedtest, or no client in this build). */
  speedtest?: SpeedtestFn;
  speedtestSeconds?: number;
  expectStatus?: number;
  expectBody?: string;
  logsDir?: string;
  /** Keep the stack running after success (the stack/ action's keep-running); down still runs on failure. */
  keepRunning?: boolean;
}

export type Phase = 'validate' | 'up' | 'verify' | 'speedtest' | 'down';

export interface RunReport {
  ok: boolean;
  project?: string;
  validate: ValidateCounts & { skipped: boolean };
  up: { ok: boolean; seconds: number };
  verify?: Pick<VerifyResult, 'ok' | 'probes' | 'exposure' | 'tls'> & { seconds: number };
  speedtest?: SpeedtestResult | { skipped: string };
  down?: { ok: boolean; logsFile?: string; message?: string };
  failure?: { phase: Phase; kind: string; message: string; detail: string[] };
  /** The run's state, when it is kept running (for the caller's later `down`). */
  state?: StackState;
}

/** The speed-test target: the first HTTPS proxied location (else HTTP), trusted by the configured certificate. */
export function speedtestTarget(view: ProjectView, signal?: AbortSignal): SpeedtestOptions | undefined {
  const eps = endpoints(view).filter((e) => e.kind === 'proxied' && e.publishedPort !== undefined);
  const ep = eps.find((e) => e.scheme === 'https') ?? eps[0];
  if (!ep) return undefined;
  let ca: string | undefined;
  try {
    if (ep.tls?.certHost) ca = readFileSync(ep.tls.certHost, 'utf8');
  } catch {
    ca = undefined;
  }
  return {
    url: `${ep.scheme}://127.0.0.1:${ep.publishedPort}${ep.path.endsWith('/') ? ep.path : `${ep.path}/`}`,
    headers: { Host: ep.host },
    ...(ep.scheme === 'https' ? { servername: ep.host, ...(ca ? { ca } : { insecure: true }) } : {}),
    ...(signal ? { signal } : {}),
  };
}

function failureOf(phase: Phase, error: unknown): NonNullable<RunReport['failure']> {
  if (error instanceof StackError)
    return {
      phase: error.kind === 'validate' ? 'validate' : phase,
      kind: error.kind,
      message: error.message,
      detail: error.detail,
    };
  return { phase, kind: isUserError(error) ? 'input' : 'error', message: errorMessage(error), detail: [] };
}

export async function run(opts: RunOptions): Promise<RunReport> {
  const report: RunReport = {
    ok: false,
    validate: { errors: 0, warnings: 0, notes: 0, skipped: !opts.validate },
    up: { ok: false, seconds: 0 },
  };
  let state: StackState | undefined;
  let phase: Phase = 'up';
  let userError: unknown;
  try {
    const u = await up({
      ...opts,
      onState: (s) => {
        state = s;
        opts.onState?.(s);
      },
    });
    report.project = u.state.project;
    report.validate = u.validate;
    report.up = { ok: true, seconds: u.seconds };
    if (opts.verify) {
      phase = 'verify';
      const v = await verify({
        state: u.state,
        view: u.view,
        env: opts.env,
        log: opts.log,
        ...(opts.expectStatus !== undefined ? { expectStatus: opts.expectStatus } : {}),
        ...(opts.expectBody !== undefined ? { expectBody: opts.expectBody } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      report.verify = { ok: v.ok, seconds: v.seconds, probes: v.probes, exposure: v.exposure, tls: v.tls };
      opts.log(
        `verify: ${v.ok ? 'ok' : 'FAILED'} (${v.probes.length} probe(s)) in ${v.seconds.toFixed(2)} s`,
      );
      if (!v.ok) {
        const bad = v.probes.filter((p) => !p.ok);
        throw new StackError(
          bad[0]?.failure?.class ?? (v.exposure.ok ? 'tls' : 'exposure'),
          bad.length
            ? `${bad.length} of ${v.probes.length} probe(s) failed; first: ${bad[0]!.url}: ${bad[0]!.failure?.message}`
            : v.exposure.ok
              ? 'the TLS check failed'
              : `exposure: ${v.exposure.problems.join('; ')}`,
          bad.flatMap((p) => [
            `${p.url}: ${p.failure?.message}`,
            ...(p.failure?.nginxLog ?? []).map((l) => `  nginx: ${l}`),
          ]),
        );
      }
    }
    phase = 'speedtest';
    if (opts.signal?.aborted) throw new StackError('canceled', 'interrupted; the run is being cleaned up');
    if (!opts.speedtest) {
      report.speedtest = { skipped: 'no speed test requested' };
    } else {
      const target = speedtestTarget(u.view, opts.signal);
      if (!target) report.speedtest = { skipped: 'no published proxied location to test through' };
      else {
        opts.log(`speedtest: ${target.url} (Host ${target.headers?.Host})`);
        report.speedtest = await opts.speedtest({
          ...target,
          ...(opts.speedtestSeconds !== undefined ? { durationSeconds: opts.speedtestSeconds } : {}),
        });
      }
    }
    report.ok = true;
  } catch (error) {
    if (isUserError(error) && state === undefined) userError = error;
    report.failure = failureOf(opts.signal?.aborted ? phase : phase, error);
    if (opts.signal?.aborted && report.failure.kind !== 'canceled') {
      report.failure.kind = 'canceled';
      report.failure.message = `interrupted during ${phase}; the run was cleaned up (${report.failure.message})`;
    }
    opts.log(`${report.failure.phase}: ${report.failure.message}`);
    for (const d of report.failure.detail) opts.log(`  ${d}`);
  } finally {
    const s = state as StackState | undefined;
    if (s && (!report.ok || !opts.keepRunning)) {
      const d: DownResult = await down(s, {
        env: opts.env,
        log: opts.log,
        ...(opts.logsDir ? { logsDir: opts.logsDir } : {}),
        ...(report.ok || !s.proxy ? {} : { alsoLogs: [s.proxy] }),
      });
      report.down = {
        ok: d.ok,
        ...(d.logsFile ? { logsFile: d.logsFile } : {}),
        ...(d.message ? { message: d.message } : {}),
      };
      // A failed teardown after a green run is a warning: the checks passed.
      if (!d.ok && report.ok) opts.log(`warning: ${d.message}`);
    } else if (s) {
      report.state = s;
    }
  }
  // A usage/input error before anything started stays a usage error (exit 2).
  if (userError) throw userError;
  return report;
}
