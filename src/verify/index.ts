// `verify`: probes through nginx for every server_name × proxied location the project view knows, the
// TLS checks, the HTTP→HTTPS redirects and the exposure audit, each failure classified.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { errorMessage } from '../core/errors.js';
import { type Endpoint, endpoints } from '../project/endpoints.js';
import type { ProjectView } from '../project/view.js';
import { compose } from '../stack/compose.js';
import { type StackState, targetOf } from '../stack/state.js';
import { classifyStatus, FAILURE_TEXT, type FailureClass, nginxErrorLines } from './classify.js';
import { auditExposure, type ExposureResult } from './exposure.js';
import { probeOnce } from './probe.js';

export interface VerifyOptions {
  state: StackState;
  view: ProjectView;
  env: NodeJS.ProcessEnv;
  expectStatus?: number;
  /** A substring every proxied answer's body must contain. */
  expectBody?: string;
  /** Per request (default 10 s). */
  requestTimeoutMs?: number;
  signal?: AbortSignal;
  log: (line: string) => void;
}

export interface ProbeResult {
  url: string;
  host: string;
  kind: Endpoint['kind'];
  where: string;
  status?: number;
  ok: boolean;
  ms: number;
  protocol?: string;
  failure?: { class: FailureClass; message: string; nginxLog?: string[] };
}

export interface TlsResult {
  ok: boolean;
  protocol?: string;
  /** Per certificate: the configured file and whether the served one matches it. */
  certificates: { file: string; matches: boolean; served?: string; configured?: string }[];
}

export interface VerifyResult {
  ok: boolean;
  seconds: number;
  probes: ProbeResult[];
  exposure: ExposureResult;
  tls: TlsResult;
}

function fingerprintOf(file: string): string | undefined {
  try {
    return new X509Certificate(readFileSync(file)).fingerprint256;
  } catch {
    return undefined;
  }
}

export async function verify(opts: VerifyOptions): Promise<VerifyResult> {
  const started = performance.now();
  const timeoutMs = opts.requestTimeoutMs ?? 10_000;
  const t = targetOf(opts.state, opts.env);
  const eps = endpoints(opts.view);
  const probes: ProbeResult[] = [];
  const tls: TlsResult = { ok: true, certificates: [] };
  if (eps.length === 0)
    opts.log('verify: the nginx config has no proxied location on a listen port: nothing to probe');
  // The audit asks the engine, the probes ask nginx: neither waits for the other.
  const exposureAudit = auditExposure(t, opts.state.proxy);
  exposureAudit.catch(() => {});

  await Promise.all(
    eps.map(async (ep) => {
      const port = ep.publishedPort;
      const url = `${ep.scheme}://${ep.host}${port && port !== (ep.scheme === 'https' ? 443 : 80) ? `:${port}` : ''}${ep.path}`;
      if (port === undefined) {
        probes.push({
          url,
          host: ep.host,
          kind: ep.kind,
          where: ep.where,
          ok: false,
          ms: 0,
          failure: {
            class: 'refused',
            message: `listen ${ep.listenPort} (${ep.where}) is not published by the proxy service, so the host cannot reach it`,
          },
        });
        return;
      }
      const answer = await probeOnce({
        scheme: ep.scheme,
        address: '127.0.0.1',
        port,
        host: ep.host,
        path: ep.path,
        timeoutMs,
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      const result: ProbeResult = {
        url,
        host: ep.host,
        kind: ep.kind,
        where: ep.where,
        ...(answer.status !== undefined ? { status: answer.status } : {}),
        ok: false,
        ms: Math.round(answer.ms),
        ...(answer.protocol ? { protocol: answer.protocol } : {}),
      };
      if (answer.error) {
        result.failure = {
          class: answer.error.class,
          message: `${FAILURE_TEXT[answer.error.class]}: ${answer.error.message}`,
        };
      } else if (ep.kind === 'redirect') {
        const good =
          answer.status !== undefined &&
          /^30[1278]$/.test(String(answer.status)) &&
          answer.location?.startsWith('https://');
        if (!good)
          result.failure = {
            class: 'redirect',
            message: `${FAILURE_TEXT.redirect}: got ${answer.status}${answer.location ? ` → ${answer.location}` : ''} (the config redirects at ${ep.where})`,
          };
      } else {
        const cls = classifyStatus(answer.status!, opts.expectStatus);
        if (cls) {
          result.failure = {
            class: cls,
            message: `${FAILURE_TEXT[cls]}: got ${answer.status}${opts.expectStatus !== undefined ? `, expected ${opts.expectStatus}` : ', expected 2xx/3xx'}`,
          };
        } else if (opts.expectBody !== undefined && !(answer.body ?? '').includes(opts.expectBody)) {
          result.failure = {
            class: 'application',
            message: `the body does not contain ${JSON.stringify(opts.expectBody)} (first bytes: ${JSON.stringify((answer.body ?? '').slice(0, 80))})`,
          };
        }
      }
      if (ep.scheme === 'https' && !answer.error && ep.tls?.certHost) {
        const configured = existsSync(ep.tls.certHost) ? fingerprintOf(ep.tls.certHost) : undefined;
        const matches = configured !== undefined && configured === answer.fingerprint256;
        if (!tls.certificates.some((c) => c.file === ep.tls!.certHost && c.served === answer.fingerprint256))
          tls.certificates.push({
            file: ep.tls.certHost,
            matches,
            ...(answer.fingerprint256 ? { served: answer.fingerprint256 } : {}),
            ...(configured ? { configured } : {}),
          });
        if (!matches && !result.failure)
          result.failure = {
            class: 'certificate',
            message: `${FAILURE_TEXT.certificate}: served ${answer.fingerprint256 ?? 'none'}, ${ep.tls.certHost} is ${configured ?? 'unreadable'}`,
          };
      }
      if (answer.protocol) tls.protocol ??= answer.protocol;
      result.ok = result.failure === undefined;
      probes.push(result);
    }),
  );

  // 502/504 get the nginx error-log lines that say why.
  const gateway = probes.filter((p) => p.failure?.class === 'nginx-502' || p.failure?.class === 'nginx-504');
  if (gateway.length > 0 && opts.state.proxy) {
    try {
      const logs = await compose(t, ['logs', '--no-color', '--tail', '500', opts.state.proxy], {
        timeoutMs: 30_000,
      });
      const lines = nginxErrorLines(`${logs.stdout}\n${logs.stderr}`);
      for (const p of gateway) if (p.failure) p.failure.nginxLog = lines;
    } catch (error) {
      opts.log(`verify: could not read the nginx log: ${errorMessage(error)}`);
    }
  }

  tls.ok =
    tls.certificates.every((c) => c.matches) &&
    (tls.protocol === undefined || tls.protocol === 'TLSv1.2' || tls.protocol === 'TLSv1.3') &&
    !probes.some((p) => p.failure?.class === 'tls');
  const exposure = await exposureAudit;
  probes.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const ok = probes.length > 0 && probes.every((p) => p.ok) && exposure.ok && tls.ok;
  return { ok, seconds: (performance.now() - started) / 1000, probes, exposure, tls };
}
