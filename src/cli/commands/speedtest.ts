import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorMessage, InputError, UsageError } from '../../core/errors.js';
import {
  DEFAULT_DURATION_SECONDS,
  DEFAULT_STREAMS,
  runSpeedtest,
  SpeedtestFailure,
  type SpeedtestOptions,
  type SpeedtestResult,
} from '../../speedtest/index.js';
import { parseArgsOrUsage } from '../args.js';
import type { CliIO, Command } from '../io.js';

const USAGE = `Usage: stackgate speedtest URL [options]

Measures ping, jitter, download and upload against a LibreSpeed server, the way LibreSpeed's browser
client does (ping = minimum, weighted jitter, speeds × 1.06 overhead factor; raw goodput beside it).
URL is the server's base, either layout: https://host/ or https://host/backend/ (the official image's
PHP files, or speedtest-go's /garbage, /empty, /getIP); the layout is found by probing.

Options:
  --duration S    measured seconds per direction, after the grace time (default ${DEFAULT_DURATION_SECONDS})
  --streams N     parallel download streams, 1-64 (default ${DEFAULT_STREAMS}); upload uses half as many
  --ca FILE       extra trusted CA certificate (PEM)
  --insecure      accept any TLS certificate
  --json          print {downloadMbps, uploadMbps, pingMs, jitterMs, rawDownloadMbps, rawUploadMbps,
                  layout, bytesDown, bytesUp, seconds}
  -h, --help      this help

Exit codes: 0 measured; 1 the test failed (unreachable, non-2xx answer, broken stream); 2 usage error
or unreadable input.
`;

function duration(text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0) || value > 3600) {
    throw new UsageError(`--duration "${text}": expected seconds, more than 0 and at most 3600`);
  }
  return value;
}

function streams(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 64) {
    throw new UsageError(`--streams "${text}": expected a whole number from 1 to 64`);
  }
  return Number(text);
}

export function renderSpeedtestText(url: string, r: SpeedtestResult): string {
  const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
  return [
    `speedtest ${url} (${r.layout === 'php' ? 'LibreSpeed PHP layout' : 'speedtest-go layout'})`,
    `  ping      ${r.pingMs.toFixed(2)} ms   jitter ${r.jitterMs.toFixed(2)} ms`,
    `  download  ${r.downloadMbps.toFixed(2)} Mbit/s   (goodput ${r.rawDownloadMbps.toFixed(2)}, ${gb(r.bytesDown)})`,
    `  upload    ${r.uploadMbps.toFixed(2)} Mbit/s   (goodput ${r.rawUploadMbps.toFixed(2)}, ${gb(r.bytesUp)})`,
    `  took ${r.seconds.toFixed(1)} s`,
    '',
  ].join('\n');
}

/** `stackgate speedtest URL`. */
export const speedtestCommand: Command = async (argv, io: CliIO) => {
  const { values, positionals } = parseArgsOrUsage(
    {
      args: argv,
      options: {
        duration: { type: 'string' },
        streams: { type: 'string' },
        ca: { type: 'string' },
        insecure: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    },
    USAGE,
  );
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`speedtest needs exactly one URL\n\n${USAGE}`);
  const url = positionals[0]!;
  const options: SpeedtestOptions = { url };
  if (values.duration !== undefined) options.durationSeconds = duration(values.duration);
  if (values.streams !== undefined) options.streams = streams(values.streams);
  if (values.insecure) options.insecure = true;
  if (values.ca !== undefined) {
    try {
      options.ca = readFileSync(resolve(io.cwd, values.ca), 'utf8');
    } catch (error) {
      throw new InputError(`${values.ca}: cannot read the CA certificate: ${errorMessage(error)}`);
    }
    if (!options.ca.includes('-----BEGIN CERTIFICATE-----')) {
      throw new InputError(`${values.ca}: not a PEM certificate (no "-----BEGIN CERTIFICATE-----" line)`);
    }
  }
  let result: SpeedtestResult;
  try {
    result = await runSpeedtest(options);
  } catch (error) {
    if (!(error instanceof SpeedtestFailure)) throw error;
    io.stderr(`stackgate: speedtest failed: ${error.message}\n`);
    return 1;
  }
  io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderSpeedtestText(url, result));
  return 0;
};
