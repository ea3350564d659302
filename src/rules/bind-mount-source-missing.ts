import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding, Severity } from '../core/finding.js';
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
        const created = `./${rel.split(path.sep).join('/')}`;
        // Short syntax: compose creates the source as an empty directory. That breaks the service only
        // where a file is expected or nginx's config comes from; runtime data folders are meant to be created.
        const needsFile = m.short ? view.mountNeed(service, m) : 'compose refuses the mount';
        let message: string;
        let severity: Severity;
        if (!m.short) {
          message = `bind source "${shown}" does not exist: docker compose up fails with "invalid mount config for type \\"bind\\": bind source path does not exist: ${m.hostPath}"`;
          severity = 'error';
        } else if (needsFile) {
          message = `bind source "${shown}" does not exist: docker compose creates an empty directory at ${m.hostPath} and mounts it at ${m.target}, but "${service.name}" needs ${needsFile.startsWith('nginx reads') || needsFile.endsWith('configuration') ? 'what is there' : 'a file there'} (${needsFile}); it fails, with "not a directory" when the image has a file there`;
          severity = 'error';
        } else {
          message = `bind source "${shown}" does not exist: docker compose creates it as an empty directory on the first up and mounts it at ${m.target}; fine for a data or log folder, but if "${service.name}" expects files there, they are missing`;
          severity = 'note';
        }
        // Outside the project the source may exist on the deployment host: one level lower, saying so.
        if (!inProject && severity !== 'note') severity = 'warning';
        out.push(
          finding(
            bindMountSourceMissing,
            m.pos,
            inProject ? message : `${message} (checked on this machine; it may exist on the deployment host)`,
            severity === 'note'
              ? `Nothing to do if ${m.target} is a data folder (add ${inProject ? created : m.hostPath} to .gitignore, or create it with a .gitkeep); otherwise correct the source path.`
              : `Create ${inProject ? created : m.hostPath} before starting, or correct the source path${m.short ? '; a file mount of a missing file is never what you want' : ''}.`,
            { service: service.name, ...(severity !== 'error' ? { severity } : {}) },
          ),
        );
      }
    }
    return out;
  },
};
