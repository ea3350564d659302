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

/** A fresh PKI, the host's user data, and a writer for the matching client profile. */
export async function prepareOpenvpn(
  desired: DesiredEnv,
  outputDir: string,
  ttlMinutes = 240,
): Promise<OpenvpnBundle> {
  const settings = settingsFor(desired, ttlMinutes);
  const pki = await createPki(desired.name);
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
