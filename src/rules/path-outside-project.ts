import type { Finding } from '../core/finding.js';
import { finding, type Rule } from './rule.js';

/**
 * A reference (bind mount source, include, extends.file, env_file, COMPOSE_FILE entry) whose real path
 * lies outside the project root. On a pull request those files are the runner's, not the project's:
 * they are not read, so what depends on them is not analysed, and this note says so at the reference.
 */
export const pathOutsideProject: Rule = {
  id: 'path-outside-project',
  severity: 'note',
  title: 'A referenced path lies outside the project root and was not analysed',
  check(view) {
    const out: Finding[] = [];
    for (const o of view.boundary.outside) {
      const shown = o.real === o.path ? o.path : `${o.path} (${o.real})`;
      out.push(
        finding(
          pathOutsideProject,
          o.ref,
          `${o.what} ${shown} is outside the project root ${view.boundary.root}: not read, so it was not analysed`,
          `If the files there belong to the analysis, pass --allow-path ${o.real} (action input allow-paths); otherwise nothing to do.`,
        ),
      );
    }
    return out;
  },
};
