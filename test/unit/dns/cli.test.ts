import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePairArgument } from '../../../src/cli/commands/dns.js';
import { runCli } from '../helpers/cli.js';

const run = (...argv: string[]) => runCli(argv);

describe('stackgate dns sort', () => {
  it('--json prints exactly {order, steps}', async () => {
    const { code, stdout } = await run(
      'dns',
      'sort',
      '--json',
      '2001:db8:1::1=fe80::1',
      '198.51.100.121=198.51.100.117',
    );
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout);
    assert.deepEqual(Object.keys(parsed), ['order', 'steps']);
    assert.deepEqual(parsed.order, ['198.51.100.121', '2001:db8:1::1']);
    assert.equal(parsed.steps[0].rule, 2);
  });
  it('prints the rule that placed each address', async () => {
    const { stdout } = await run('dns', 'sort', '10.0.0.1=none', '192.0.2.1=192.0.2.2');
    assert.match(stdout, /policy rfc6724/);
    assert.match(stdout, /2\s+10\.0\.0\.1\s+1 avoid unusable destinations/);
  });
  it('--policy rfc3484 collapses the round-robin', async () => {
    const { stdout } = await run(
      'dns',
      'sort',
      '--policy',
      'rfc3484',
      '--json',
      '198.51.100.7=203.0.113.66',
      '203.0.113.77=203.0.113.66',
    );
    assert.deepEqual(JSON.parse(stdout).order, ['203.0.113.77', '198.51.100.7']);
  });
  it('reads attributes and prefix lengths from the argument', () => {
    assert.deepEqual(parsePairArgument('fe80::1=fe80::2/64,deprecated,home'), {
      destination: 'fe80::1',
      source: 'fe80::2',
      sourcePrefixLength: 64,
      sourceAttributes: { deprecated: true, home: true },
    });
    assert.deepEqual(parsePairArgument('192.0.2.1=none'), { destination: '192.0.2.1', source: null });
  });
  it('exits 2 on usage errors with a message and no stack', async () => {
    for (const argv of [
      ['dns', 'sort'],
      ['dns', 'sort', '--policy', 'vista', '1.2.3.4=none'],
      ['dns', 'sort', 'nonsense'],
      ['dns', 'sort', 'example.com=none'],
      ['dns', 'sort', '1.2.3.4=none,sparkly'],
      ['dns', 'sort', '--bogus'],
      ['dns', 'sort', '--gai-conf', 'x', '1.2.3.4=none'],
      ['dns', 'check'],
      ['dns', 'check', 'a.test', '--port', '70000'],
      ['dns', 'check', 'a.test', '--resolver', 'not-an-ip:53'],
      ['dns', 'check', 'a.test', '--tls', 'maybe'],
      ['dns', 'check', 'a.test', '--json', '--format', 'markdown'],
      ['dns', 'frobnicate'],
    ]) {
      const { code, stderr } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, /^stackgate: /, argv.join(' '));
      assert.doesNotMatch(stderr, /\n\s+at /, argv.join(' '));
    }
  });
  it('every subcommand has --help', async () => {
    for (const argv of [
      ['dns', '--help'],
      ['dns', 'sort', '--help'],
      ['dns', 'check', '--help'],
    ]) {
      const { code, stdout } = await run(...argv);
      assert.equal(code, 0);
      assert.match(stdout, /^Usage: stackgate dns/);
    }
  });
  it('--policy glibc reads an injected gai.conf and fails on a missing one', async () => {
    const { code, stderr } = await run(
      'dns',
      'sort',
      '--policy',
      'glibc',
      '--gai-conf',
      '/nonexistent/gai.conf',
      '1.2.3.4=none',
    );
    assert.equal(code, 2);
    assert.match(stderr, /\/nonexistent\/gai\.conf/);
  });
});
