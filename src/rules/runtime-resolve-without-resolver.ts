import type { Fix } from '../core/finding.js';
import { ipFamily } from '../dns/ip.js';
import { insertDirectives } from '../fix/nginx-edit.js';
import type { NginxDirective } from '../nginx/ast.js';
import { editableText, effective, enclosing, nginxPathOf, posOf } from '../project/scope.js';
import type { PlacedDirective, ProjectView, UpstreamRef } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

const RESOLVER = 'resolver 127.0.0.11 valid=10s;';

/** Inserts the resolver at the start of `block`, when the host file still reads as parsed. */
function insertResolver(view: ProjectView, block: NginxDirective): Fix['edits'] {
  const text = editableText(view, block.file);
  if (text?.slice(block.start, block.start + block.directive.length) !== block.directive) return undefined;
  return [insertDirectives(text, block.file, block, [RESOLVER])];
}

function fixFor(view: ProjectView, p: PlacedDirective, upstream: boolean): Fix {
  const mode = view.proxy?.networkMode.kind;
  // 127.0.0.11 is Docker's embedded DNS, present only on user-defined networks.
  if (mode === 'host' || mode === 'bridge' || mode === 'none') {
    return {
      description: `Add a "resolver" with a DNS server the proxy can reach (network_mode: ${mode} has no Docker DNS at 127.0.0.11), e.g. the nameserver from the host's /etc/resolv.conf.`,
    };
  }
  // An upstream block takes its own resolver (nginx 1.27.3+, which `resolve` needs anyway).
  const block = upstream ? enclosing(p, 'upstream') : (enclosing(p, 'server') ?? enclosing(p, 'http'));
  const edits = block ? insertResolver(view, block) : undefined;
  return {
    description: `Add \`${RESOLVER}\` (Docker's embedded DNS) to the ${block?.directive ?? 'http'} block.`,
    ...(edits ? { edits } : {}),
  };
}

function message(ref: UpstreamRef): string {
  const p = ref.directive;
  const where = `${nginxPathOf(p)}:${p.d.line}`;
  if (ref.kind === 'upstream-server') {
    // nginx checks this one at load time (1.27.3+): it refuses to start.
    return `nginx would exit at start: [emerg] no resolver defined to resolve names at run time in upstream "${ref.upstreamName}" in ${where} ("server ${ref.quoted} resolve" needs a "resolver" in the upstream or http block)`;
  }
  const host = ref.host || ref.written;
  return `${p.d.directive} ${p.d.args[0] ?? ''} contains a variable, so nginx resolves "${host}" per request with its own resolver (not /etc/hosts), and none is defined here: every request gets 502 Bad Gateway and the error log says "no resolver defined to resolve ${host}" (${where})`;
}

export const runtimeResolveWithoutResolver: Rule = {
  id: 'runtime-resolve-without-resolver',
  severity: 'warning',
  title: 'A host nginx resolves at request time, with no `resolver` in scope',
  fixable: true,
  check(view) {
    const out = [];
    for (const ref of view.upstreamRefs) {
      if (ref.resolveAt !== 'runtime' || ipFamily(ref.host) !== 0) continue;
      // `http://$target` may name an upstream block at request time; then no resolver is needed.
      if (ref.host === '' && view.upstreamBlocks.size > 0) continue;
      if (effective(view, ref.directive.parents, 'resolver').length) continue;
      const upstream = ref.kind === 'upstream-server';
      out.push(
        finding(
          runtimeResolveWithoutResolver,
          upstream ? ref.pos : posOf(ref.directive.d),
          message(ref),
          fixFor(view, ref.directive, upstream),
          {
            ...proxyService(view),
            ...(upstream ? { severity: 'error' as const } : {}),
          },
        ),
      );
    }
    return out;
  },
};
