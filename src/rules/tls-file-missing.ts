import path from 'node:path';
import { type FileDirective, fileArgument } from '../nginx/file-directives.js';
import { resolveNginxPath } from '../nginx/paths.js';
import { pairsToGenerate } from '../project/endpoints.js';
import { argPosOf, directivesNamed, nginxPathOf } from '../project/scope.js';
import type { PlacedDirective, ProjectView } from '../project/view.js';
import { finding, type Rule } from './rule.js';

const ENOENT = 'SSL: error:80000002:system library::No such file or directory';

const NO_CERT = 'SSL: error:05800088:x509 certificate routines::no certificate or crl found';

/**
 * nginx's own complaint for the file directives this rule checks (`isDir`: what it says when it finds a
 * directory there, as measured on nginx 1.22.1 and 1.26.3 with OpenSSL 3), and whether it stops nginx at start.
 */
const NGINX_SAYS: Partial<
  Record<FileDirective, { says: (p: string) => string; isDir?: (p: string) => string; atStart: boolean }>
> = {
  ssl_certificate: {
    says: (p) => `cannot load certificate "${p}": BIO_new_file() failed (${ENOENT})`,
    isDir: (p) =>
      `cannot load certificate "${p}": PEM_read_bio_X509_AUX() failed (SSL: error:0480006C:PEM routines::no start line:Expecting: TRUSTED CERTIFICATE)`,
    atStart: true,
  },
  ssl_certificate_key: {
    says: (p) => `cannot load certificate key "${p}": BIO_new_file() failed (${ENOENT})`,
    isDir: (p) =>
      `cannot load certificate key "${p}": PEM_read_bio_PrivateKey() failed (SSL: error:1E08010C:DECODER routines::unsupported:No supported data to decode. Input type: PEM)`,
    atStart: true,
  },
  ssl_trusted_certificate: {
    says: (p) => `SSL_CTX_load_verify_locations("${p}") failed (${ENOENT})`,
    isDir: (p) => `SSL_CTX_load_verify_locations("${p}") failed (${NO_CERT})`,
    atStart: true,
  },
  ssl_client_certificate: {
    says: (p) => `SSL_CTX_load_verify_locations("${p}") failed (${ENOENT})`,
    isDir: (p) => `SSL_CTX_load_verify_locations("${p}") failed (${NO_CERT})`,
    atStart: true,
  },
  ssl_dhparam: {
    says: (p) => `BIO_new_file("${p}") failed (${ENOENT})`,
    isDir: (p) =>
      `PEM_read_bio_DHparams("${p}") failed (SSL: error:0480006C:PEM routines::no start line:Expecting: DH PARAMETERS)`,
    atStart: true,
  },
  auth_basic_user_file: {
    says: (p) => `open() "${p}" failed (2: No such file or directory)`,
    atStart: false,
  },
};

/** Paths under a named volume or tmpfs have contents we cannot see; a built proxy image may carry its own files. */
function unknowable(view: ProjectView, containerPath: string): boolean {
  const proxy = view.proxy;
  if (!proxy) return true;
  const covering = view.containerFs?.mountAt(containerPath);
  if (covering) return covering.type !== 'bind';
  return proxy.build !== undefined;
}

function hostOf(view: ProjectView, containerPath: string): string {
  return view.containerFs?.hostPathOf(containerPath) ?? containerPath;
}

function check(view: ProjectView, p: PlacedDirective, generated: ReadonlySet<string>) {
  const spec = NGINX_SAYS[p.d.directive as FileDirective];
  const value = fileArgument(p.d);
  if (!spec || value === undefined || !view.containerFs) return undefined;
  const containerPath = resolveNginxPath(value);
  if (view.containerFs.file(containerPath) || unknowable(view, containerPath)) return undefined;
  const proxy = view.proxy!.name;
  const where = `${nginxPathOf(p)}:${p.d.line}`;
  if (generated.has(containerPath)) {
    // The caller says a later `up --tls` makes this file: not an error now, but still worth a line.
    return finding(
      tlsFileMissing,
      argPosOf(p.d, 0),
      `${containerPath} is not there yet (${p.d.directive} in ${where}); up --tls ${view.tlsGenerated} will generate a self-signed pair at ${path.relative(view.cwd, hostOf(view, containerPath))} before nginx starts`,
      'Nothing to do for a test run; for a real deployment mount the real certificate and key.',
      { service: proxy, severity: 'note' },
    );
  }
  if (spec.isDir && view.containerFs.directoryAtStart(containerPath)) {
    return finding(
      tlsFileMissing,
      argPosOf(p.d, 0),
      `nginx would exit at start: [emerg] ${spec.isDir(containerPath)} (${p.d.directive} in ${where}); ${containerPath} is a directory in "${proxy}": docker compose creates one when a bind mount's source is missing`,
      `Put the file at the bind mount's source before \`docker compose up\` (and delete the empty directory compose left there), or correct the path.`,
      { service: proxy },
    );
  }
  const message = spec.atStart
    ? `nginx would exit at start: [emerg] ${spec.says(containerPath)} (${p.d.directive} in ${where}); no mount of "${proxy}" and no file of its image provides ${containerPath}`
    : `${containerPath} is not in the "${proxy}" container (${p.d.directive} in ${where}); nginx starts, but every request to this location gets 500 Internal Server Error and the log says: [crit] ${spec.says(containerPath)}`;
  return finding(
    tlsFileMissing,
    argPosOf(p.d, 0),
    message,
    `Mount the file into "${proxy}", e.g. add \`- ./${path.posix.basename(containerPath)}:${containerPath}:ro\` to services.${proxy}.volumes (or mount its directory), or correct the path.`,
    { service: proxy },
  );
}

export const tlsFileMissing: Rule = {
  id: 'tls-file-missing',
  severity: 'error',
  title: 'A certificate, key, dhparam or htpasswd file that is not in the proxy container',
  check(view) {
    if (!view.proxy) return [];
    const generated = new Set(
      view.tlsGenerated ? pairsToGenerate(view).flatMap((pair) => [pair.cert, pair.key]) : [],
    );
    return directivesNamed(view, ...Object.keys(NGINX_SAYS))
      .map((p) => check(view, p, generated))
      .filter((f) => f !== undefined);
  },
};
