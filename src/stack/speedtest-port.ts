// The speed-test phase as `run` sees it: the signature of `runSpeedtest` in src/speedtest/index.ts,
// injected so that the orchestration does not depend on the client's module.

export interface SpeedtestOptions {
  url: string;
  durationSeconds?: number;
  streams?: number;
  /** PEM text of the CA (here: the self-signed certificate) to trust. */
  ca?: string;
  insecure?: boolean;
  servername?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface SpeedtestResult {
  downloadMbps: number;
  uploadMbps: number;
  pingMs: number;
  jitterMs: number;
  rawDownloadMbps: number;
  rawUploadMbps: number;
  layout: 'php' | 'go';
  bytesDown: number;
  bytesUp: number;
  seconds: number;
}

export type SpeedtestFn = (options: SpeedtestOptions) => Promise<SpeedtestResult>;

/**
 * The client `run` uses when the caller injects none. Undefined until the LibreSpeed client is merged;
 * the lead sets it to `runSpeedtest` from '../speedtest/index.js' at merge.
 */
export const defaultSpeedtest: SpeedtestFn | undefined = undefined;
