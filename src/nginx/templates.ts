import path from 'node:path';

/**
 * The official nginx image's /docker-entrypoint.d/20-envsubst-on-templates.sh, statically.
 *
 * At start the image renders every file under $NGINX_ENVSUBST_TEMPLATE_DIR (default
 * /etc/nginx/templates) whose name ends in $NGINX_ENVSUBST_TEMPLATE_SUFFIX (default .template) into
 * $NGINX_ENVSUBST_OUTPUT_DIR (default /etc/nginx/conf.d), keeping subdirectories and dropping the suffix.
 * It runs `envsubst "$defined_envs"`: only variables that are defined in the container environment
 * (and whose names match $NGINX_ENVSUBST_FILTER, a regex, when set) are replaced, in both `$NAME`
 * and `${NAME}` forms, so nginx's own `$host`, `$remote_addr` … survive unless the environment
 * happens to define a variable of that exact (case-sensitive) name.
 */

export const TEMPLATE_DIR = '/etc/nginx/templates';
export const TEMPLATE_SUFFIX = '.template';
export const TEMPLATE_OUTPUT_DIR = '/etc/nginx/conf.d';

export type Environment = Readonly<Record<string, string | undefined>>;

/** The variables envsubst will replace: those defined in `env`, filtered by NGINX_ENVSUBST_FILTER. */
export function substitutedNames(env: Environment): Set<string> {
  const filter = env.NGINX_ENVSUBST_FILTER;
  let re: RegExp | undefined;
  if (filter) {
    try {
      re = new RegExp(filter);
    } catch {
      re = undefined; // awk would fail on it too; then nothing is filtered out
    }
  }
  const names = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (re && !re.test(name)) continue;
    names.add(name);
  }
  return names;
}

/**
 * envsubst with a variable list: `$NAME` (the longest name that follows `$`) and `${NAME}` are replaced
 * when NAME is in the list; everything else, including `${NAME:-default}`, stays as written.
 */
export function renderTemplate(text: string, env: Environment): string {
  const names = substitutedNames(env);
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (whole, braced, bare) => {
      const name: string = braced ?? bare;
      return names.has(name) ? (env[name] ?? '') : whole;
    },
  );
}

/** Where a template lands in the container, or undefined when the entrypoint ignores the file. */
export function templateOutputPath(templateContainerPath: string, env: Environment = {}): string | undefined {
  const dir = path.posix.normalize(env.NGINX_ENVSUBST_TEMPLATE_DIR || TEMPLATE_DIR).replace(/\/$/, '');
  const suffix = env.NGINX_ENVSUBST_TEMPLATE_SUFFIX || TEMPLATE_SUFFIX;
  const out = path.posix.normalize(env.NGINX_ENVSUBST_OUTPUT_DIR || TEMPLATE_OUTPUT_DIR).replace(/\/$/, '');
  if (!templateContainerPath.startsWith(`${dir}/`) || !templateContainerPath.endsWith(suffix))
    return undefined;
  const relative = templateContainerPath.slice(dir.length + 1, templateContainerPath.length - suffix.length);
  if (!relative || relative.endsWith('/')) return undefined;
  return `${out}/${relative}`;
}
