import { errorMessage, isUserError, UsageError } from '../core/errors.js';
import type { CliIO, Command } from './io.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: {
    summary: 'cross-file analysis of compose and nginx configs',
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  dns: {
    summary: 'RFC 6724 destination ordering (sort) and per-address reachability (check)',
    load: async () => (await import('./commands/dns.js')).dnsCommand,
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

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 findings/failure, 2 usage or input error. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('stackgate 0.1.0\n');
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; run 'stackgate --help' for the list`);
    return await (await command.load())(rest, io);
  } catch (error) {
    if (isUserError(error)) {
      io.stderr(`stackgate: ${errorMessage(error)}\n`);
      return 2;
    }
    // A bug of ours: keep the stack so it can be reported.
    io.stderr(
      `stackgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : errorMessage(error)}\n`,
    );
    return 3;
  }
}
