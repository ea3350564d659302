// Where the backend's three endpoints are. Real deployments use two layouts: the official image's PHP
// files (`/backend/empty.php` in standalone mode, `/empty.php` in backend mode) and speedtest-go's
// extensionless paths (`/empty`, also under `/backend/`). An endpoint counts as found when `empty`
// answers 2xx with an empty body, so a catch-all page (an SPA's index.html on every path) is not
// mistaken for it.
import {
  describeNetworkError,
  exchange,
  isUnreachable,
  SpeedtestFailure,
  type Transport,
  withQuery,
} from './transport.js';

export type Layout = 'php' | 'go';

export interface Endpoints {
  layout: Layout;
  garbage: URL;
  empty: URL;
  getIP: URL;
}

export function endpointsAt(directory: URL, layout: Layout): Endpoints {
  const ext = layout === 'php' ? '.php' : '';
  return {
    layout,
    garbage: new URL(`garbage${ext}`, directory),
    empty: new URL(`empty${ext}`, directory),
    getIP: new URL(`getIP${ext}`, directory),
  };
}

/** The base as a directory URL (trailing slash), query and fragment dropped. */
export function baseDirectory(base: URL): URL {
  const out = new URL(base);
  out.search = '';
  out.hash = '';
  if (!out.pathname.endsWith('/')) out.pathname += '/';
  return out;
}

/** The candidates in probe order: under `backend/` first unless the base already is that folder. */
export function candidates(base: URL): Endpoints[] {
  const dir = baseDirectory(base);
  const backend = new URL('backend/', dir);
  if (dir.pathname.endsWith('/backend/')) return [endpointsAt(dir, 'php'), endpointsAt(dir, 'go')];
  return [
    endpointsAt(backend, 'php'),
    endpointsAt(dir, 'php'),
    endpointsAt(dir, 'go'),
    endpointsAt(backend, 'go'),
  ];
}

export async function detectLayout(
  transport: Transport,
  base: URL,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<Endpoints> {
  const tried: string[] = [];
  for (const candidate of candidates(base)) {
    const url = candidate.empty;
    let answer: Awaited<ReturnType<typeof exchange>>;
    try {
      answer = await exchange(transport, withQuery(url), options);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const why = describeNetworkError(error);
      // Nothing listens there: every other candidate is on the same host and port.
      if (isUnreachable(error)) throw new SpeedtestFailure(`cannot reach ${base.origin}: ${why}`);
      if (error instanceof SpeedtestFailure) throw error;
      throw new SpeedtestFailure(`${url.href}: ${why}`);
    }
    if (answer.status >= 200 && answer.status < 300 && answer.bodyBytes === 0) return candidate;
    tried.push(
      `${url.pathname} (${answer.status}${answer.status < 300 ? `, ${answer.bodyBytes}-byte body` : ''})`,
    );
  }
  throw new SpeedtestFailure(
    `no LibreSpeed backend at ${base.href}: tried ${tried.join(', ')}; give the URL of the folder that holds empty.php (official image) or empty (speedtest-go)`,
  );
}
