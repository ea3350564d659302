// The checks on what the caller named (not on the project): their errors use the caller's own words, a CLI flag
// or an action input, so that an action user is never told about `--nginx`.
import path from 'node:path';
import type { ComposeModel } from './compose/model.js';
import { InputError } from './core/errors.js';
import type { ProjectFiles } from './core/project-files.js';

export interface InputNames {
  composeFiles: string;
  envFiles: string;
  nginxFiles: string;
  proxyService: string;
  config: string;
  allowPaths: string;
}

export const CLI_INPUT_NAMES: InputNames = {
  composeFiles: '--compose',
  envFiles: '--env-file',
  nginxFiles: '--nginx',
  proxyService: '--proxy-service',
  config: '--config',
  allowPaths: '--allow-path',
};
export const ACTION_INPUT_NAMES: InputNames = {
  composeFiles: 'compose-file',
  envFiles: 'env-file',
  nginxFiles: 'nginx-config',
  proxyService: 'proxy-service',
  config: 'config',
  allowPaths: 'allow-paths',
};

/**
 * The aws action's name for an option of `stackgate aws`: its input of the same words, without "--";
 * undefined for `allow-ssh-from-anywhere`, which the action deliberately does not offer.
 */
export function awsActionOptionName(option: string): string | undefined {
  return option === 'allow-ssh-from-anywhere' ? undefined : option;
}

/** Each named nginx file exists inside the boundary and is a regular file. */
export function checkNginxFiles(
  boundary: ProjectFiles,
  cwd: string,
  files: readonly string[],
  name: string,
): void {
  for (const f of files) {
    const where = boundary.locate(path.resolve(cwd, f));
    if (where.kind === 'missing') throw new InputError(`${name} ${f}: no such file (relative to ${cwd})`);
    if (where.kind === 'outside')
      throw new InputError(boundary.outsideMessage(where.path, where.real ?? where.path, name));
    if (where.kind !== 'file')
      throw new InputError(`${name} ${f}: not a regular file; name an nginx config file`);
  }
}

/** The named proxy service is one of the project's. */
export function checkProxyService(compose: ComposeModel, cwd: string, service: string, name: string): void {
  if (compose.services.some((s) => s.name === service)) return;
  throw new InputError(
    `${name} ${service}: no such service in ${compose.files.map((f) => path.relative(cwd, f)).join(', ')} (services: ${compose.services.map((s) => s.name).join(', ') || 'none'})`,
  );
}
