import { argPosOf, directivesNamed } from '../project/scope.js';
import { type CaptureSource, splitValue, variableTaint } from '../project/variable-taint.js';
import type { PlacedDirective } from '../project/view.js';
import { finding, proxyService, type Rule } from './rule.js';

const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);
const URI_SUBJECT = { user: true, newline: true, cr: true, slashFirst: true };

/** The argument of a directive that ends up in a response or upstream request header, if any. */
function headerArg(
  p: PlacedDirective,
): { index: number; what: string; upstream?: boolean; innermost?: CaptureSource } | undefined {
  const { directive, args } = p.d;
  switch (directive) {
    case 'add_header':
    case 'add_trailer':
      return args.length >= 2 ? { index: 1, what: `the "${args[0]}" header` } : undefined;
    case 'proxy_set_header':
    case 'grpc_set_header':
      return args.length >= 2 ? { index: 1, what: `the "${args[0]}" header`, upstream: true } : undefined;
    case 'return':
      if (args.length >= 2 && REDIRECT_CODES.has(args[0]!)) return { index: 1, what: 'the Location header' };
      if (args.length === 1 && !/^\d+$/.test(args[0]!)) return { index: 0, what: 'the Location header' };
      return undefined;
    case 'rewrite': {
      const [pattern, replacement, flag] = args;
      if (pattern === undefined || replacement === undefined) return undefined;
      const redirect =
        flag === 'redirect' || flag === 'permanent' || /^(https?:\/\/|\$scheme)/.test(replacement);
      return redirect
        ? {
            index: 1,
            what: 'the Location header',
            innermost: { pattern, subject: URI_SUBJECT, icase: false },
          }
        : undefined;
    }
    case 'proxy_pass':
      return args[0]?.includes('$')
        ? { index: 0, what: 'the request line sent upstream', upstream: true }
        : undefined;
    default:
      return undefined;
  }
}

export const httpSplitting: Rule = {
  id: 'http-splitting',
  severity: 'warning',
  title: 'A variable that may contain CR/LF reaches a header or redirect (HTTP response splitting)',
  check(view) {
    const out = [];
    for (const p of directivesNamed(
      view,
      'add_header',
      'add_trailer',
      'proxy_set_header',
      'grpc_set_header',
      'return',
      'rewrite',
      'proxy_pass',
    )) {
      const sink = headerArg(p);
      const value = sink ? p.d.args[sink.index] : undefined;
      if (!sink || value === undefined || !value.includes('$')) continue;
      const bad = [
        ...new Set(
          splitValue(value)
            .filter((part) => {
              if (part.kind !== 'var') return false;
              const t = variableTaint(view, p, part.name, 0, sink.innermost);
              // A lone CR ends a header line for some clients, but not for the upstream's request parser.
              return t.newline || (!sink.upstream && t.cr);
            })
            .map((part) => `$${(part as { name: string }).name}`),
        ),
      ];
      if (bad.length === 0) continue;
      out.push(
        finding(
          httpSplitting,
          argPosOf(p.d, sink.index),
          `${p.d.directive} puts ${bad.join(', ')} into ${sink.what}; nginx decodes %0D%0A there into CR/LF, so a request can inject headers or a whole response (HTTP splitting).`,
          'Use a variable nginx does not decode: $request_uri instead of $uri/$document_uri, or a regex capture that excludes line breaks (e.g. "([^\\r\\n]*)" or "([a-z0-9_-]+)") instead of "[^/]*" or "\\s".',
          proxyService(view),
        ),
      );
    }
    return out;
  },
};
