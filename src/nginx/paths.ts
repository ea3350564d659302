import path from 'node:path';

/** Where the official nginx image keeps its configuration: declared once for the view, the templates and the rules. */
export const NGINX_PREFIX = '/etc/nginx';
export const NGINX_MAIN = `${NGINX_PREFIX}/nginx.conf`;
/** The folder the image's nginx.conf includes (`conf.d/*.conf`), and where templates render by default. */
export const CONF_D = `${NGINX_PREFIX}/conf.d`;
/** The official image's envsubst input folder. */
export const TEMPLATES_DIR = `${NGINX_PREFIX}/templates`;

/** Whether a container path is /etc/nginx or inside it (not /etc/nginx-extra). */
export function isUnderNginxPrefix(containerPath: string): boolean {
  return containerPath === NGINX_PREFIX || containerPath.startsWith(`${NGINX_PREFIX}/`);
}

/** A path as nginx resolves it: relative paths (certificates, includes) are taken from its prefix, /etc/nginx. */
export function resolveNginxPath(value: string): string {
  return path.posix.resolve(NGINX_PREFIX, value);
}
