import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  baseImageOf,
  expandVariables,
  finalStage,
  parseDockerfile,
  stageNamed,
} from '../../../src/dockerfile/index.js';

const multiStage = `# syntax=docker/dockerfile:1
ARG NGINX_IMAGE=nginx:1.27-alpine
ARG NODE=node:22
FROM \${NODE} AS build
WORKDIR /app
COPY package.json ./
COPY src/ src/
FROM \${NGINX_IMAGE} AS web
ENV NGINX_ENVSUBST_OUTPUT_DIR=/etc/nginx \\
    APP=frontend
WORKDIR /etc/nginx
COPY --from=build /app/dist /usr/share/nginx/html
COPY nginx.conf ./
ADD ["conf.d/a b.conf", "conf.d/"]
EXPOSE 80/tcp 8443/udp 9000-9010
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD nginx -g 'daemon off;' \\
    -e stderr
`;

test('stages: names, bases with ARG defaults and build-arg overrides, positions', () => {
  const model = parseDockerfile('/p/Dockerfile', multiStage, { NGINX_IMAGE: 'stackgate/nginx:test' });
  assert.equal(model.stages.length, 2);
  const [build, web] = model.stages;
  assert.equal(build?.name, 'build');
  assert.equal(build?.from.value, 'node:22');
  assert.deepEqual(build?.from.pos, { file: '/p/Dockerfile', line: 4, column: 1 });
  assert.equal(web?.from.value, 'stackgate/nginx:test', 'compose build.args override the ARG default');
  assert.equal(finalStage(model), web);
  assert.equal(stageNamed(model, 'build', 1), build);
  assert.equal(stageNamed(model, '0', 1), build);
  assert.equal(stageNamed(model, 'web', 1), undefined, 'a stage cannot copy from itself');
});

test('COPY/ADD destinations resolve against WORKDIR; --from, JSON form and a trailing slash are kept', () => {
  const web = finalStage(parseDockerfile('/p/Dockerfile', multiStage))!;
  assert.equal(web.workdir, '/etc/nginx');
  assert.deepEqual(
    web.copies.map((c) => [c.keyword, c.sources, c.destination, c.from ?? null, c.pos.line]),
    [
      ['COPY', ['/app/dist'], '/usr/share/nginx/html', 'build', 12],
      ['COPY', ['nginx.conf'], '/etc/nginx/', null, 13],
      ['ADD', ['conf.d/a b.conf'], '/etc/nginx/conf.d/', null, 14],
    ],
  );
  const build = parseDockerfile('/p/Dockerfile', multiStage).stages[0]!;
  assert.deepEqual(
    build.copies.map((c) => c.destination),
    ['/app/', '/app/src/'],
  );
});

test('EXPOSE, ENV, ENTRYPOINT (exec form) and CMD (shell form across lines)', () => {
  const web = finalStage(parseDockerfile('/p/Dockerfile', multiStage))!;
  assert.deepEqual(
    web.expose.map((e) => [e.port, e.protocol, e.pos.line]),
    [
      [80, 'tcp', 15],
      [8443, 'udp', 15],
      [9000, 'tcp', 15],
    ],
  );
  assert.equal(web.env.NGINX_ENVSUBST_OUTPUT_DIR, '/etc/nginx');
  assert.equal(web.env.APP, 'frontend');
  assert.deepEqual(web.entrypoint, {
    form: 'exec',
    args: ['/docker-entrypoint.sh'],
    pos: { file: '/p/Dockerfile', line: 16, column: 1 },
  });
  assert.equal(web.cmd?.form, 'shell');
  assert.match(web.cmd?.args[0] ?? '', /^nginx -g 'daemon off;'\s+-e stderr$/);
});

test('FROM an earlier stage inherits its base, WORKDIR and ENV', () => {
  const model = parseDockerfile(
    '/p/Dockerfile',
    'FROM nginx:1.26 AS base\nWORKDIR /srv\nENV A=1\nFROM base\nCOPY x .\n',
  );
  const last = finalStage(model)!;
  assert.equal(last.fromStage, model.stages[0]);
  assert.equal(baseImageOf(last).value, 'nginx:1.26');
  assert.equal(last.workdir, '/srv');
  assert.equal(last.env.A, '1');
  assert.equal(last.copies[0]?.destination, '/srv/');
});

test('variable expansion: bare, braced, defaults, alternatives; unknown is empty', () => {
  const vars = { A: 'x', E: '' };
  assert.equal(
    expandVariables(`$A-\${A}-\${B:-d}-\${E:-d}-\${E-d}-\${A:+alt}-\${B:+alt}-$B.`, vars),
    'x-x-d-d--alt--.',
  );
});

test('an empty or FROM-less Dockerfile has no stage', () => {
  assert.equal(finalStage(parseDockerfile('/p/Dockerfile', '')), undefined);
  assert.equal(finalStage(parseDockerfile('/p/Dockerfile', '# just a comment\nRUN true\n')), undefined);
});

// Why command() keeps JSON.parse instead of dockerfile-ast's JSONInstruction.getJSONStrings(): that scanner
// drops spaces and JSON escapes inside strings ("daemon off;" → "daemonoff;", "a\tb" → "ab") and accepts
// text after "]" and a trailing comma, which docker's json.Unmarshal refuses (it then runs the shell form).
test('exec form is a JSON array as docker decodes it; anything else is the shell form', () => {
  const commandOf = (line: string) =>
    finalStage(parseDockerfile('/p/Dockerfile', `FROM nginx:1.27\n${line}\n`))?.cmd;
  assert.deepEqual(commandOf('CMD ["nginx", "-g", "daemon off;"]')?.args, ['nginx', '-g', 'daemon off;']);
  assert.deepEqual(commandOf('CMD ["printf", "a\\tb\\u0041\\/"]')?.args, ['printf', 'a\tbA/']);
  assert.deepEqual(commandOf('CMD ["nginx", \\\n    "-g", "daemon off;"]')?.args, [
    'nginx',
    '-g',
    'daemon off;',
  ]);
  for (const line of ['CMD ["nginx"] -g', 'CMD ["nginx",]', "CMD ['nginx']", 'CMD [1]']) {
    const cmd = commandOf(line);
    assert.deepEqual([cmd?.form, cmd?.args], ['shell', [line.slice(4)]], line);
  }
});
