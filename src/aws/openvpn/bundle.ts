import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DesiredEnv } from '../desired.js';
import { clientProfile, type OpenvpnSettings, userDataScript } from './config.js';
import { createPki } from './pki.js';

export interface OpenvpnBundle {
  /** The setup script (plain text); apply gzips and base64-encodes it. */
  userData: string;
  gzip: (b: Buffer) => Buffer;
  /** Writes the client profile with these server addresses; returns its path. */
  writeClientProfile: (remotes: string[]) => Promise<string>;
}

export function clientProfilePath(outputDir: string, env: string): string {
  return path.join(outputDir, `${env}.ovpn`);
}

export function settingsFor(desired: DesiredEnv, ttlMinutes: number): OpenvpnSettings {
  return {
    env: desired.name,
    port: desired.openvpn.port,
    protocol: desired.openvpn.protocol,
    shutdownAfterMinutes: Math.max(1, Math.ceil(ttlMinutes)),
  };
}

const SECRET_BLOCK = /<(key|tls-crypt)>\n([\s\S]*?)\n<\/\1>/g;

/**
 * The secret parts of a client profile (its private key and tls-crypt key), as the runner masks them:
 * each block whole and line by line (a log shows them a line at a time), markers and comments left out.
 */
export function profileSecrets(profile: string): string[] {
  const out: string[] = [];
  for (const [, , body] of profile.matchAll(SECRET_BLOCK)) {
    out.push(body!);
    for (const line of body!.split('\n'))
      if (!/^(-----|#)/.test(line) && line.trim().length >= 8) out.push(line.trim());
  }
  return out;
}

/** A fresh PKI, the host's user data, and a writer for the matching client profile. */
export async function prepareOpenvpn(
  desired: DesiredEnv,
  outputDir: string,
  ttlMinutes = 240,
  mask: (secret: string) => void = () => {},
): Promise<OpenvpnBundle> {
  const settings = settingsFor(desired, ttlMinutes);
  const pki = await createPki(desired.name);
  // Masked as soon as they exist, before any step could print them; the server key rides in user data.
  for (const secret of profileSecrets(clientProfile(settings, pki, []))) mask(secret);
  for (const secret of profileSecrets(`<key>\n${pki.serverKey.trim()}\n</key>`)) mask(secret);
  return {
    userData: userDataScript(settings, pki),
    gzip: (b) => gzipSync(b, { level: 9 }),
    writeClientProfile: async (remotes) => {
      await mkdir(outputDir, { recursive: true, mode: 0o700 });
      const file = clientProfilePath(outputDir, desired.name);
      await writeFile(file, clientProfile(settings, pki, remotes), { mode: 0o600 });
      await chmod(file, 0o600);
      return file;
    },
  };
}
