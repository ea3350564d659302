// The run report as text (CLI) and markdown (the action's job summary): probes, exposure, TLS, speed.
import type { RunReport } from '../stack/run.js';
import type { VerifyResult } from '../verify/index.js';

const mark = (ok: boolean | undefined) => (ok === undefined ? '-' : ok ? 'ok' : 'FAILED');

function speedOf(report: RunReport): string | undefined {
  const s = report.speedtest;
  if (!s) return undefined;
  if ('skipped' in s) return `speed test: skipped (${s.skipped})`;
  return `speed test: download ${s.downloadMbps.toFixed(1)} Mbit/s, upload ${s.uploadMbps.toFixed(1)} Mbit/s, ping ${s.pingMs.toFixed(1)} ms, jitter ${s.jitterMs.toFixed(1)} ms (${s.layout} layout)`;
}

export function renderRunText(report: RunReport): string {
  const out: string[] = [];
  if (report.project) out.push(`project ${report.project}`);
  // `verify` alone renders only its part: it has no validate/up.
  if (report.up && report.validate)
    out.push(
      `validate: ${report.validate.skipped ? 'skipped' : `${report.validate.errors} error(s), ${report.validate.warnings} warning(s), ${report.validate.notes} note(s)`}`,
      `up: ${mark(report.up.ok)} in ${report.up.seconds.toFixed(1)} s`,
    );
  const v = report.verify;
  if (v) {
    out.push(`verify: ${mark(v.ok)}`);
    for (const p of v.probes)
      out.push(
        `  ${p.ok ? 'ok    ' : 'FAILED'} ${p.url} ${p.status ?? '---'} (${p.kind}, ${p.where}, ${p.ms} ms)${p.failure ? `: [${p.failure.class}] ${p.failure.message}` : ''}`,
        ...(p.failure?.nginxLog ?? []).map((l) => `         nginx: ${l}`),
      );
    out.push(`  tls: ${mark(v.tls.ok)}${v.tls.protocol ? ` (${v.tls.protocol})` : ''}`);
    for (const c of v.tls.certificates)
      out.push(`    ${c.matches ? 'served certificate = ' : 'served certificate != '}${c.file}`);
    out.push(
      `  exposure: ${mark(v.exposure.ok)}; published: ${v.exposure.published.map((p) => `${p.service} ${p.hostIp || '*'}:${p.hostPort}->${p.containerPort}`).join(', ') || 'none'}`,
      ...v.exposure.problems.map((p) => `    ${p}`),
      ...v.exposure.checked.map((c) => `    checked: ${c}`),
    );
  }
  const speed = speedOf(report);
  if (speed) out.push(speed);
  if (report.down)
    out.push(
      `down: ${mark(report.down.ok)}${report.down.logsFile ? ` (logs: ${report.down.logsFile})` : ''}${report.down.message ? `: ${report.down.message}` : ''}`,
    );
  else if (report.state)
    out.push(
      `kept running: stop it with 'stackgate down -C ${report.state.cwd} --project-name ${report.state.project}'`,
    );
  if (report.failure) {
    out.push(`FAILED in ${report.failure.phase} [${report.failure.kind}]: ${report.failure.message}`);
    for (const d of report.failure.detail) out.push(`  ${d}`);
  } else out.push(report.ok ? 'result: ok' : 'result: FAILED');
  return `${out.join('\n')}\n`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRunMarkdown(report: RunReport): string {
  const out: string[] = [`## stackgate stack: ${report.ok ? 'passed' : 'failed'}`, ''];
  if (report.failure)
    out.push(
      `**Failed in ${report.failure.phase}** (${report.failure.kind}): ${cell(report.failure.message)}`,
      '',
    );
  out.push(`Up: ${mark(report.up.ok)} in ${report.up.seconds.toFixed(1)} s`, '');
  const v = report.verify;
  if (v) {
    out.push('### Probes', '', '| Result | URL | Status | Class | Where |', '|---|---|---|---|---|');
    for (const p of v.probes)
      out.push(
        `| ${p.ok ? '✅' : '❌'} | ${cell(p.url)} | ${p.status ?? '—'} | ${p.failure ? cell(p.failure.class) : ''} | ${cell(p.where)} |`,
      );
    out.push('', `TLS: ${mark(v.tls.ok)}${v.tls.protocol ? ` (${v.tls.protocol})` : ''}`, '');
    out.push('### Exposure', '', '| Service | Host | Container port |', '|---|---|---|');
    for (const p of v.exposure.published)
      out.push(`| ${cell(p.service)} | ${p.hostIp || '*'}:${p.hostPort} | ${p.containerPort} |`);
    for (const p of v.exposure.problems) out.push('', `❌ ${cell(p)}`);
    out.push('');
  }
  const s = report.speedtest;
  if (s && !('skipped' in s)) {
    out.push(
      '### Speed',
      '',
      '| Download | Upload | Ping | Jitter |',
      '|---|---|---|---|',
      `| ${s.downloadMbps.toFixed(1)} Mbit/s | ${s.uploadMbps.toFixed(1)} Mbit/s | ${s.pingMs.toFixed(1)} ms | ${s.jitterMs.toFixed(1)} ms |`,
      '',
      '```mermaid',
      'xychart-beta',
      '  title "Throughput through the proxy (Mbit/s)"',
      '  x-axis [download, upload]',
      // From 0: mermaid otherwise starts the axis near the smaller bar, which then looks like nothing.
      `  y-axis "Mbit/s" 0 --> ${Math.ceil(Math.max(s.downloadMbps, s.uploadMbps, 1) * 1.1)}`,
      `  bar [${s.downloadMbps.toFixed(1)}, ${s.uploadMbps.toFixed(1)}]`,
      '```',
      '',
    );
  } else if (s) out.push(`Speed test: skipped (${cell(s.skipped)})`, '');
  if (report.down)
    out.push(
      `Down: ${mark(report.down.ok)}${report.down.logsFile ? ` (logs: \`${report.down.logsFile}\`)` : ''}`,
    );
  return `${out.join('\n')}\n`;
}

/** A verify result as the CLI prints it; exposure and TLS may be absent from an older or partial run. */
type ShortVerifyInput = Pick<VerifyResult, 'ok' | 'probes'> & Partial<Pick<VerifyResult, 'exposure' | 'tls'>>;

/** verify, short: each probe's url and status, the exposure as `service ip:host->container`, TLS's protocol. */
export function shortVerify(v: ShortVerifyInput) {
  return {
    ok: v.ok,
    probes: v.probes.map((p) => ({ url: p.url, status: p.status ?? null, ok: p.ok })),
    exposure: v.exposure
      ? {
          ok: v.exposure.ok,
          published: v.exposure.published.map(
            (p) => `${p.service} ${p.hostIp || '*'}:${p.hostPort}->${p.containerPort}`,
          ),
        }
      : null,
    tls: v.tls ? { ok: v.tls.ok, protocol: v.tls.protocol ?? null } : null,
  };
}

/** The speed test, short: the four numbers, or why it did not run. */
export function shortSpeedtest(s: RunReport['speedtest']) {
  return s && !('skipped' in s)
    ? { downloadMbps: s.downloadMbps, uploadMbps: s.uploadMbps, pingMs: s.pingMs, jitterMs: s.jitterMs }
    : { skipped: s?.skipped ?? 'not run' };
}

/**
 * verify's step outputs: the first proxied URL, and the same URL on loopback for the speed test, which goes
 * to the published port (a server_name need not resolve in the runner). Empty when nothing was proxied.
 */
export function verifyOutputs(v: Pick<VerifyResult, 'probes'> | null | undefined) {
  const url = v?.probes?.find((p) => p.kind === 'proxied')?.url ?? '';
  let local = '';
  if (url) {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    local = u.href;
  }
  return { url, 'speedtest-url': local };
}

/** The speed test's step outputs, as measured; empty when it did not run. */
export function speedtestOutputs(s: RunReport['speedtest'] | null) {
  const m = s && !('skipped' in s) ? s : undefined;
  return {
    'download-mbps': m?.downloadMbps ?? '',
    'upload-mbps': m?.uploadMbps ?? '',
    'ping-ms': m?.pingMs ?? '',
    'jitter-ms': m?.jitterMs ?? '',
  };
}

/** What each CLI step of the composite printed with --json (null: the phase did not run). */
export interface CompositePhases {
  validate: { errors: number; warnings: number; notes: number } | null;
  up: { ok: boolean; seconds: number } | null;
  verify: ShortVerifyInput | null;
  speedtest: (RunReport['speedtest'] & object) | null;
  down: { ok: boolean } | null;
}

/** The short report, one key per phase, null for a phase not run: the root composite's report output. */
export function compositeReport(p: CompositePhases) {
  return {
    validate: p.validate
      ? { errors: p.validate.errors, warnings: p.validate.warnings, notes: p.validate.notes }
      : null,
    up: p.up ? { ok: p.up.ok, seconds: p.up.seconds } : null,
    verify: p.verify ? shortVerify(p.verify) : null,
    speedtest: p.speedtest ? shortSpeedtest(p.speedtest) : null,
    down: p.down ? { ok: p.down.ok } : null,
  };
}

/**
 * The short report `run --report FILE` writes (and `make demo` shows): compositeReport's shape from one run, where
 * validate and up always ran, a speed test not run says so, and a failure is added.
 * {validate, up, verify: {ok, probes: [{url, status, ok}], exposure: {ok, published}, tls: {ok, protocol}}, speedtest, down}.
 */
export function summaryReport(report: RunReport) {
  const phases = compositeReport({
    validate: report.validate,
    up: { ok: report.up.ok, seconds: Number(report.up.seconds.toFixed(2)) },
    verify: report.verify ?? null,
    speedtest: report.speedtest ?? null,
    down: { ok: report.down?.ok ?? false },
  });
  return {
    ...phases,
    speedtest: phases.speedtest ?? shortSpeedtest(undefined),
    ...(report.failure ? { failure: report.failure } : {}),
  };
}
