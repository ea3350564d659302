// moto_server started on a free loopback port for one test file, a fault-injecting proxy in front of it,
// and the few seeding calls the tests need (an SSM AMI parameter, untagged and foreign resources).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createServer } from 'node:net';
import { CreateVpcCommand, DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

export const REGION = 'us-east-1';
export const AMI_PARAMETER = '/stackgate/test/ami';
export const MOTO = process.env.MOTO_SERVER ?? '/root/.pyenv/shims/moto_server';
/** moto wants some credentials; they are not secrets. */
export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export interface Moto {
  endpoint: string;
  stop: () => Promise<void>;
}

/** Starts moto_server and resolves once it says it is listening (its own log line: no polling). */
export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const child: ChildProcess = spawn(MOTO, ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const onData = (b: Buffer) => {
      seen += b.toString();
      if (seen.includes(`127.0.0.1:${port}`)) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`moto_server exited (${code}) before listening: ${seen}`)));
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function ec2For(endpoint: string): EC2Client {
  return new EC2Client({ region: REGION, endpoint, credentials: TEST_CREDENTIALS });
}

/** What a user with a golden AMI does: put its id into an SSM parameter (moto has no Debian one). */
export async function seedAmiParameter(endpoint: string, name = AMI_PARAMETER): Promise<string> {
  const ec2 = ec2For(endpoint);
  const images = (await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images ?? [];
  const id = images.find((i) => i.RootDeviceName && i.ImageId)?.ImageId;
  if (!id) throw new Error('moto lists no images to seed the AMI parameter with');
  const ssm = new SSMClient({ region: REGION, endpoint, credentials: TEST_CREDENTIALS });
  await ssm.send(
    new PutParameterCommand({
      Name: name,
      Value: id,
      Type: 'String',
      DataType: 'aws:ec2:image',
      Overwrite: true,
    }),
  );
  ssm.destroy();
  ec2.destroy();
  return id;
}

/** A VPC stackgate must never touch: untagged, or tagged for another environment. */
export async function createBystanderVpc(
  endpoint: string,
  tags: { Key: string; Value: string }[],
): Promise<string> {
  const ec2 = ec2For(endpoint);
  const r = await ec2.send(
    new CreateVpcCommand({
      CidrBlock: '10.99.0.0/16',
      ...(tags.length ? { TagSpecifications: [{ ResourceType: 'vpc', Tags: tags }] } : {}),
    }),
  );
  ec2.destroy();
  return r.Vpc!.VpcId!;
}

export interface FaultOptions {
  latencyMs?: number;
  /** Share of requests answered 503 RequestLimitExceeded, as EC2 throttles (REFERENCE §8.4). */
  throttleRate?: number;
  /** Share of requests whose connection is dropped before they reach the server. */
  dropRate?: number;
  random?: () => number;
}

export interface FaultProxy {
  endpoint: string;
  /** Every request by its Action, forwarded or not. */
  calls: { action: string; outcome: 'forwarded' | 'throttled' | 'dropped'; at: number }[];
  /** Response bodies forwarded (the OIDC test reads the STS credentials from here to scan output for them). */
  bodies: string[];
  /** Authorization headers seen (which access key signed each call). */
  authorizations: string[];
  setFaults: (f: FaultOptions) => void;
  close: () => Promise<void>;
}

export const THROTTLE_BODY = (id: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>${id}</RequestID></Response>`;

/** An HTTP proxy in front of moto that adds latency, throttles and drops connections. */
export async function startFaultProxy(target: string, initial: FaultOptions = {}): Promise<FaultProxy> {
  let faults = initial;
  const calls: FaultProxy['calls'] = [];
  const bodies: string[] = [];
  const authorizations: string[] = [];
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const action =
        new URLSearchParams(body.toString()).get('Action') ??
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ??
        '?';
      if (req.headers.authorization) authorizations.push(req.headers.authorization);
      const random = faults.random ?? Math.random;
      const go = () => {
        if (random() < (faults.dropRate ?? 0)) {
          calls.push({ action, outcome: 'dropped', at: Date.now() });
          req.socket.destroy();
          return;
        }
        if (random() < (faults.throttleRate ?? 0)) {
          calls.push({ action, outcome: 'throttled', at: Date.now() });
          res.writeHead(503, { 'content-type': 'text/xml' });
          res.end(THROTTLE_BODY(randomUUID()));
          return;
        }
        calls.push({ action, outcome: 'forwarded', at: Date.now() });
        const out = http.request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (up) => {
            const back: Buffer[] = [];
            up.on('data', (c: Buffer) => back.push(c));
            up.on('end', () => {
              const text = Buffer.concat(back);
              bodies.push(text.toString());
              res.writeHead(up.statusCode ?? 502, up.headers);
              res.end(text);
            });
          },
        );
        out.on('error', () => req.socket.destroy());
        out.end(body);
      };
      if (faults.latencyMs) setTimeout(go, faults.latencyMs);
      else go();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const a = server.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    bodies,
    authorizations,
    setFaults: (f) => {
      faults = f;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A seeded PRNG (mulberry32) so a fault pattern is reproducible from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
