import path from 'node:path';
import type { Mount } from '../compose/model.js';
import type { Finding } from '../core/finding.js';
import { addToServiceKey, fixWith } from '../fix/yaml-edit.js';
import { CONF_D, isUnderNginxPrefix, NGINX_PREFIX } from '../nginx/paths.js';
import { isConfigName, renderedPath } from '../nginx/templates.js';
import type { ProjectView } from '../project/view.js';
import { finding, generatedAtStart, type Rule } from './rule.js';

function relativeSource(view: ProjectView, hostPath: string): string {
  const rel = path.relative(view.compose.projectDir, hostPath).split(path.sep).join('/');
  return rel.startsWith('..') || path.isAbsolute(rel) ? hostPath : `./${rel}`;
}

/** Where the official image picks a file up: templates in the proxy's template folder (rendered from there), the rest in conf.d. */
function mountTargetFor(view: ProjectView, hostPath: string): string {
  const name = path.basename(hostPath);
  if (name.endsWith(view.templates.suffix)) return path.posix.join(view.templates.dir, name);
  return view.index.filesByHost.get(hostPath)?.containerPath ?? path.posix.join(CONF_D, name);
}

function isRead(view: ProjectView, hostPath: string): boolean {
  return (view.nginx?.files ?? []).some(
    (f) => f.file === hostPath || f.file.startsWith(`${hostPath}${path.sep}`),
  );
}

interface UnreachedMount {
  mount: Mount;
  /** Host files of the config files it brings in. */
  files: string[];
  isDir: boolean;
  /** Where the entrypoint renders them, when they are templates: what an include would have to reach. */
  renderedTo?: string;
}

/** Config files a mount brings under /etc/nginx that no include of the loaded configuration reaches. */
function unreachedMounts(view: ProjectView): UnreachedMount[] {
  const out: UnreachedMount[] = [];
  for (const m of view.proxy?.volumes ?? []) {
    if (m.type !== 'bind' || !m.hostPath || !(isUnderNginxPrefix(m.target) && m.target !== NGINX_PREFIX))
      continue;
    // The view's answer, through the boundary: a mount from outside the project is not listed.
    const kind = view.containerFs?.hostKind(m.target);
    if (kind === 'file') {
      if (isConfigName(m.hostPath, view.templates) && !isRead(view, m.hostPath)) {
        const renderedTo = renderedPath(m.target, view.templates);
        out.push({ mount: m, files: [m.hostPath], isDir: false, ...(renderedTo ? { renderedTo } : {}) });
      }
    } else if (kind === 'dir') {
      const fs = view.containerFs!;
      const configs = fs.filesUnder(m.target, 1).filter((p) => isConfigName(p, view.templates));
      const files = configs.flatMap((p) => fs.hostPathOf(p) ?? []);
      // A directory of snippets is fine while anything in it is used; a wholly unread one is a mistake.
      if (files.length && !files.some((f) => isRead(view, f))) {
        const rendered = configs.flatMap((p) => renderedPath(p, view.templates) ?? []);
        const renderedTo = rendered[0] && path.posix.join(path.posix.dirname(rendered[0]), '*.conf');
        out.push({ mount: m, files, isDir: true, ...(renderedTo ? { renderedTo } : {}) });
      }
    }
  }
  return out;
}

/** Where to mount an unreached file or folder so that the image's nginx.conf reads it (rendered first, for templates). */
function suggestedTarget(view: ProjectView, u: UnreachedMount): string {
  if (!u.isDir) return mountTargetFor(view, u.mount.hostPath!);
  return u.files.every((f) => f.endsWith(view.templates.suffix)) ? view.templates.dir : CONF_D;
}

/** What the finding says about an unreached mount, and what to do. */
function unreachedWording(view: ProjectView, u: UnreachedMount): { where: string; advice: string } {
  const { mount, isDir, renderedTo } = u;
  const source = mount.source ?? mount.hostPath!;
  const what = isDir ? 'any config file there' : 'that file';
  // Mounting a rendered template elsewhere changes nothing: the folder it is rendered into needs the include.
  if (renderedTo)
    return {
      where: `${source} is mounted at ${mount.target} and the image renders it to ${renderedTo}, but nginx never reads ${what}`,
      advice: `Add an include for ${renderedTo} to nginx.conf.`,
    };
  return {
    where: `${source} is mounted at ${mount.target}, but nginx never reads ${what}`,
    advice: `Mount it where an include reaches it, e.g. \`- ${source}:${suggestedTarget(view, u)}${mount.readOnly ? ':ro' : ''}\`, or add an include for ${mount.target}${isDir ? '/*.conf' : ''} to nginx.conf.`,
  };
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
      // What nginx would read there: the file itself, or what the entrypoint renders from it.
      const readAt = renderedPath(target, view.templates) ?? target;
      const instead =
        target.endsWith('/nginx.conf') || view.containerFs?.fileWithout(readAt, u.hostPath)
          ? `its image's own ${readAt}`
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
      for (const u of unreachedMounts(view)) {
        const { where, advice } = unreachedWording(view, u);
        out.push(
          finding(
            proxyConfigNotMounted,
            u.mount.pos,
            `${where}: the loaded configuration includes only ${patterns.length ? patterns.join(', ') : 'no other files'}${atStart?.message ?? ''}`,
            advice,
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
