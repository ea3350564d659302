// Failure classes of a probe through the proxy, from the socket error or the HTTP answer.

export type FailureClass =
  | 'refused'
  | 'reset'
  | 'timeout'
  | 'tls'
  | 'nginx-502'
  | 'nginx-504'
  | 'application'
  | 'redirect'
  | 'certificate';

const TLS_CODES = /^(ERR_SSL_|ERR_TLS_|EPROTO$|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/;

/** The class of a request that got no HTTP answer. */
export function classifyError(error: unknown): FailureClass {
  const e = error as { code?: string; name?: string; message?: string; cause?: unknown } | undefined;
  const code = e?.code ?? '';
  const name = e?.name ?? '';
  if (
    name === 'TimeoutError' ||
    code === 'ETIMEDOUT' ||
    code === 'ESOCKETTIMEDOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  )
    return 'timeout';
  if (name === 'AbortError' && e?.cause) return classifyError(e.cause);
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(e?.message ?? '')) return 'reset';
  if (TLS_CODES.test(code) || /SSL|TLS|handshake/i.test(e?.message ?? '')) return 'tls';
  if (name === 'AbortError') return 'timeout';
  return 'reset';
}

/** The class of an HTTP answer that is not what was expected (undefined: it is). */
export function classifyStatus(status: number, expected: number | undefined): FailureClass | undefined {
  if (expected !== undefined ? status === expected : status >= 200 && status < 400) return undefined;
  if (status === 502) return 'nginx-502';
  if (status === 504) return 'nginx-504';
  return 'application';
}

export const FAILURE_TEXT: Record<FailureClass, string> = {
  refused: 'connection refused (nothing listens on the published port)',
  reset: 'connection reset (the proxy or docker-proxy closed it without an answer)',
  timeout: 'timed out (no answer within the per-request timeout)',
  tls: 'TLS handshake failed',
  'nginx-502': 'nginx answered 502 Bad Gateway (the upstream refused, reset or is not running)',
  'nginx-504': 'nginx answered 504 Gateway Timeout (the upstream did not answer in time)',
  application: 'the application answered with an unexpected status or body',
  redirect: 'plain HTTP does not redirect to HTTPS',
  certificate: 'the served certificate is not the configured file',
};

/** The nginx error-log lines that explain a 502/504: [error]/[crit] lines about upstreams, newest last. */
export function nginxErrorLines(logs: string, max = 5): string[] {
  return logs
    .split('\n')
    .filter(
      (l) =>
        /\[(error|crit|alert|emerg)\]/.test(l) && /upstream|connect\(\)|recv\(\)|timed out|resolve/i.test(l),
    )
    .slice(-max)
    .map((l) => l.trim());
}
