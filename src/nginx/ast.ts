/**
 * The nginx AST, shaped like crossplane's JSON (directive, line, args, includes, block) so the
 * differential test can compare the two directly, plus the column and file that crossplane lacks.
 */
export interface NginxDirective {
  directive: string;
  args: string[];
  /** Host file the directive was read from (absolute). */
  file: string;
  line: number;
  column: number;
  /** Position of each argument, same length as args. */
  argPos: { line: number; column: number }[];
  /** Offsets of the directive in its file: [start of name, end after ';' or '}'). */
  start: number;
  end: number;
  /** For `include`: indexes into NginxConfig.files of the files it pulled in. */
  includes?: number[];
  /** Children of a block directive (`http {}`); undefined for simple directives. */
  block?: NginxDirective[];
}

export interface NginxSyntaxError {
  file: string;
  line: number;
  column: number;
  message: string;
  /** The message `nginx -t` would print for this fault, when it differs from `message`. */
  nginx?: string;
  /** The line `nginx -t` names, when it differs from `line` (e.g. the "}" after a missing ";"). */
  nginxLine?: number;
  /** 0-based offset in the file where the fault is (e.g. where a missing ';' belongs), for fixes. */
  offset?: number;
}

export interface NginxParsedFile {
  /** Host path of the file. */
  file: string;
  /** The path nginx knows it by inside the container (undefined when outside any mount). */
  containerPath?: string;
  /** Built into the image (nginx.conf, mime.types …) rather than mounted from the project. */
  builtin: boolean;
  errors: NginxSyntaxError[];
  parsed: NginxDirective[];
  /** Original text, kept for code frames and fixes. */
  text: string;
  /**
   * Set when the image's entrypoint renders this file from an envsubst template: the template's container
   * path. `file`, `text` and positions are then the template's as written; nginx parses the rendered text.
   */
  template?: string;
}

/** A whole configuration: the entry file first, then every included file in discovery order. */
export interface NginxConfig {
  files: NginxParsedFile[];
  /** Include problems: missing files, cycles, empty globs, more files than stackgate reads. */
  includeProblems: IncludeProblem[];
}

export interface IncludeProblem {
  kind: 'missing' | 'empty-glob' | 'cycle' | 'too-many-files' | 'unreadable';
  /** The include directive. */
  directive: NginxDirective;
  /** The container path pattern that was included. */
  pattern: string;
  /** Details, e.g. the chain of files that forms a cycle or why a file could not be read. */
  message?: string;
  /** The host file that was refused (kind unreadable): the finding goes there. */
  file?: string;
}
