import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxyCompose, ruleFindings } from '../helpers/project.js';
import { fixRoundTrip, seedFiles } from './fix-roundtrip.js';

const RULE = 'proxy-headers-missing';
const compose = proxyCompose(
  '    ports:\n      - "80:80"',
  '  app:\n    image: ghcr.io/librespeed/speedtest:5.5.1\n    expose:\n      - "8080"',
);
const project = (conf: string) => ({ 'compose.yaml': compose, 'default.conf': conf });

test('a proxied location without any client headers is reported at the proxy_pass target, with all three names', async () => {
  const conf = `server {
    listen 80;
    location / {
        proxy_pass http://app:8080;
    }
}
`;
  const [f, ...rest] = await ruleFindings(RULE, project(conf));
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.rule, RULE);
  assert.equal(f.severity, 'warning');
  assert.deepEqual([f.pos.file, f.pos.line, f.pos.column], ['default.conf', 4, 20]);
  assert.match(f.message, /Host, X-Real-IP, X-Forwarded-For/);
  assert.match(f.message, /proxy's address/);
  assert.equal(f.fix.edits?.length, 1);
});

test('headers set in the location, in any letter case, are enough', async () => {
  const conf = `server {
    listen 80;
    location / {
        proxy_pass http://app:8080;
        proxy_set_header host $host;
        proxy_set_header x-real-ip $remote_addr;
        proxy_set_header X-FORWARDED-FOR $proxy_add_x_forwarded_for;
    }
}
`;
  assert.deepEqual(await ruleFindings(RULE, project(conf)), []);
});

test('headers inherited from the server level count when the location sets none', async () => {
  const conf = `server {
    listen 80;
    proxy_set_header Host $host;
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    location / {
        proxy_pass http://app:8080;
    }
}
`;
  assert.deepEqual(await ruleFindings(RULE, project(conf)), []);
});

test('one proxy_set_header in the location cancels everything inherited from the server', async () => {
  const conf = `server {
    listen 80;
    proxy_set_header Host $host;
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    location / {
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_pass http://app:8080;
    }
}
`;
  const [f] = await ruleFindings(RULE, project(conf));
  assert.ok(f);
  assert.equal(f.pos.line, 8);
  assert.match(f.message, /Host, X-Real-IP, X-Forwarded-For/);
});

test('the fix copies inherited headers into the location, keeps comments, and silences the rule', async () => {
  const conf = `# front proxy
server {
    listen 80;
    proxy_set_header Host $host;           # keep the client's host
    proxy_set_header X-Forwarded-Proto $scheme;
    location / {
        # the app
        proxy_pass http://app:8080;
    }
}
`;
  const r = await fixRoundTrip(project(conf), [RULE]);
  assert.equal(r.before.length, 1);
  assert.match(r.before[0]!.message, /X-Real-IP, X-Forwarded-For/);
  assert.doesNotMatch(r.before[0]!.message, /Host,/);
  assert.deepEqual(
    r.after.filter((f) => f.rule === RULE),
    [],
  );
  const after = r.files['default.conf']!;
  assert.match(after, /^# front proxy\n/);
  assert.match(after, /# keep the client's host/);
  assert.equal(
    after.split('location / {')[1],
    `
        # the app
        proxy_pass http://app:8080;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
}
`,
  );
  assert.deepEqual(
    r.after.filter((f) => f.rule.startsWith('nginx-')),
    [],
  );
});

test('a proxy_pass inside an if gets its headers at the top of the location', async () => {
  const conf = `server {
    listen 80;
    location / {
        if ($request_method = POST) {
            proxy_pass http://app:8080;
        }
        return 404;
    }
}
`;
  const r = await fixRoundTrip(project(conf), [RULE]);
  assert.equal(r.before.length, 1);
  assert.deepEqual(
    r.after.filter((f) => f.rule === RULE || f.rule.startsWith('nginx-')),
    [],
  );
  assert.match(r.files['default.conf']!, /location \/ \{\n {8}proxy_set_header Host \$host;\n/);
});

test("the seed's own config: location / proxies to the upstream without client headers", async () => {
  const findings = await ruleFindings(RULE, seedFiles());
  assert.equal(findings.length, 1);
  assert.deepEqual(
    [findings[0]!.pos.file, findings[0]!.pos.line, findings[0]!.pos.column],
    ['default.conf', 18, 20],
  );
  assert.match(findings[0]!.message, /http:\/\/speedtest/);
});

test('LibreSpeed is named only when the location reaches LibreSpeed', async () => {
  const conf = 'server {\n    listen 80;\n    location / {\n        proxy_pass http://app:8080;\n    }\n}\n';
  const [libre] = await ruleFindings(RULE, project(conf));
  assert.ok(libre);
  assert.match(libre.message, /LibreSpeed then sees the proxy's address/);
  const django = proxyCompose(
    '    ports:\n      - "80:80"',
    '  app:\n    image: python:3.12-slim\n    command: gunicorn app.wsgi -b 0.0.0.0:8080\n    expose:\n      - "8080"',
  );
  const [f, ...rest] = await ruleFindings(RULE, { 'compose.yaml': django, 'default.conf': conf });
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.doesNotMatch(f.message, /LibreSpeed/);
  assert.match(f.message, /"app" then sees the proxy's address/);
});

test('behind a missing include that may set them, the finding follows from it: a note that says so', async () => {
  const conf =
    'server {\n    listen 80;\n    location / {\n        include /etc/nginx/snippets/proxy.conf;\n        proxy_pass http://app:8080;\n    }\n}\n';
  const [f, ...rest] = await ruleFindings(RULE, project(conf));
  assert.equal(rest.length, 0);
  assert.ok(f);
  assert.equal(f.severity, 'note');
  assert.match(
    f.message,
    /the include at \/etc\/nginx\/conf\.d\/default\.conf:4 cannot be read \(nginx-include-missing\)/,
  );
  assert.deepEqual(
    f.related?.map((r) => r.pos.line),
    [3, 4],
  );
});
