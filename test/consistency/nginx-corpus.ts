// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${var}` here is nginx and envsubst syntax, not a template.
/**
 * A seeded generator of random but valid nginx configurations for the differential test against
 * crossplane: quotes (both kinds, escaped quotes, `;{}#` inside), escapes outside quotes, `$var` and
 * `${var}`, `if (...)` parentheses, nested blocks, comments everywhere, odd whitespace, CRLF files,
 * and includes (globs, plain paths, missing files, empty globs, self-includes and cycles).
 */

export interface GeneratedProject {
  /** Relative path → text; `nginx.conf` is the entry. */
  files: Map<string, string>;
}

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'listen',
  'server_name',
  'proxy_pass',
  'proxy_set_header',
  'add_header',
  'return',
  'rewrite',
  'set',
  'root',
  'index',
  'access_log',
  'log_format',
  'x_custom',
  'more_set_headers',
  'gzip',
  'resolver',
  'error_page',
  'try_files',
];
const BLOCKS = ['server', 'location', 'upstream', 'map', 'types', 'limit_except', 'geo', 'custom_block'];
const WORDS = [
  'on',
  'off',
  '80',
  '443',
  'ssl',
  'http://app:8080',
  'https://$host$request_uri',
  '/var/log/x.log',
  'main',
  'a.example.com',
  '*.example.org',
  '~*',
  '^/api/(.*)$',
  '/$1',
  'permanent',
  '127.0.0.11',
  'valid=30s',
  '$remote_addr',
  // Never an unquoted word ending in `}`: crossplane glues it to what follows (exception 3 in
  // crossplane.test.ts), and the corpus must stay fully comparable.
  '${http_host}/path',
  '${upstream}:80',
  'pre${var}post',
  'a\\;b',
  'x\\ y',
  'a\\"b',
  "it's",
  'a#b',
  'é',
  '😀',
  '100%',
  'a"b"',
  '=',
  '404',
  '$$',
];
const QUOTED = [
  'hello world',
  'a;b{c}d',
  '# not a comment',
  "single ' inside",
  '$remote_addr - $remote_user [$time_local]',
  '',
  ' ',
  'tab\tin',
  'back\\\\slash',
  'new\\nline',
  '${x}',
  'é😀',
];

export function generateProject(seed: number): GeneratedProject {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const crlf = chance(0.15);
  const nl = crlf ? '\r\n' : '\n';

  const quote = (s: string): string => {
    const q = chance(0.5) ? '"' : "'";
    return q + s.split(q).join(`\\${q}`) + q;
  };
  const space = (): string => pick([' ', ' ', ' ', '  ', '\t', ' \t ']);
  const comment = (): string =>
    chance(0.15) ? `${space()}# ${pick(['note', 'a;b', '{ }', '"x', 'é'])}` : '';
  const arg = (): string => (chance(0.25) ? quote(pick(QUOTED)) : pick(WORDS));
  const multilineQuoted = (): string => (crlf ? quote('two words') : quote(`line one${nl}line two`));

  const includeTargets = [
    'conf.d/*.conf',
    'snippets/common.conf',
    'missing.conf',
    'empty/*.conf',
    'conf.d/b.conf',
  ];

  const body = (depth: number, indent: string, allowInclude: boolean): string => {
    let out = '';
    const count = 1 + Math.floor(r() * (depth === 0 ? 8 : 5));
    for (let i = 0; i < count; i++) {
      out += chance(0.1) ? nl : '';
      if (chance(0.1)) out += `${indent}# comment ${i}${nl}`;
      const kind = r();
      if (allowInclude && kind < 0.1) {
        out += `${indent}include${space()}${pick(includeTargets)};${comment()}${nl}`;
      } else if (depth < 4 && kind < 0.35) {
        const name = pick(BLOCKS);
        const args = name === 'location' ? [pick(['/', '=', '~']), pick(['/api/', '"^/a{1,3}$"', '/x'])] : [];
        if (name === 'upstream' || name === 'custom_block') args.push(pick(['backend', 'u1']));
        const head = [name, ...args].join(space());
        out += `${indent}${head}${space()}{${comment()}${nl}${body(depth + 1, `${indent}  `, allowInclude)}${indent}}${comment()}${nl}`;
      } else if (depth < 4 && kind < 0.42) {
        const cond = pick([
          '($a = b)',
          '( $http_x ~* "y z" )',
          '($var)',
          '(-f $request_filename)',
          '($a != "")',
        ]);
        out += `${indent}if${space()}${cond}${space()}{${nl}${body(depth + 1, `${indent}  `, false)}${indent}}${nl}`;
      } else {
        const name = pick(NAMES);
        const n = Math.floor(r() * 4);
        const args: string[] = [];
        for (let k = 0; k < n; k++) args.push(chance(0.05) ? multilineQuoted() : arg());
        const sep = chance(0.1) ? `${nl}${indent}    ` : space();
        const argsComment = chance(0.05) && args.length ? `${space()}# mid${nl}${indent}  ` : '';
        out += `${indent}${[name, ...args].join(sep)}${argsComment}${chance(0.2) ? '' : space().trim()};${comment()}${nl}`;
      }
    }
    return out;
  };

  const files = new Map<string, string>();
  files.set(
    'nginx.conf',
    `worker_processes 1;${nl}events { worker_connections 16; }${nl}http {${nl}${body(1, '  ', true)}}${nl}`,
  );
  if (chance(0.8)) files.set('conf.d/a.conf', body(1, '', chance(0.3)));
  if (chance(0.6)) files.set('conf.d/b.conf', body(1, '', chance(0.3)));
  if (chance(0.5)) files.set('snippets/common.conf', body(2, '', false));
  if (chance(0.1)) files.set('conf.d/self.conf', `include conf.d/self.conf;${nl}`);
  return { files };
}
