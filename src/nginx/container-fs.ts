import type { TemplateSource } from './templates.js';

/**
 * The filesystem nginx sees inside its container: the proxy service's bind mounts laid over the
 * image's own files. Include resolution reads only through this, so it never touches a path the
 * container would not have.
 */
export type ContainerFile =
  | {
      kind: 'host';
      containerPath: string;
      hostPath: string;
      /** What nginx reads when it differs from the host file (a rendered template). */
      text?: string;
      /**
       * For a rendered template: the template's container path, and the host file as written, to which
       * positions are mapped back.
       */
      template?: { containerPath: string; source: TemplateSource };
    }
  | {
      kind: 'builtin';
      containerPath: string;
      text: string;
      /** How findings name it (`image:/etc/nginx/nginx.conf`); default: the container path. */
      label?: string;
    };

/** How findings name a file of the proxy's image: never a host path, so nothing re-reads the host's copy. */
export function imageLabel(containerPath: string): string {
  return `image:${containerPath}`;
}

export interface ContainerFs {
  /** The file at an absolute container path, or undefined when neither a mount nor the image has it. */
  file(containerPath: string): ContainerFile | undefined;
  /** Container paths matching a glob (`*`, `?`, `[...]` in the last segments), sorted as nginx sorts them. */
  glob(pattern: string): string[];
  /** Whether the path exists as a directory (for include errors and prefix resolution). */
  isDirectory(containerPath: string): boolean;
  /** The text of a host file, read through the project boundary (default: the plain bounded reader). */
  read?(file: ContainerFile & { kind: 'host' }): string;
  /** Whether a container path lies in a mount whose source is outside the project (not analysed, noted). */
  outside?(containerPath: string): boolean;
}
