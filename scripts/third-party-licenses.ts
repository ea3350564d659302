// Writes dist/<entry>/licenses.txt: the licence of every npm package that ncc bundled into that entry.
// ncc's own --license misses packages whose modules webpack concatenates into the entry's code (the aws
// bundle came out without @actions/core, @actions/http-client, undici, …), so the list is taken from the
// build's webpack stats instead: every module, concatenated ones included, names the file it came from.
//   node lib/scripts/third-party-licenses.js STATS.json OUT/licenses.txt
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface StatsModule {
  identifier?: string;
  name?: string;
  modules?: StatsModule[];
}

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** The package's own licence file, or a line saying that it ships none. */
  text: string;
}

/** The source file of a webpack module identifier: after the last loader "!", without a "|hash". */
function resourceOf(identifier: string): string {
  return identifier.slice(identifier.lastIndexOf('!') + 1).replace(/\|.*$/, '');
}

/** The folder of the innermost package that holds `file`, or undefined for the project's own code. */
export function packageDirOf(file: string): string | undefined {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = file.slice(at + marker.length).split(path.sep);
  const depth = rest[0]?.startsWith('@') ? 2 : 1;
  if (rest.length <= depth) return undefined;
  return file.slice(0, at + marker.length) + rest.slice(0, depth).join(path.sep);
}

export function bundledPackageDirs(stats: { modules?: StatsModule[] }): string[] {
  const dirs = new Set<string>();
  const pending = [...(stats.modules ?? [])];
  for (let m = pending.pop(); m; m = pending.pop()) {
    if (m.modules) pending.push(...m.modules);
    const dir = m.identifier ? packageDirOf(resourceOf(m.identifier)) : undefined;
    if (dir) dirs.add(dir);
  }
  return [...dirs];
}

const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;

export function readPackage(dir: string): BundledPackage {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    name?: string;
    version?: string;
    license?: string | { type?: string };
  };
  const license =
    typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'UNKNOWN');
  const file = readdirSync(dir)
    .filter((f) => LICENCE_FILE.test(f))
    .sort()[0];
  const text = file
    ? readFileSync(path.join(dir, file), 'utf8').trimEnd()
    : `(The package ships no licence file; its package.json says: ${license}.)`;
  return { name: manifest.name ?? path.basename(dir), version: manifest.version ?? '', license, text };
}

export function renderLicenses(packages: readonly BundledPackage[]): string {
  const seen = new Set<string>();
  const unique = [...packages]
    .sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1))
    .filter((p) => {
      const key = `${p.name}@${p.version}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return unique.map((p) => `${p.name}@${p.version}\n${p.license}\n${p.text}\n`).join('\n');
}

if (import.meta.main) {
  const [statsFile, out] = process.argv.slice(2);
  if (!statsFile || !out) {
    console.error('usage: third-party-licenses STATS.json OUT/licenses.txt');
    process.exit(2);
  }
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { modules?: StatsModule[] };
  // A package bundled only through ncc's own loaders is not part of the output.
  const dirs = bundledPackageDirs(stats).filter((d) => !d.endsWith(`${path.sep}@vercel${path.sep}ncc`));
  writeFileSync(out, renderLicenses(dirs.map(readPackage)));
}
