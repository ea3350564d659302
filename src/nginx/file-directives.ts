// Which directives name a file nginx opens, and when their argument is one: one list for the view (which
// mounts must be files) and the rules (a file that is not in the container).
import type { NginxDirective } from './ast.js';

/** Directives whose first argument is a file nginx opens (at start, or per request for auth_basic_user_file). */
export const FILE_DIRECTIVES = [
  'include',
  'ssl_certificate',
  'ssl_certificate_key',
  'ssl_trusted_certificate',
  'ssl_client_certificate',
  'ssl_dhparam',
  'ssl_crl',
  'ssl_password_file',
  'ssl_stapling_file',
  'auth_basic_user_file',
  'proxy_ssl_certificate',
  'proxy_ssl_certificate_key',
  'proxy_ssl_trusted_certificate',
] as const;

export type FileDirective = (typeof FILE_DIRECTIVES)[number];

const FILE_DIRECTIVE_NAMES: ReadonlySet<string> = new Set(FILE_DIRECTIVES);

/**
 * The file a directive names, as written (relative paths are from /etc/nginx). Undefined when it names none:
 * another directive, a variable (evaluated per request or handshake), a `data:` or `engine:` key, or `off`.
 */
export function fileArgument(d: NginxDirective): string | undefined {
  const arg = d.args[0];
  if (!FILE_DIRECTIVE_NAMES.has(d.directive) || arg === undefined) return undefined;
  if (arg.includes('$') || arg.startsWith('data:') || arg.startsWith('engine:') || arg === 'off')
    return undefined;
  return arg;
}
