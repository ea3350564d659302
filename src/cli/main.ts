// The one place the version is written; ncc inlines it into the bundle.
import packageJson from '../../package.json' with { type: 'json' };
import { errorMessage, isUserError, stackFrames, UsageError } from '../core/errors.js';
import { showUntrusted } from '../core/untrusted-text.js';
import type { CliIO, Command } from './io.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: {
    summary: 'cross-file analysis of compose and nginx configs',
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  up: {
    summary: 'validate, then start the stack and wait until the proxy answers',
    load: async () => (await import('./commands/stack.js')).upCommand,
  },
  verify: {
    summary: 'probe every server_name × proxied location through nginx; TLS, redirects, exposure',
    load: async () => (await import('./commands/stack.js')).verifyCommand,
  },
  down: {
    summary: "collect failed services' logs, remove the run's containers, networks, volumes",
    load: async () => (await import('./commands/stack.js')).downCommand,
  },
  run: {
    summary: 'validate → up → verify → speed test → down in one command',
    load: async () => (await import('./commands/stack.js')).runCommand,
  },
  dns: {
    summary: 'RFC 6724 destination ordering (sort) and per-address reachability (check)',
    load: async () => (await import('./commands/dns.js')).dnsCommand,
  },
  speedtest: {
    summary: 'ping, jitter, download and upload against a LibreSpeed server (either layout)',
    load: async () => (await import('./commands/speedtest.js')).speedtestCommand,
  },
  aws: {
    summary: 'plan, apply, destroy or reap an AWS IPv6 environment with an OpenVPN host',
    load: async () => (await import('./commands/aws.js')).awsCommand,
  },
};

export const USAGE = `Usage: stackgate <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run 'stackgate <command> --help' for a command's options.
`;

/** Options that may also be written before the command (`stackgate --env-file F validate`). */
const LEADING_OPTIONS_WITH_VALUE = new Set(['--env-file', '-C', '--cwd']);

/** Moves leading `--env-file F` / `-C DIR` (and their `=` forms) after the command, where it parses them. */
function commandFirst(argv: string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    const flag = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (!LEADING_OPTIONS_WITH_VALUE.has(flag)) break;
    const takesNext = !arg.includes('=');
    if (takesNext && i + 1 >= argv.length) break;
    leading.push(...argv.slice(i, i + (takesNext ? 2 : 1)));
    i += takesNext ? 2 : 1;
  }
  if (leading.length === 0 || i >= argv.length) return argv;
  return [argv[i]!, ...leading, ...argv.slice(i + 1)];
}

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 findings/failure, 2 usage or input error. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = commandFirst(argv);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`stackgate ${packageJson.version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; run 'stackgate --help' for the list`);
    return await (await command.load())(rest, io);
  } catch (error) {
    if (isUserError(error)) {
      // User errors quote project data (names, paths, lines of .env): one printable line.
      io.stderr(`stackgate: ${showUntrusted(errorMessage(error))}\n`);
      return 2;
    }
    // A bug of ours: keep the stack so it can be reported; its message may quote data, the frames do not.
    io.stderr(
      `stackgate: internal error: ${showUntrusted(errorMessage(error))}\n${stackFrames(error)
        .map((f) => `${f}\n`)
        .join('')}`,
    );
    return 3;
  }
}
