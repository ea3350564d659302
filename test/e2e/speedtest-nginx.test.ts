// `stackgate speedtest` through real nginx in Docker (see speedtest-stack.ts for the stack).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runSpeedtest } from '../../src/speedtest/index.js';
import { containerOf, docker } from '../platform/docker.js';
import { type SpeedtestStack, startSpeedtestStack } from './speedtest-stack.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../src/entries/cli.js', import.meta.url));

describe('speedtest through nginx in Docker', () => {
  let running: SpeedtestStack | undefined;

  before(async () => {
    running = await startSpeedtestStack('speed-e2e');
  });

  after(async () => {
    await running?.stop();
  });

  it('only nginx publishes a port', async () => {
    assert.ok(running);
    const published = async (service: string) => {
      const id = await containerOf(running!.stack, service);
      assert.ok(id, `${service} has a container`);
      const r = await docker(['inspect', '--format', '{{json .NetworkSettings.Ports}}', id]);
      const ports = JSON.parse(r.stdout) as Record<string, { HostPort: string }[] | null>;
      return Object.values(ports).flatMap((bindings) => (bindings ?? []).map((b) => b.HostPort));
    };
    assert.equal((await published('nginx')).length, 2, 'nginx publishes 80 and 443');
    assert.deepEqual(await published('speedtest'), []);
    assert.deepEqual(await published('speedtest-go'), []);
  });

  it('the CLI measures over HTTPS with --ca and finds the PHP layout', async () => {
    const { stdout } = await run(
      process.execPath,
      [CLI, 'speedtest', running!.httpsBase, '--duration', '1', '--ca', running!.caFile, '--json'],
      { timeout: 60_000 },
    );
    const result = JSON.parse(stdout);
    assert.equal(result.layout, 'php');
    assert.ok(result.downloadMbps > 0 && result.uploadMbps > 0, stdout);
    assert.ok(result.pingMs > 0 && result.bytesDown > 0 && result.bytesUp > 0, stdout);
  });

  it('finds the speedtest-go layout behind /go/', async () => {
    const result = await runSpeedtest({
      url: `${running!.httpBase}go/`,
      durationSeconds: 1,
      streams: 2,
    });
    assert.equal(result.layout, 'go');
    assert.ok(result.rawDownloadMbps > 0 && result.rawUploadMbps > 0, JSON.stringify(result));
  });

  it('a 413 from nginx on upload fails the run with exit 1', async () => {
    const failed = await run(
      process.execPath,
      [CLI, 'speedtest', `${running!.httpBase}small/`, '--duration', '1'],
      {
        timeout: 60_000,
      },
    ).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    assert.ok(failed, 'the run failed');
    assert.equal(failed.code, 1);
    assert.match(failed.stderr ?? '', /upload: .*\/small\/backend\/empty\.php answered 413/);
  });
});
