// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose interpolation syntax is what these tests are about
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMATS, runCliProcess, withHostileProject } from './output-helpers.js';

const CANARY = 'canary-0b5e1d-secret';

const files = {
  'compose.yaml': [
    'services:',
    '  direct:',
    '    image: "${MY_TOKEN}"',
    '  derived:',
    '    image: "${DERIVED}"',
    '  inherited:',
    '    image: "x/${FROM_DOTENV}"',
    '    environment:',
    '      - MY_TOKEN',
    '    env_file: [service.env]',
    '    extra_hosts: ["${MY_TOKEN}:10.0.0.1"]',
    '',
  ].join('\n'),
  // .env interpolates the process environment; its own values are project data and stay visible.
  '.env': 'DERIVED=prefix-${MY_TOKEN}-suffix\nFROM_DOTENV=visible-dotenv-value\nMY_TOKEN\n',
  'service.env': 'COPY=${MY_TOKEN}\n',
};

test('a value from the process environment is shown as ${NAME} in every format', () => {
  withHostileProject(files, (dir) => {
    for (const format of FORMATS) {
      const r = runCliProcess(['validate', '--format', format, '--fail-on', 'never'], dir, {
        MY_TOKEN: CANARY,
      });
      assert.equal(r.code, 0, r.stderr);
      // The input was loaded and interpolated: the findings name the services, with the variable's name.
      assert.match(r.stdout, /\\?"direct\\?" uses \$\{MY_TOKEN\}/, format);
      assert.match(r.stdout, /\\?"derived\\?" uses prefix-\$\{MY_TOKEN\}-suffix/, format);
      // The positive twin: a value from the project's .env is project data and is shown as it is.
      assert.match(r.stdout, /x\/visible-dotenv-value/, format);
      assert.ok(!r.stdout.includes(CANARY), `${format} stdout holds the canary:\n${r.stdout}`);
      assert.ok(!r.stderr.includes(CANARY), `${format} stderr holds the canary`);
    }
  });
});

test('without the variable set, the same project reports it unset (the finding depends on the value)', () => {
  withHostileProject(files, (dir) => {
    const r = runCliProcess(['validate', '--format', 'json', '--fail-on', 'never'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /\$\{MY_TOKEN\}/);
    assert.match(r.stdout, /prefix--suffix/);
  });
});
