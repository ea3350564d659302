// A child process that runs a real apply and SIGKILLs itself right after the named step, as a cancelled
// or crashed job would die: no cleanup, no finally blocks.
import { runAws } from '../../src/aws/run.js';
import { AMI_PARAMETER, REGION } from './aws-moto.js';

const [endpoint, name, outputDir, killAt] = process.argv.slice(2);
if (!endpoint || !name || !outputDir || !killAt)
  throw new Error('usage: aws-kill-runner ENDPOINT NAME DIR STEP');
await runAws('apply', {
  env: {
    name,
    region: REGION,
    endpoint,
    amiParameter: AMI_PARAMETER,
    instanceType: 't3.micro',
    sshCidrs: [],
    vpnCidrs: [],
    openvpnPort: 1194,
    openvpnProtocol: 'udp',
    ipv6Egress: 'egress-only',
    ttlHours: 1,
  },
  outputDir,
  log: (l) => process.stderr.write(`${l}\n`),
  mask: () => {},
  onStep: (step) => {
    process.stderr.write(`step ${step}\n`);
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
process.stderr.write('apply finished without reaching the kill point\n');
process.exitCode = 3;
