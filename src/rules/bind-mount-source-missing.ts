import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../core/finding.js';
import { finding, type Rule } from './rule.js';

export const bindMountSourceMissing: Rule = {
  id: 'bind-mount-source-missing',
  severity: 'error',
  title: 'A bind mount source that does not exist on the host',
  check(view) {
    const out: Finding[] = [];
    const projectDir = view.compose.projectDir;
    for (const service of view.compose.services) {
      if (!service.active) continue;
      for (const m of service.volumes) {
        if (m.type !== 'bind' || m.hostPath === undefined || existsSync(m.hostPath)) continue;
        const rel = path.relative(projectDir, m.hostPath);
        const inProject = !rel.startsWith('..') && !path.isAbsolute(rel);
        const shown = m.source ?? m.hostPath;
        const message = m.short
          ? `bind source "${shown}" does not exist: docker compose creates an empty directory at ${m.hostPath} and mounts it at ${m.target}, so "${service.name}" sees a directory where it expects ${/\.[a-z0-9]+$/i.test(m.target) ? 'a file (and fails with "not a directory" if the image has a file there)' : 'your files'}`
          : `bind source "${shown}" does not exist: docker compose up fails with "invalid mount config for type \\"bind\\": bind source path does not exist: ${m.hostPath}"`;
        out.push(
          finding(
            bindMountSourceMissing,
            m.pos,
            inProject ? message : `${message} (checked on this machine; it may exist on the deployment host)`,
            `Create ${inProject ? `./${rel.split(path.sep).join('/')}` : m.hostPath} before starting, or correct the source path${m.short ? '; a file mount of a missing file is never what you want' : ''}.`,
            { service: service.name, ...(inProject ? {} : { severity: 'warning' as const }) },
          ),
        );
      }
    }
    return out;
  },
};
