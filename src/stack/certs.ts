// Certificates for `up`: the files nginx will load, as the project view maps them to host files; a
// self-signed pair is generated for missing ones (never over an existing file).
import { existsSync, mkdirSync } from 'node:fs';
import { chmod, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import type { TlsMode } from '../core/tls-modes.js';
import { exec } from '../exec.js';
import { type TlsPair, tlsPairs } from '../project/endpoints.js';
import type { ProjectView } from '../project/view.js';

export interface CertOutcome {
  pair: TlsPair;
  action: 'present' | 'generated' | 'not-on-host';
}

function subjectAltNames(names: string[]): string {
  const dns = new Set(['localhost']);
  for (const n of names) if (/^[A-Za-z0-9*.-]+$/.test(n) && n !== '_' && !n.startsWith('.')) dns.add(n);
  return [...[...dns].map((d) => `DNS:${d}`), 'IP:127.0.0.1', 'IP:::1'].join(',');
}

async function generate(pair: TlsPair, signal?: AbortSignal): Promise<void> {
  const certHost = pair.certHost!;
  const keyHost = pair.keyHost!;
  mkdirSync(path.dirname(certHost), { recursive: true });
  mkdirSync(path.dirname(keyHost), { recursive: true });
  // Written beside the targets, then renamed: a crash never leaves half a key where nginx reads it.
  const tmp = await mkdtemp(path.join(path.dirname(certHost), '.stackgate-cert-'));
  try {
    const cn = pair.names.find((n) => n !== '_' && /^[A-Za-z0-9.-]+$/.test(n)) ?? 'localhost';
    await exec(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '30',
        '-subj',
        `/CN=${cn}`,
        '-addext',
        `subjectAltName=${subjectAltNames(pair.names)}`,
        '-keyout',
        path.join(tmp, 'key.pem'),
        '-out',
        path.join(tmp, 'cert.pem'),
      ],
      { timeoutMs: 30_000, ...(signal ? { signal } : {}) },
    );
    // nginx's master (root in the container) reads the key before dropping privileges.
    await chmod(path.join(tmp, 'key.pem'), 0o600);
    await chmod(path.join(tmp, 'cert.pem'), 0o644);
    await rename(path.join(tmp, 'cert.pem'), certHost);
    await rename(path.join(tmp, 'key.pem'), keyHost);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Makes sure every certificate/key pair nginx loads exists on the host. `provided`: missing files are
 * an error. `self-signed`/`auto`: a pair with both files missing is generated; a pair with one of the
 * two present is an error (stackgate never overwrites or guesses a key for someone's certificate).
 */
export async function ensureCertificates(
  view: ProjectView,
  mode: TlsMode,
  signal?: AbortSignal,
): Promise<CertOutcome[]> {
  const out: CertOutcome[] = [];
  for (const pair of tlsPairs(view)) {
    if (!pair.certHost || !pair.keyHost) {
      out.push({ pair, action: 'not-on-host' });
      continue;
    }
    const hasCert = existsSync(pair.certHost);
    const hasKey = existsSync(pair.keyHost);
    if (hasCert && hasKey) {
      out.push({ pair, action: 'present' });
      continue;
    }
    const rel = (p: string) => path.relative(view.cwd, p) || p;
    if (mode === 'provided')
      throw new InputError(
        `--tls provided: ${[!hasCert && rel(pair.certHost), !hasKey && rel(pair.keyHost)].filter(Boolean).join(' and ')} missing (nginx loads ${pair.cert} and ${pair.key}); add the files or use --tls auto to generate a self-signed pair`,
      );
    if (hasCert !== hasKey)
      throw new InputError(
        `${rel(hasCert ? pair.keyHost : pair.certHost)} is missing but ${rel(hasCert ? pair.certHost : pair.keyHost)} exists; stackgate does not overwrite or pair up an existing file: add the missing one, or remove both to get a self-signed pair`,
      );
    await generate(pair, signal);
    out.push({ pair, action: 'generated' });
  }
  return out;
}
