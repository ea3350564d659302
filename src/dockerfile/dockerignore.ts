// The build context's .dockerignore: the paths docker build never sends, so no COPY can put them into the
// image. Matching is @balena/dockerignore, a port of moby's own (`**`, `!` exceptions where the last
// matching line wins, a leading `/`, `#` comments, a pattern that names a directory excluding its tree).
import path from 'node:path';
import dockerignore from '@balena/dockerignore';

export interface ContextIgnore {
  /** The ignore file that applies. */
  file: string;
  /** Whether a path relative to the context root (`/`-separated) is left out of the context. */
  excludes(relPath: string): boolean;
}

/**
 * The ignore files that may apply, first wins: `<Dockerfile>.dockerignore` beside the Dockerfile
 * (BuildKit prefers it), then `.dockerignore` at the context root.
 */
export function dockerignoreCandidates(dockerfile: string, contextDir: string): string[] {
  return [`${dockerfile}.dockerignore`, path.join(contextDir, '.dockerignore')];
}

export function parseDockerignore(file: string, text: string): ContextIgnore {
  // The package sets `factory.default = factory` for ESM callers; its types describe that default.
  const matcher = dockerignore.default().add(text.split(/\r?\n/));
  return { file, excludes: (relPath) => relPath !== '' && matcher.ignores(relPath) };
}
