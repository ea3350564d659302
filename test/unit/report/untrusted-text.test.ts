import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stackFrames } from '../../../src/core/errors.js';
import {
  commandData,
  commandProperty,
  hideValues,
  jsonForLog,
  markdownText,
  showUntrusted,
  showUntrustedPath,
} from '../../../src/core/untrusted-text.js';

test('showUntrusted makes control, separator and bidi characters visible escapes', () => {
  const cases: [string, string][] = [
    ['plain text: a/b.yaml', 'plain text: a/b.yaml'],
    ['x\n::error::y', 'x\\n::error::y'],
    ['\r\n::add-mask::s', '\\r\\n::add-mask::s'],
    ['a\tb', 'a\\tb'],
    ['\x1b[31m', '\\x1b[31m'],
    ['\x00\x07\x7f\x85\x9b', '\\x00\\x07\\x7f\\x85\\x9b'],
    ['\u2028\u2029\u202e\u2066\ufeff', '\\u{2028}\\u{2029}\\u{202e}\\u{2066}\\u{feff}'],
    ['##[error]x', '##\\x5berror]x'],
    ['#[a] [b] ##', '#[a] [b] ##'],
    // Backslashes stay as written unless something else is escaped; then they are doubled.
    ['C:\\dir\\x1b', 'C:\\dir\\x1b'],
    ['C:\\dir\x1b', 'C:\\\\dir\\x1b'],
    ['é 漢字 🙂', 'é 漢字 🙂'],
  ];
  for (const [input, shown] of cases) assert.equal(showUntrusted(input), shown, JSON.stringify(input));
});

test('a path that would start a workflow command gets ./ in front', () => {
  assert.equal(showUntrustedPath('::error::x.yaml'), './::error::x.yaml');
  assert.equal(showUntrustedPath(' \u00a0::warning::x'), './ \u00a0::warning::x');
  assert.equal(showUntrustedPath('##[error]x'), '##\\x5berror]x');
  assert.equal(showUntrustedPath('a::b.yaml'), 'a::b.yaml');
});

test('workflow-command escaping follows @actions/core', () => {
  assert.equal(commandData('100% \r\n::x, y:z'), '100%25 %0D%0A::x, y:z');
  assert.equal(commandProperty('100% \r\n::x, y:z'), '100%25 %0D%0A%3A%3Ax%2C y%3Az');
  // % first, so an escape already in the data is not decoded by the runner.
  assert.equal(commandData('%0A'), '%250A');
});

test('markdownText leaves no tag, link, code span, cell break or math', () => {
  const out = markdownText('<img src=x onerror=alert(1)> | [a](http://e) `c` *b* $x$ @team ~s~ !x \\ &amp;');
  assert.doesNotMatch(out, /[<>|`[\]()*$@~!\\]/);
  assert.match(
    out,
    /^&#60;img src=x onerror=alert&#40;1&#41;&#62; &#124; &#91;a&#93;&#40;http&#58;\/\/e&#41;/,
  );
  assert.match(out, /&#38;amp;$/);
  assert.equal(markdownText('a\nb'), 'a&#92;nb');
});

test('hideValues shows values as $NAME in braces, longest first, and leaves short ones', () => {
  const hide = hideValues(
    new Map([
      ['TOKEN', 's3cr3t-value'],
      ['PART', 's3cr3t'],
      ['SHORT', 'ab'],
    ]),
  );
  assert.equal(hide('image s3cr3t-value and s3cr3t, ab'), `image \${TOKEN} and \${PART}, ab`);
  assert.equal(hideValues(new Map())('unchanged'), 'unchanged');
});

test('jsonForLog parses back to the same value, with nothing raw for a log to act on', () => {
  const value = { a: 'x\x7f\x85\u2028\u202e##[error]y', b: ['##[', '\x1b', 'plain #[ ##'], c: 1 };
  const out = jsonForLog(value);
  assert.deepEqual(JSON.parse(out), value);
  assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]|##\[/);
  assert.match(out, /##\\u005berror/);
});

test('stackFrames keeps only the frames, even when the message fakes one', () => {
  const frames = stackFrames(new Error('x\n    at \n::error::y'));
  assert.ok(frames.length > 0);
  for (const f of frames) assert.match(f, /^ {4}at \S/);
  assert.ok(!frames.some((f) => f.includes('::error::')));
});
