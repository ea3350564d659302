import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareFindings, type Finding } from '../../../src/core/finding.js';
import { validateFiles } from '../helpers/project.js';

const at = (file: string, line: number, column: number, rule: string, message = 'm'): Finding =>
  ({ rule, severity: 'warning', message, pos: { file, line, column }, fix: { description: 'f' } }) as Finding;

test('findings sort by file, line, column, then rule and message (plain code-unit order)', () => {
  const sorted = [
    at('b.conf', 1, 1, 'a'),
    at('a.conf', 2, 1, 'a'),
    at('a.conf', 1, 9, 'a-rule'),
    at('a.conf', 1, 3, 'z-rule'),
    at('a.conf', 1, 3, 'b-rule', 'y'),
    at('a.conf', 1, 3, 'b-rule', 'x'),
    at('B.conf', 1, 1, 'a'),
  ].sort(compareFindings);
  assert.deepEqual(
    sorted.map((f) => `${f.pos.file}:${f.pos.line}:${f.pos.column} ${f.rule} ${f.message}`),
    [
      'B.conf:1:1 a m',
      'a.conf:1:3 b-rule x',
      'a.conf:1:3 b-rule y',
      'a.conf:1:3 z-rule m',
      'a.conf:1:9 a-rule m',
      'a.conf:2:1 a m',
      'b.conf:1:1 a m',
    ],
  );
});

test('a file included twice yields each finding once (validate dedupes by rule and place)', async () => {
  const compose = `services:
  nginx:
    image: nginx:1.27
    ports:
      - "80:80"
      - "81:81"
    volumes:
      - ./default.conf:/etc/nginx/conf.d/default.conf:ro
      - ./snippet.conf:/etc/nginx/snippet.conf:ro
`;
  const conf = `server {\n    listen 80;\n    include /etc/nginx/snippet.conf;\n}\nserver {\n    listen 81;\n    include /etc/nginx/snippet.conf;\n}\n`;
  const { findings } = await validateFiles({
    'compose.yaml': compose,
    'default.conf': conf,
    'snippet.conf': 'error_log /dev/stderr debug;\n',
  });
  const inSnippet = findings.filter((f) => f.pos.file === 'snippet.conf');
  // Loaded: the snippet's finding is there, reached through both includes.
  assert.ok(inSnippet.length > 0, JSON.stringify(findings.map((f) => f.rule)));
  const keys = inSnippet.map((f) => `${f.rule}:${f.pos.line}:${f.pos.column}:${f.message}`);
  assert.deepEqual(keys, [...new Set(keys)]);
});
