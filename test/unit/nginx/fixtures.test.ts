import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseNginxText } from '../../../src/nginx/parser.js';

const DIR = path.resolve(import.meta.dirname, '../../../../test/fixtures/nginx');

function errorsOf(rel: string): string[] {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(path.join(DIR, rel)));
  return parseNginxText(text, rel).errors.map((e) => `${e.line}:${e.column} ${e.nginx ?? e.message}`);
}

describe('nginx fixtures', () => {
  it('valid fixtures have no syntax errors (the BOM one only its BOM)', () => {
    const files = [
      'bom.conf',
      'crlf.conf',
      'proxy.conf',
      'quoting.conf',
      'stream.conf',
      'includes/nginx.conf',
    ];
    const found = Object.fromEntries(files.map((f) => [f, errorsOf(`valid/${f}`)]));
    assert.deepEqual(found, {
      'bom.conf': ['1:1 unknown directive "\\xEF\\xBB\\xBFevents"'],
      'crlf.conf': [],
      'proxy.conf': [],
      'quoting.conf': [],
      'stream.conf': [],
      'includes/nginx.conf': [],
    });
  });

  it('invalid fixtures report every error with nginx wording', () => {
    const found = Object.fromEntries(
      readdirSync(path.join(DIR, 'invalid')).map((f) => [f, errorsOf(`invalid/${f}`)]),
    );
    assert.deepEqual(found, {
      'extra-brace.conf': ['4:1 unexpected "}"'],
      'missing-semicolon.conf': [
        '2:14 directive "listen" is not terminated by ";" before "server_name" on line 3 (nginx would read "server_name" as one of its arguments)',
        '5:35 unexpected "}"',
      ],
      'several-errors.conf': [
        '2:5 unexpected ";"',
        '3:5 unexpected "{"',
        '5:18 unexpected "}"',
        '7:24 unexpected "x"',
        '9:1 unexpected end of file, expecting "}"',
      ],
      'unclosed-brace.conf': ['8:1 unexpected end of file, expecting "}"'],
      'unclosed-quote.conf': ['3:25 unexpected end of file, expecting ";" or "}"'],
    });
  });
});
