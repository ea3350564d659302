import type { Finding } from '../core/finding.js';
import type { NginxDirective } from '../nginx/ast.js';
import { checkDirective, contextOf, directiveForms, isKnownDirective } from '../nginx/directives.js';
import { versionProblems } from '../nginx/versions.js';
import { argPosOf, nginxPathOf, nginxPathOfFile, posOf } from '../project/scope.js';
import { PASS_DIRECTIVE_NAMES, parseAddress } from '../project/upstreams.js';
import type { PlacedDirective, ProjectView } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

const CONTEXT_NAMES: Record<string, string> = {
  M: 'the main level',
  E: 'events',
  H: 'http',
  S: 'server',
  L: 'location',
  U: 'upstream',
  I: 'if (in server)',
  J: 'if (in location)',
  X: 'limit_except',
  T: 'stream',
  R: 'stream server',
  P: 'stream upstream',
  A: 'mail',
  B: 'mail server',
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz_0123456789';

/** A known directive one edit away (typo, dropped or doubled letter, swapped pair), if any. */
function nearestKnown(name: string): string | undefined {
  const candidates: string[] = [];
  for (let i = 0; i <= name.length; i++) {
    const [head, tail] = [name.slice(0, i), name.slice(i)];
    if (tail) candidates.push(head + tail.slice(1));
    if (tail.length > 1) candidates.push(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      candidates.push(head + c + tail);
      if (tail) candidates.push(head + c + tail.slice(1));
    }
  }
  return candidates.find((c) => c !== name && isKnownDirective(c));
}

function fixFor(p: PlacedDirective, kind: 'unknown' | 'context' | 'args', message: string): string {
  const name = p.d.directive;
  if (message.includes('not terminated by ";"')) {
    return `Add the missing ";" after the arguments of "${name}" (nginx read the next block as part of it).`;
  }
  if (message.includes('has no opening "{"')) return `"${name}" is a block directive: give it a { … } body.`;
  if (message.includes('it must be "on" or "off"')) return `Set "${name}" to on or off.`;
  if (kind === 'unknown') {
    const near = nearestKnown(name.toLowerCase());
    if (near) return `Did you mean "${near}"?`;
    return `Check the spelling of "${name}"; if it belongs to a third-party module, load that module with load_module (the official nginx image does not ship it).`;
  }
  const forms = directiveForms(name) ?? [];
  if (kind === 'context') {
    const allowed = [
      ...new Set(forms.flatMap((f) => [...f.contexts].map((c) => CONTEXT_NAMES[c]).filter(Boolean))),
    ];
    return `Move "${name}" into ${allowed.length ? allowed.map((c) => (c!.startsWith('the ') ? c : `a ${c} block`)).join(', or ') : 'a block that allows it'}.`;
  }
  const counts = forms.map((f) => {
    if (f.any) return 'any number of';
    const parts = [...f.counts].sort();
    if (f.flag) parts.push(1);
    const list = [...new Set(parts)].join(' or ');
    return f.atLeast !== undefined ? `${list ? `${list} or ` : ''}${f.atLeast} or more` : list;
  });
  return `Give "${name}" ${[...new Set(counts)].join(', or ')} argument(s) (it has ${p.d.args.length}); see https://nginx.org/r/${name}.`;
}

/**
 * `proxy_pass http://app:80` when `upstream app {}` is already defined: nginx refuses the port, since
 * the upstream block's servers carry their own.
 */
function upstreamWithPort(
  p: PlacedDirective,
  upstreams: ReadonlySet<string>,
): { message: string; fix: string } | undefined {
  if (!PASS_DIRECTIVE_NAMES.includes(p.d.directive)) return undefined;
  const arg = p.d.args[0];
  if (arg === undefined || arg.includes('$')) return undefined;
  const addr = parseAddress(arg, true);
  if (!addr || addr.port === undefined || !upstreams.has(addr.host)) return undefined;
  return {
    message: `upstream "${addr.host}" may not have port ${addr.port}`,
    fix: `Drop ":${addr.port}" (the servers in upstream "${addr.host}" carry their ports): ${p.d.directive} ${arg.replace(`:${addr.port}`, '')};`,
  };
}

/** How to write a directive so that the proxy's nginx accepts it. */
function versionFix(p: PlacedDirective, message: string): string {
  const name = p.d.directive;
  if (name === 'ssl') return 'Delete "ssl on;" and add "ssl" to the listen directive: listen 443 ssl;';
  if (name === 'http2')
    return 'On nginx before 1.25.1, write "listen 443 ssl http2;" instead, or use an nginx image of 1.25.1 or later.';
  if (message.includes('"listen ... http2"'))
    return 'Drop "http2" from the listen line and add "http2 on;" to the server block.';
  if (message.includes('obsolete'))
    return `Delete "${name}": nginx ignores it (HTTP/2 server push was removed in 1.25.1).`;
  if (message.includes('"resolve"') || name.startsWith('resolver'))
    return 'Use an nginx image of 1.27.3 or later (open-source nginx gained "resolve" in upstream servers then), or resolve through a variable in proxy_pass with a resolver in http or server.';
  return `Use an nginx image that has it (see https://nginx.org/r/${name}), or remove it.`;
}

/** Whether nginx accepts the directive at the main level (user, worker_processes, events, http …). */
function mainLevel(name: string): boolean {
  return (directiveForms(name) ?? []).some((f) => f.contexts.includes('M'));
}

/**
 * Follow-on errors: a file written for the main level (a full nginx.conf) but included inside another
 * block. nginx stops at its first [emerg], so that finding stays as nginx prints it and the sibling
 * main-level directives of the same file, which fail for the same reason, are folded into it.
 */
function foldMisplacedMainConfig(view: ProjectView, found: { p: PlacedDirective; f: Finding }[]): Finding[] {
  const groups = new Map<string, { p: PlacedDirective; f: Finding }[]>();
  const out: Finding[] = [];
  for (const item of found) {
    const parent = item.p.parents.at(-1);
    const misplacedMain =
      parent !== undefined &&
      item.f.message.includes('directive is not allowed here') &&
      mainLevel(item.p.d.directive);
    if (!misplacedMain) {
      out.push(item.f);
      continue;
    }
    const key = `${item.p.file.file}\0${parent.file}:${parent.start}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else {
      groups.set(key, [item]);
      out.push(item.f);
    }
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [first, ...rest] = group as [
      { p: PlacedDirective; f: Finding },
      ...{ p: PlacedDirective; f: Finding }[],
    ];
    const parent = first.p.parents.at(-1) as NginxDirective;
    const names = group.map((g) => g.p.d.directive);
    first.f.message += `. The file is written for nginx's main level (${names.join(', ')}): it is included inside the ${parent.directive} block of ${nginxPathOfFile(view, parent.file)}:${parent.line}, so ${rest.length} more of its directives fail the same way once this one is fixed (folded into this finding)`;
    first.f.fix = {
      description: `${nginxPathOf(first.p)} looks like a full nginx.conf: mount it at /etc/nginx/nginx.conf instead, or keep only its server blocks (and what belongs in http) in this file.`,
    };
    first.f.related = [
      ...(first.f.related ?? []),
      ...rest.map((g) => ({
        pos: posOf(g.p.d),
        message: `"${g.p.d.directive}" is not allowed here either (same cause)`,
      })),
    ];
  }
  return out;
}

export const nginxDirective: Rule = {
  id: 'nginx-directive',
  severity: 'error',
  title: 'Unknown nginx directive, directive in the wrong context, or wrong argument count',
  check(view) {
    const out = [];
    const tableProblems: { p: PlacedDirective; f: Finding }[] = [];
    // Upstream blocks defined so far, in nginx's reading order.
    const upstreams = new Set<string>();
    for (const p of view.directives) {
      if (p.d.directive === 'upstream' && p.d.block && p.d.args[0] !== undefined) upstreams.add(p.d.args[0]);
      const portProblem = upstreamWithPort(p, upstreams);
      if (portProblem) {
        out.push(
          finding(
            nginxDirective,
            argPosOf(p.d, 0),
            `nginx would exit with: [emerg] ${portProblem.message} in ${nginxPathOf(p)}:${p.d.line}`,
            portProblem.fix,
            proxyService(view),
          ),
        );
      }
      const context = contextOf(p.parents);
      const { version, pinned, guessed, label } = view.nginxVersion;
      for (const problem of versionProblems(p.d, context, version)) {
        const at = `${nginxPathOf(p)}:${p.d.line}`;
        const judged = pinned ? label : `${label}; pin the image's version to be judged against yours`;
        out.push(
          finding(
            nginxDirective,
            problem.argIndex !== undefined ? argPosOf(p.d, problem.argIndex) : posOf(p.d),
            problem.level === 'error'
              ? `nginx would exit with: [emerg] ${problem.message} in ${at} (${problem.why}; judged against ${judged})`
              : `nginx warns: [warn] ${problem.message} in ${at} (${problem.why}; judged against ${judged})`,
            versionFix(p, problem.message),
            {
              ...proxyService(view),
              // nginx starts with a warning; a version read from a tag that names none is a guess: one
              // level lower (the severity policy).
              ...(problem.level === 'warning' || guessed ? { severity: 'warning' as const } : {}),
            },
          ),
        );
      }
      for (const problem of checkDirective(p.d, context, version)) {
        tableProblems.push({
          p,
          f: finding(
            nginxDirective,
            posOf(p.d),
            `nginx would exit with: [emerg] ${problem.message} in ${nginxPathOf(p)}:${p.d.line}`,
            fixFor(p, problem.kind, problem.message),
            proxyService(view),
          ),
        });
      }
    }
    return [...out, ...foldMisplacedMainConfig(view, tableProblems)];
  },
};
