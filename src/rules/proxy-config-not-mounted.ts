import path from 'node:path';
import type { Mount } from '../compose/model.js';
import type { Finding } from '../core/finding.js';
import { addToServiceKey, fixWith } from '../fix/yaml-edit.js';
import { CONF_D, isUnderNginxPrefix, NGINX_PREFIX } from '../nginx/paths.js';
import type { ProjectView } from '../project/view.js';
import { finding, generatedAtStart, type Rule } from './rule.js';

const CONFIG_NAME = /\.conf(\.template)?$/;

function relativeSource(view: ProjectView, hostPath: string): string {
  const rel = path.relative(view.compose.projectDir, hostPath).split(path.sep).join('/');
  return rel.startsWith('..') || path.isAbsolute(rel) ? hostPath : `./${rel}`;
}

/** Where the official image picks a file up: templates are rendered into conf.d, the rest is read from there. */
function mountTargetFor(view: ProjectView, hostPath: string): string {
  const name = path.basename(hostPath);
  if (name.endsWith('.template')) return `/etc/nginx/templates/${name}`;
  return view.index.filesByHost.get(hostPath)?.containerPath ?? path.posix.join(CONF_D, name);
}

function isRead(view: ProjectView, hostPath: string): boolean {
  return (view.nginx?.files ?? []).some(
    (f) => f.file === hostPath || f.file.startsWith(`${hostPath}${path.sep}`),
  );
}

/** Config files a mount brings under /etc/nginx that no include of the loaded configuration reaches. */
function unreachedMounts(view: ProjectView): { mount: Mount; files: string[] }[] {
  const out: { mount: Mount; files: string[] }[] = [];
  for (const m of view.proxy?.volumes ?? []) {
    if (m.type !== 'bind' || !m.hostPath || !(isUnderNginxPrefix(m.target) && m.target !== NGINX_PREFIX))
      continue;
    // The view's answer, through the boundary: a mount from outside the project is not listed.
    const kind = view.containerFs?.hostKind(m.target);
    if (kind === 'file') {
      if (CONFIG_NAME.test(m.hostPath) && !isRead(view, m.hostPath))
        out.push({ mount: m, files: [m.hostPath] });
    } else if (kind === 'dir') {
      const fs = view.containerFs!;
      const files = fs
        .filesUnder(m.target, 1)
        .filter((p) => CONFIG_NAME.test(p))
        .flatMap((p) => fs.hostPathOf(p) ?? []);
      // A directory of snippets is fine while anything in it is used; a wholly unread one is a mistake.
      if (files.length && !files.some((f) => isRead(view, f))) out.push({ mount: m, files });
    }
  }
  return out;
}

function includedPatterns(view: ProjectView): string[] {
  return [
    ...new Set(view.directives.filter((p) => p.d.directive === 'include').map((p) => p.d.args[0] ?? '')),
  ].filter((p) => p && !/mime\.types$|_params$/.test(p));
}

export const proxyConfigNotMounted: Rule = {
  id: 'proxy-config-not-mounted',
  severity: 'error',
  title: 'The nginx configuration is not mounted where the proxy loads it',
  fixable: true,
  check(view) {
    const proxy = view.proxy;
    if (!proxy) return [];
    const out: Finding[] = [];
    const atStart = generatedAtStart(view);
    const lines = view.unmountedConfigs.map(
      (u) => `${relativeSource(view, u.hostPath)}:${mountTargetFor(view, u.hostPath)}:ro`,
    );
    const edit = lines.length
      ? addToServiceKey(
          proxy.pos.file,
          proxy.name,
          'volumes',
          lines.map((l) => ({ item: l, mapKey: l })),
        )
      : undefined;
    view.unmountedConfigs.forEach((u, i) => {
      const target = mountTargetFor(view, u.hostPath);
      const replaced = view.containerFs?.file(
        target.replace('/templates/', '/conf.d/').replace(/\.template$/, ''),
      );
      const instead =
        target.endsWith('/nginx.conf') || replaced
          ? `its image's own ${target.replace(/\.template$/, '').replace('/templates/', '/conf.d/')}`
          : "its image's default configuration";
      out.push(
        finding(
          proxyConfigNotMounted,
          proxy.pos,
          `${relativeSource(view, u.hostPath)} is never mounted into "${proxy.name}": nginx in the container loads ${instead} instead, so none of this file's settings apply${atStart?.message ?? ''}`,
          fixWith(`Mount it: add \`- ${lines[i]}\` to services.${proxy.name}.volumes.`, edit),
          {
            service: proxy.name,
            ...(atStart ? { severity: atStart.severity } : {}),
            related: [
              {
                pos: { file: u.hostPath, line: 1, column: 1 },
                message: 'the configuration that is not mounted',
              },
              ...(atStart?.related ?? []),
            ],
          },
        ),
      );
    });
    if (view.nginx?.files.length) {
      const patterns = includedPatterns(view);
      for (const { mount, files } of unreachedMounts(view)) {
        const isDir = files.length > 1 || files[0] !== mount.hostPath;
        const suggestion = isDir
          ? CONF_D
          : path.posix.join(CONF_D, path.basename(mount.hostPath!).replace(/\.template$/, ''));
        out.push(
          finding(
            proxyConfigNotMounted,
            mount.pos,
            `${mount.source ?? mount.hostPath} is mounted at ${mount.target}, but nginx never reads ${isDir ? 'any config file there' : 'that file'}: the loaded configuration includes only ${patterns.length ? patterns.join(', ') : 'no other files'}${atStart?.message ?? ''}`,
            `Mount it where an include reaches it, e.g. \`- ${mount.source ?? mount.hostPath}:${suggestion}${mount.readOnly ? ':ro' : ''}\`, or add an include for ${mount.target}${isDir ? '/*.conf' : ''} to nginx.conf.`,
            {
              service: proxy.name,
              ...(atStart ? { severity: atStart.severity, related: atStart.related } : {}),
            },
          ),
        );
      }
    }
    return out;
  },
};
