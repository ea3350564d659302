import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exec } from '../../exec.js';

/** The PEM texts of a fresh OpenVPN PKI. Private keys never leave memory except into user data / profile. */
export interface Pki {
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** OpenVPN's static-key format: 256 random bytes as 16 hex lines (for tls-crypt). */
  tlsCryptKey: string;
}

/** openssl in the PKI's scratch directory; keys go to files there, never to the (kept) output. */
async function openssl(args: string[], cwd: string): Promise<void> {
  await exec('openssl', args, { cwd, timeoutMs: 60_000 });
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** EC P-256 CA, a serverAuth and a clientAuth certificate, and a tls-crypt key (REFERENCE §8.5). */
export async function createPki(env: string, days = 30): Promise<Pki> {
  const dir = await mkdtemp(path.join(tmpdir(), 'stackgate-pki-'));
  try {
    await openssl(
      [
        'req',
        '-x509',
        ...EC,
        '-keyout',
        'ca.key',
        '-out',
        'ca.crt',
        '-days',
        String(days),
        '-subj',
        `/CN=stackgate ${env} CA`,
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ],
      dir,
    );
    for (const [who, eku] of [
      ['server', 'serverAuth'],
      ['client', 'clientAuth'],
    ] as const) {
      await writeFile(
        path.join(dir, `${who}.ext`),
        `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=${eku}\n` +
          'subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
      );
      await openssl(
        ['req', '-new', ...EC, '-keyout', `${who}.key`, '-out', `${who}.csr`, '-subj', `/CN=${who}`],
        dir,
      );
      await openssl(
        [
          'x509',
          '-req',
          '-in',
          `${who}.csr`,
          '-CA',
          'ca.crt',
          '-CAkey',
          'ca.key',
          '-CAcreateserial',
          '-out',
          `${who}.crt`,
          '-days',
          String(days),
          '-sha256',
          '-extfile',
          `${who}.ext`,
        ],
        dir,
      );
    }
    const read = (f: string) => readFile(path.join(dir, f), 'utf8');
    const hex = randomBytes(256).toString('hex');
    const lines = hex.match(/.{32}/g)!.join('\n');
    return {
      caCert: await read('ca.crt'),
      serverCert: await read('server.crt'),
      serverKey: await read('server.key'),
      clientCert: await read('client.crt'),
      clientKey: await read('client.key'),
      tlsCryptKey: `-----BEGIN OpenVPN Static key V1-----\n${lines}\n-----END OpenVPN Static key V1-----\n`,
    };
  } finally {
    // The CA key is not kept: a new environment gets a new PKI.
    await rm(dir, { recursive: true, force: true });
  }
}
