import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { errorMessage, InputError, UsageError } from '../../core/errors.js';
import { ProjectFiles } from '../../core/project-files.js';
import { jsonForLog, showUntrusted } from '../../core/untrusted-text.js';
import { checkName, type DnsCheckOptions, type TlsMode } from '../../dns/check.js';
import { DEFAULT_GAI_CONF, loadGlibcPolicy } from '../../dns/gai-conf.js';
import { POLICY_NAMES, type PolicyName } from '../../dns/policy.js';
import { renderDnsMarkdown, renderDnsText, renderSortText } from '../../dns/render.js';
import { checkHostName, parseResolver } from '../../dns/resolve.js';
import { type DestinationPair, type SourceAttributes, sortDestinations } from '../../dns/sort.js';
import { parseArgsOrUsage } from '../args.js';
import type { CliIO, Command } from '../io.js';

const DNS_USAGE = `Usage: stackgate dns <sort|check> [options]

  sort    order destination addresses as a host with the given sources would
  check   resolve a name, probe every address, and compare DNS, system and RFC 6724 orders

Run 'stackgate dns <sort|check> --help' for options.
`;

const SORT_USAGE = `Usage: stackgate dns sort [--policy rfc6724|rfc3484|glibc] [--json] DEST=SRC ...

Sorts destinations by RFC 6724 §6 destination address selection, as a host whose source for each
destination is SRC would.

  DEST=SRC[/PREFIXLEN][,ATTR...]
      SRC is the source address, or 'none' when there is no usable source (rule 1).
      PREFIXLEN is the source's subnet prefix length (rule 9; RFC 6724 caps IPv6 at it, default 64;
      glibc applies IPv4 rule 9 only inside it).
      ATTR: deprecated (rule 3), home, careof (rule 4), tunnel (rule 7).

Options:
  --policy NAME     rfc6724 (default), rfc3484 (old table, rule 9 on IPv4: Windows Vista/7),
                    glibc (glibc's built-in tables, or those of /etc/gai.conf when present)
  --gai-conf FILE   the gai.conf for --policy glibc (default ${DEFAULT_GAI_CONF})
  --json            print {"order": [...], "steps": [...]}
  -h, --help        this help
`;

const CHECK_USAGE = `Usage: stackgate dns check NAME [options]

Resolves NAME (A and AAAA), finds this host's source for every address, computes the RFC 6724 order,
and probes every address in parallel: TCP connect, TLS with SNI, HTTP GET.

Options:
  --port N              port to probe (default 443)
  --tls auto|on|off     TLS before the request; auto = on for port 443 (default auto)
  --sni NAME            TLS server name and certificate name (default NAME)
  --path PATH           HTTP path (default /)
  --resolver IP[:PORT]  DNS server for the raw answer order; the system order (getaddrinfo)
                        cannot use it and is then reported as n/a
  --timeout MS          per-probe deadline for TCP + TLS + HTTP status line (default 5000)
  --ca FILE             extra trusted CA certificate (PEM); repeatable
  --insecure            accept any TLS certificate
  --gai-conf FILE       gai.conf for the glibc order (default ${DEFAULT_GAI_CONF})
  --format text|json|markdown   output format (default text)
  --json                same as --format json
  --allow-partial       exit 0 when at least one address passed
  -h, --help            this help

Exit codes: 0 every address passed; 1 some address failed (see --allow-partial);
2 usage error or NAME could not be resolved.
`;

function parse(argv: string[], options: ParseArgsConfig['options']) {
  return parseArgsOrUsage({ args: argv, options: options ?? {}, allowPositionals: true, strict: true });
}

const ATTRIBUTES: Record<string, keyof SourceAttributes> = {
  deprecated: 'deprecated',
  home: 'home',
  careof: 'careOf',
  'care-of': 'careOf',
  tunnel: 'encapsulated',
  encapsulated: 'encapsulated',
};

/** `DEST=SRC[/PREFIXLEN][,ATTR...]` → a destination pair. */
export function parsePairArgument(argument: string): DestinationPair {
  const eq = argument.indexOf('=');
  if (eq <= 0) throw new UsageError(`"${argument}": expected DEST=SRC (SRC may be 'none')`);
  const destination = argument.slice(0, eq);
  const [sourceSpec = '', ...attributeNames] = argument.slice(eq + 1).split(',');
  const pair: DestinationPair = { destination, source: null };
  const attributes: SourceAttributes = {};
  for (const name of attributeNames) {
    const key = ATTRIBUTES[name.toLowerCase()];
    if (!key) {
      throw new UsageError(
        `"${argument}": unknown source attribute "${name}" (deprecated, home, careof, tunnel)`,
      );
    }
    attributes[key] = true;
  }
  if (attributeNames.length > 0) pair.sourceAttributes = attributes;
  if (sourceSpec.toLowerCase() === 'none') return pair;
  const [source = '', prefix] = sourceSpec.split('/');
  pair.source = source;
  if (prefix !== undefined) {
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > 128) {
      throw new UsageError(`"${argument}": prefix length "${prefix}" is not a number from 0 to 128`);
    }
    pair.sourcePrefixLength = Number(prefix);
  }
  return pair;
}

