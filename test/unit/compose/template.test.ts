// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose interpolation syntax is what these tests are about
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDotenv } from '../../../src/compose/dotenv.js';
import { substitute } from '../../../src/compose/template.js';
import { InputError } from '../../../src/core/errors.js';

const env: Record<string, string> = { SET: 'value', EMPTY: '', PORT: '8080', HOST: 'db' };
const lookup = (k: string) => env[k];
const sub = (t: string) => substitute(t, lookup);

describe('substitute (compose-go template rules)', () => {
  it('replaces $VAR and ${VAR}', () => {
    assert.equal(sub('$SET').value, 'value');
    assert.equal(sub('${SET}').value, 'value');
    assert.equal(sub('a-${SET}-b').value, 'a-value-b');
    assert.equal(sub('$HOST:$PORT').value, 'db:8080');
  });

  it('unset plain variables become empty and are listed', () => {
    const r = sub('x${NOPE}y$ALSO_NOPE');
    assert.equal(r.value, 'xy');
    assert.deepEqual(r.unset, ['NOPE', 'ALSO_NOPE']);
    assert.equal(r.error, undefined);
  });

  it(':- uses the default when unset or empty, - only when unset', () => {
    assert.equal(sub('${NOPE:-d}').value, 'd');
    assert.equal(sub('${EMPTY:-d}').value, 'd');
    assert.equal(sub('${SET:-d}').value, 'value');
    assert.equal(sub('${NOPE-d}').value, 'd');
    assert.equal(sub('${EMPTY-d}').value, '');
    assert.deepEqual(sub('${NOPE:-d}').unset, []);
  });

  it(':+ and + give the alternative when set (and non-empty for :+)', () => {
    assert.equal(sub('${SET:+alt}').value, 'alt');
    assert.equal(sub('${EMPTY:+alt}').value, '');
    assert.equal(sub('${EMPTY+alt}').value, 'alt');
    assert.equal(sub('${NOPE+alt}').value, '');
  });

  it(':? and ? fail with the message when unset (and when empty for :?)', () => {
    const r = sub('image: ${NOPE:?please set NOPE}');
    assert.equal(r.error?.kind, 'required');
    assert.equal(r.error?.message, 'required variable NOPE is missing a value: please set NOPE');
    assert.equal(r.error?.index, 7);
    assert.equal(sub('${EMPTY:?x}').error?.kind, 'required');
    assert.equal(sub('${EMPTY?x}').error, undefined);
    assert.equal(sub('${NOPE?}').error?.message, 'required variable NOPE is missing a value');
    assert.equal(sub('${SET:?x}').value, 'value');
  });

  it('$$ is a literal dollar and $ before a non-name stays', () => {
    assert.equal(sub('$$SET').value, '$SET');
    assert.equal(sub('cost: 5$').value, 'cost: 5$');
    assert.equal(sub('$1').value, '$1');
    assert.equal(sub('a $$ b').value, 'a $ b');
  });

  it('nested defaults are substituted recursively', () => {
    assert.equal(sub('${NOPE:-${SET}}').value, 'value');
    assert.equal(sub('${NOPE:-${ALSO:-deep}}').value, 'deep');
    assert.equal(sub('${NOPE:-x}-${SET}').value, 'x-value');
    assert.equal(
      sub('${NOPE:?${SET} missing}').error?.message,
      'required variable NOPE is missing a value: value missing',
    );
  });

  it('bad syntax is an invalid template error', () => {
    for (const t of ['${', '${VAR', '${}', '${ VAR}', '${VAR:x}', 'a ${1abc}']) {
      const r = sub(t);
      assert.equal(r.error?.kind, 'invalid', t);
      assert.match(r.error?.message ?? '', /^Invalid template/);
    }
  });
});

describe('parseDotenv (compose-go dotenv rules)', () => {
  const parse = (text: string, base: Record<string, string> = {}) =>
    parseDotenv(text, '/p/.env', (k) => base[k]);

  it('reads KEY=VAL, export, comments, quotes and colons', () => {
    const out = parse(
      [
        '# comment',
        'A=1',
        'export B=two',
        'C = spaced ',
        'D=val # inline comment',
        'E=val#not-comment',
        "F='single $A \\n'",
        'G="double $A\\nline"',
        'H: colon',
        '',
        'I=',
      ].join('\n'),
    );
    assert.deepEqual(out, {
      A: '1',
      B: 'two',
      C: 'spaced',
      D: 'val',
      E: 'val#not-comment',
      F: 'single $A \\n',
      G: 'double 1\nline',
      H: 'colon',
      I: '',
    });
  });

  it('interpolates values from the environment first, then earlier keys', () => {
    const out = parse('A=file\nB=${A}-x\nC=${HOME_X:-none}\nD=${A:+alt}', { A: 'process' });
    assert.equal(out.B, 'process-x');
    assert.equal(out.C, 'none');
    assert.equal(out.D, 'alt');
  });

  it('a bare KEY inherits from the environment', () => {
    assert.deepEqual(parse('INHERIT\nOTHER=1\n', { INHERIT: 'yes' }), { INHERIT: 'yes', OTHER: '1' });
    assert.deepEqual(parse('MISSING\n'), {});
  });

  it('handles CRLF and a BOM', () => {
    assert.deepEqual(parse('\uFEFFA=1\r\nB="x"\r\n'), { A: '1', B: 'x' });
  });

  it('multi-line double-quoted values', () => {
    assert.equal(parse('K="a\nb"\nL=2').K, 'a\nb');
  });

  it('errors name the file and line', () => {
    assert.throws(
      () => parse('A=1\nB="open'),
      (e: unknown) => e instanceof InputError && /\/p\/\.env:2: unterminated/.test(e.message),
    );
    assert.throws(
      () => parse('A=1\nB C=1'),
      (e: unknown) => e instanceof InputError && /\.env:2: key cannot contain a space/.test(e.message),
    );
    assert.throws(() => parse('A$=1'), InputError);
  });
});
