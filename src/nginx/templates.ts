import path from 'node:path';
import { lastIndexAtOrBefore } from '../core/sorted.js';
import type { NginxDirective, NginxSyntaxError } from './ast.js';
import { CONF_D, TEMPLATES_DIR } from './paths.js';

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

export const TEMPLATE_SUFFIX = '.template';

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
  return renderTemplateMapped(text, env).text;
}

/** A template as written, with the way back from offsets in its rendered text. */
export interface TemplateSource {
  text: string;
  /** The template offset a rendered offset came from; inside a substituted value, where its `$NAME` starts. */
  offsetOf(rendered: number): number;
}

/** renderTemplate, plus the map from the rendered text back to the template. */
export function renderTemplateMapped(
  text: string,
  env: Environment,
): { text: string; template: TemplateSource } {
  const names = substitutedNames(env);
  // Segments in rendered order: where each starts in the output and in the template, and whether it is a value.
  const outStart: number[] = [];
  const inStart: number[] = [];
  const isValue: boolean[] = [];
  let out = '';
  let last = 0;
  const segment = (from: number, value: boolean, piece: string) => {
    outStart.push(out.length);
    inStart.push(from);
    isValue.push(value);
    out += piece;
  };
  for (const m of text.matchAll(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g)) {
    const name = m[1] ?? m[2]!;
    if (!names.has(name)) continue;
    if (m.index > last) segment(last, false, text.slice(last, m.index));
    segment(m.index, true, env[name] ?? '');
    last = m.index + m[0].length;
  }
  segment(last, false, text.slice(last));
  const offsetOf = (rendered: number): number => {
    // The last segment starting at or before the offset (an empty value yields to the text after it).
    const lo = lastIndexAtOrBefore(outStart, rendered);
    return isValue[lo] ? inStart[lo]! : inStart[lo]! + (rendered - outStart[lo]!);
  };
  return { text: out, template: { text, offsetOf } };
}

/** Start offsets of the lines of a text, as the nginx lexer counts them (a leading BOM is not a column). */
function lineStarts(text: string): number[] {
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionIn(starts: number[], offset: number): { line: number; column: number } {
  const lo = lastIndexAtOrBefore(starts, offset);
  return { line: lo + 1, column: Math.max(1, offset - starts[lo]! + 1) };
}

/**
 * Moves the positions of directives and syntax errors parsed from a rendered template back to the
 * template's own lines and columns, so findings, code frames and fixes point at the file as written.
 */
export function mapToTemplate(
  parsed: NginxDirective[],
  errors: NginxSyntaxError[],
  renderedText: string,
  template: TemplateSource,
): void {
  const rendered = lineStarts(renderedText);
  const original = lineStarts(template.text);
  const offsetAt = (line: number, column: number) => (rendered[line - 1] ?? renderedText.length) + column - 1;
  const back = (line: number, column: number) =>
    positionIn(original, template.offsetOf(offsetAt(line, column)));
  const stack: NginxDirective[][] = [parsed];
  for (let list = stack.pop(); list; list = stack.pop()) {
    for (const d of list) {
      Object.assign(d, positionIn(original, template.offsetOf(d.start)));
      d.start = template.offsetOf(d.start);
      d.end = template.offsetOf(d.end);
      d.argPos = d.argPos.map((p) => back(p.line, p.column));
      if (d.block) stack.push(d.block);
    }
  }
  for (const e of errors) {
    const at = e.offset ?? offsetAt(e.line, e.column);
    if (e.nginxLine !== undefined) e.nginxLine = back(e.nginxLine, 1).line;
    Object.assign(e, positionIn(original, template.offsetOf(at)));
    if (e.offset !== undefined) e.offset = template.offsetOf(e.offset);
  }
}

/** Where the image's entrypoint looks for templates and where it writes them, from the container's environment. */
export interface TemplateLayout {
  /** NGINX_ENVSUBST_TEMPLATE_DIR, no trailing slash. */
  dir: string;
  /** NGINX_ENVSUBST_TEMPLATE_SUFFIX. */
  suffix: string;
  /** NGINX_ENVSUBST_OUTPUT_DIR, no trailing slash. */
  outputDir: string;
}

export function templateLayout(env: Environment = {}): TemplateLayout {
  const dir = (value: string | undefined, fallback: string) =>
    path.posix.normalize(value || fallback).replace(/\/$/, '');
  return {
    dir: dir(env.NGINX_ENVSUBST_TEMPLATE_DIR, TEMPLATES_DIR),
    suffix: env.NGINX_ENVSUBST_TEMPLATE_SUFFIX || TEMPLATE_SUFFIX,
    outputDir: dir(env.NGINX_ENVSUBST_OUTPUT_DIR, CONF_D),
  };
}

/** Where a template lands in the container, or undefined when the entrypoint ignores the file. */
export function renderedPath(templateContainerPath: string, layout: TemplateLayout): string | undefined {
  const { dir, suffix, outputDir } = layout;
  if (!templateContainerPath.startsWith(`${dir}/`) || !templateContainerPath.endsWith(suffix))
    return undefined;
  const relative = templateContainerPath.slice(dir.length + 1, templateContainerPath.length - suffix.length);
  if (!relative || relative.endsWith('/')) return undefined;
  return `${outputDir}/${relative}`;
}

/** A file name or path without the layout's template suffix (unchanged when it has none). */
export function withoutTemplateSuffix(name: string, layout: TemplateLayout): string {
  return name.endsWith(layout.suffix) ? name.slice(0, -layout.suffix.length) : name;
}

/** Whether a file name is an nginx config's: `*.conf`, or a template of one (`*.conf` and the suffix). */
export function isConfigName(name: string, layout: TemplateLayout): boolean {
  return withoutTemplateSuffix(name, layout).endsWith('.conf');
}

/** renderedPath with the layout the environment gives. */
export function templateOutputPath(templateContainerPath: string, env: Environment = {}): string | undefined {
  return renderedPath(templateContainerPath, templateLayout(env));
}