async function sortCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    policy: { type: 'string', default: 'rfc6724' },
    'gai-conf': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(SORT_USAGE);
    return 0;
  }
  const policyName = String(values.policy);
  if (!POLICY_NAMES.includes(policyName as PolicyName)) {
    throw new UsageError(`--policy "${policyName}": expected one of ${POLICY_NAMES.join(', ')}`);
  }
  if (values['gai-conf'] !== undefined && policyName !== 'glibc') {
    throw new UsageError('--gai-conf only applies to --policy glibc');
  }
  if (positionals.length === 0) throw new UsageError('dns sort needs at least one DEST=SRC');
  const pairs = positionals.map(parsePairArgument);
  let policy: Parameters<typeof sortDestinations>[1] = policyName as PolicyName;
  if (policyName === 'glibc') {
    const gaiConf = values['gai-conf'] as string | undefined;
    const loaded = loadGlibcPolicy(
      gaiConf ? resolve(io.cwd, gaiConf) : DEFAULT_GAI_CONF,
      gaiConf !== undefined,
    );
    for (const w of loaded.warnings) io.stderr(`stackgate: warning: ${showUntrusted(w)}\n`);
    policy = loaded.policy;
  }
  let result: ReturnType<typeof sortDestinations>;
  try {
    result = sortDestinations(pairs, policy);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message);
    throw error;
  }
  if (values.json) {
    io.stdout(`${jsonForLog({ order: result.order, steps: result.steps })}\n`);
  } else {
    io.stdout(renderSortText(result));
  }
  return 0;
}

function positiveInteger(flag: string, text: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new UsageError(`${flag} "${text}": expected a whole number from 1 to ${max}`);
  }
  return Number(text);
}

async function checkCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    port: { type: 'string', default: '443' },
    tls: { type: 'string', default: 'auto' },
    sni: { type: 'string' },
    path: { type: 'string', default: '/' },
    resolver: { type: 'string' },
    timeout: { type: 'string', default: '5000' },
    ca: { type: 'string', multiple: true },
    insecure: { type: 'boolean', default: false },
    'gai-conf': { type: 'string' },
    format: { type: 'string' },
    json: { type: 'boolean', default: false },
    'allow-partial': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('dns check needs exactly one NAME');
  const name = checkHostName(positionals[0]!);
  const formatFlag = values.format as string | undefined;
  if (formatFlag !== undefined && !['text', 'json', 'markdown'].includes(formatFlag)) {
    throw new UsageError(`--format "${formatFlag}": expected text, json or markdown`);
  }
  if (values.json && formatFlag !== undefined && formatFlag !== 'json') {
    throw new UsageError(`--json conflicts with --format ${formatFlag}`);
  }
  const format = values.json ? 'json' : (formatFlag ?? 'text');
  const tls = String(values.tls);
  if (!['auto', 'on', 'off'].includes(tls)) throw new UsageError(`--tls "${tls}": expected auto, on or off`);
  const path = String(values.path);
  if (!path.startsWith('/') || /[\s]/.test(path)) {
    throw new UsageError(`--path "${path}": expected an absolute path without spaces`);
  }
  const options: DnsCheckOptions = {
    name,
    port: positiveInteger('--port', String(values.port), 65535),
    tls: tls as TlsMode,
    path,
    timeoutMs: positiveInteger('--timeout', String(values.timeout), 600_000),
  };
  if (values.sni !== undefined) options.sni = String(values.sni);
  if (values.resolver !== undefined) options.resolver = parseResolver(String(values.resolver));
  if (values.insecure) options.insecure = true;
  if (values['gai-conf'] !== undefined) options.gaiConfPath = resolve(io.cwd, String(values['gai-conf']));
  const caFiles = (values.ca as string[] | undefined) ?? [];
  options.ca = caFiles.map((file) => {
    try {
      return ProjectFiles.unconfined().readText(resolve(io.cwd, file), 'CA certificate');
    } catch (error) {
      throw new InputError(`${file}: cannot read CA certificate: ${errorMessage(error)}`);
    }
  });

  const result = await checkName(options);
  if (format === 'json') io.stdout(`${jsonForLog(result)}\n`);
  else if (format === 'markdown') io.stdout(renderDnsMarkdown(result));
  else io.stdout(renderDnsText(result));
  if (result.ok) return 0;
  return values['allow-partial'] && result.anyOk ? 0 : 1;
}

/** `stackgate dns sort|check`. */
export const dnsCommand: Command = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(DNS_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'sort') return sortCommand(rest, io);
  if (sub === 'check') return checkCommand(rest, io);
  throw new UsageError(`unknown dns subcommand "${sub}"; expected sort or check`);
};
