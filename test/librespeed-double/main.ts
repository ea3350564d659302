// The test double as a process (the image's command): listens on $WEBPORT (default 8080, where the
// official LibreSpeed image listens from 5.5.0) on all interfaces; $LAYOUTS=php,go picks the layouts.
import { type DoubleLayout, startDouble } from './server.js';

const port = Number.parseInt(process.env.WEBPORT ?? '8080', 10);
const layouts = (process.env.LAYOUTS ?? 'php,go').split(',').map((l) => l.trim()) as DoubleLayout[];
// '::' takes IPv4 too; a container with IPv6 switched off may refuse it, so fall back to IPv4 alone.
const running = await startDouble({ port, host: process.env.HOST ?? '::', layouts }).catch((error) => {
  if (process.env.HOST) throw error;
  return startDouble({ port, host: '0.0.0.0', layouts });
});
process.stdout.write(`librespeed-double (test double) listening on ${running.url} (${layouts.join(', ')})\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    running.close().then(() => process.exit(0));
  });
}
