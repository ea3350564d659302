import { errorMessage, InputError } from '../core/errors.js';
import { FileRefused, ProjectFiles } from '../core/project-files.js';
import { parseIp } from './ip.js';
import {
  byLongestPrefix,
  glibcBuiltinPolicy,
  type Ipv4ScopeEntry,
  type PrefixEntry,
  type SelectionPolicy,
} from './policy.js';

export const DEFAULT_GAI_CONF = '/etc/gai.conf';

export interface GaiConf {
  labels: PrefixEntry[];
  precedence: PrefixEntry[];
  scopev4: Ipv4ScopeEntry[];
  /** Lines glibc would skip silently; we say so, with the line number. */
  warnings: string[];
}

const INT_MAX = 2 ** 31 - 1;

function parseValue(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value <= INT_MAX ? value : null;
}

/** `prefix[/bits]` for label and precedence: glibc only accepts IPv6 text here. */
function parseIpv6Prefix(text: string): { prefix: string; bits: number } | null {
  const [address = '', bitsText] = text.split('/', 2);
  const ip = parseIp(address);
  if (ip?.family !== 6 || address.includes('%')) return null;
  const bits = bitsText === undefined ? 128 : parseValue(bitsText);
  if (bits === null || bits > 128) return null;
  return { prefix: ip.text, bits };
}

/** `scopev4` takes an IPv4 prefix (bits ≤ 32) or a v4-mapped IPv6 one (bits 96..128). */
function parseScopePrefix(text: string): { prefix: string; bits: number } | null {
  const [address = '', bitsText] = text.split('/', 2);
  const ip = parseIp(address);
  if (!ip) return null;
  const mapped = ip.bytes.slice(0, 12).every((b, i) => (i < 10 ? b === 0 : b === 0xff));
  if (ip.family === 6 && !mapped) return null;
  const bitsValue = bitsText === undefined ? (ip.family === 4 ? 32 : 128) : parseValue(bitsText);
  if (bitsValue === null) return null;
  const bits = ip.family === 4 ? bitsValue : bitsValue - 96;
  if (bits < 0 || bits > 32) return null;
  return { prefix: [...ip.bytes.slice(12)].join('.'), bits };
}

/** Parses gai.conf text the way glibc's gaiconf_init does. `file` only names the source in warnings. */
export function parseGaiConf(text: string, file = DEFAULT_GAI_CONF): GaiConf {
  const conf: GaiConf = { labels: [], precedence: [], scopev4: [], warnings: [] };
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const [command = '', value1, value2] = line.split(/\s+/);
    const where = `${file}:${index + 1}`;
    if (command === 'label' || command === 'precedence') {
      const prefix = value1 === undefined ? null : parseIpv6Prefix(value1);
      const value = parseValue(value2);
      if (!prefix || value === null) {
        conf.warnings.push(
          `${where}: ignored "${line}": expected "${command} <ipv6-prefix>[/bits] <number>"`,
        );
        return;
      }
      (command === 'label' ? conf.labels : conf.precedence).push({ ...prefix, value });
    } else if (command === 'scopev4') {
      const prefix = value1 === undefined ? null : parseScopePrefix(value1);
      const scope = parseValue(value2);
      if (!prefix || scope === null) {
        conf.warnings.push(`${where}: ignored "${line}": expected "scopev4 <ipv4-prefix>[/bits] <number>"`);
        return;
      }
      conf.scopev4.push({ ...prefix, scope });
    } else if (command !== 'reload') {
      conf.warnings.push(`${where}: ignored unknown keyword "${command}"`);
    }
  });
  return conf;
}

/**
 * glibc's policy after gai.conf: any label (precedence, scopev4) line replaces that whole built-in
 * table, and glibc appends ::/0 (label 1, precedence 40; scope 14 for 0.0.0.0/0) unless a line
 * already covers everything.
 */
export function glibcPolicyFromConf(conf: GaiConf, origin: string): SelectionPolicy {
  const policy = glibcBuiltinPolicy();
  const withDefault = (entries: PrefixEntry[], value: number): PrefixEntry[] =>
    byLongestPrefix(
      entries.some((e) => e.bits === 0) ? entries : [...entries, { prefix: '::', bits: 0, value }],
    );
  if (conf.labels.length > 0) policy.labels = withDefault(conf.labels, 1);
  if (conf.precedence.length > 0) policy.precedence = withDefault(conf.precedence, 40);
  if (conf.scopev4.length > 0) {
    const scopes = conf.scopev4.some((e) => e.bits === 0)
      ? conf.scopev4
      : [...conf.scopev4, { prefix: '0.0.0.0', bits: 0, scope: 0xe }];
    policy.ipv4Scopes = byLongestPrefix(scopes);
  }
  const replaced = conf.labels.length + conf.precedence.length + conf.scopev4.length > 0;
  policy.origin = replaced ? origin : `glibc built-in (${origin} sets no table)`;
  return policy;
}

export interface GlibcPolicyResult {
  policy: SelectionPolicy;
  warnings: string[];
}

/**
 * glibc's effective policy on this machine: the built-in tables, or those of `path` when it exists.
 * A missing file means the built-in tables (as in glibc) unless the caller named it explicitly
 * (mustExist); an unreadable one is an InputError.
 */
export function loadGlibcPolicy(path: string = DEFAULT_GAI_CONF, mustExist = false): GlibcPolicyResult {
  let text: string;
  try {
    // gai.conf is a system file, not project input: bounded (never a FIFO or device), not root-confined.
    text = ProjectFiles.unconfined().readText(path, 'gai.conf');
  } catch (error) {
    if (error instanceof FileRefused && error.reason === 'missing' && !mustExist) {
      const policy = glibcBuiltinPolicy();
      policy.origin = `glibc built-in (no ${path})`;
      return { policy, warnings: [] };
    }
    throw new InputError(`${path}: cannot read gai.conf: ${errorMessage(error)}`);
  }
  const conf = parseGaiConf(text, path);
  return { policy: glibcPolicyFromConf(conf, path), warnings: conf.warnings };
}
