// A finding inside the image's own nginx.conf is named image:/etc/nginx/nginx.conf in every format,
// and its code frame comes from the embedded copy, never from the host's /etc/nginx.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownText } from '../../src/core/untrusted-text.js';
import { builtinFiles } from '../../src/nginx/builtin-files.js';
import { composeWith, HANG_GUARD_MS, makeDir, markdownOf, validateAllFormats } from './helpers.js';

const LABEL = 'image:/etc/nginx/nginx.conf';

test('the image nginx.conf is labelled image: and framed from the embedded copy', {
  timeout: HANG_GUARD_MS * 4,
}, async () => {
  // An empty directory over conf.d: the image's include of conf.d/*.conf matches nothing (a note there).
  const project = makeDir({
    'compose.yaml': composeWith(['./empty:/etc/nginx/conf.d:ro']),
    empty: { dir: true },
  });
  try {
    const { runs } = await validateAllFormats(project.dir);
    const json = JSON.parse(runs.json.stdout) as { findings: { rule: string; file: string; line: number }[] };
    const hit = json.findings.find((f) => f.rule === 'nginx-include-missing');
    assert.ok(hit, json.findings.map((f) => `${f.rule}@${f.file}`).join(' '));
    assert.equal(hit.file, LABEL);
    const embedded = builtinFiles.get('/etc/nginx/nginx.conf')!.split('\n')[hit.line - 1]!;
    assert.match(embedded, /include\s+\/etc\/nginx\/conf\.d\/\*\.conf;/);
    // text: the file header is the label and the frame shows the embedded line.
    assert.ok(runs.text.stdout.includes(`${LABEL}\n`), runs.text.stdout);
    assert.ok(
      runs.text.stdout.includes(`${String(hit.line).padStart(5)} | ${embedded.replace(/\t/g, ' ')}`),
      runs.text.stdout,
    );
    assert.ok(!runs.text.stdout.includes('../etc/nginx'), 'no host path for an image file');
    const sarif = JSON.parse(runs.sarif.stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
        }[];
      }[];
    };
    const loc = sarif.runs[0]!.results.find((r) => r.ruleId === 'nginx-include-missing')!.locations[0]!
      .physicalLocation.artifactLocation;
    assert.deepEqual(loc, { uri: LABEL });
    assert.ok(runs.github.stdout.includes('file=image%3A/etc/nginx/nginx.conf,'), runs.github.stdout);
    assert.ok((await markdownOf(project.dir)).includes(`<code>${markdownText(LABEL)}:${hit.line}</code>`));
  } finally {
    project.cleanup();
  }
});
