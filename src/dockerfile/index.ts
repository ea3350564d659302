// The model of a build's Dockerfile, from dockerfile-ast (the parser behind the VS Code Docker language
// server): stages with their base image, the files COPY/ADD put where, WORKDIR, EXPOSE and the start
// command, each with its place in the Dockerfile.
import path from 'node:path';
import { Copy, DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { Located, SourcePos } from '../core/source.js';

export interface DockerCopy {
  keyword: 'COPY' | 'ADD';
  /** Sources as written (after ARG/ENV expansion), relative to the context or to the `from` stage's root. */
  sources: string[];
  /** Absolute destination in the image (a relative one is resolved against WORKDIR); ends in `/` when written so. */
  destination: string;
  /** `--from=`: an earlier stage (by name or index) or an image; undefined for the build context. */
  from?: string;
  pos: SourcePos;
}

/** An ENTRYPOINT or CMD: exec form (a JSON array) or shell form (run by /bin/sh -c). */
export interface DockerCommand {
  form: 'exec' | 'shell';
  args: string[];
  pos: SourcePos;
}

export interface DockerStage {
  index: number;
  name?: string;
  /** The FROM image as written, with build arguments expanded. */
  from: Located<string>;
  /** The earlier stage FROM names, when it names one (`FROM build AS final`). */
  fromStage?: DockerStage;
  copies: DockerCopy[];
  /** WORKDIR at the end of the stage (`/` when never set). */
  workdir: string;
  expose: { port: number; protocol: string; pos: SourcePos }[];
  entrypoint?: DockerCommand;
  cmd?: DockerCommand;
  /** ENV values set in the stage (the container inherits them). */
  env: Record<string, string>;
}

export interface DockerfileModel {
  /** Host path of the Dockerfile. */
  file: string;
  stages: DockerStage[];
}

/** The stage docker builds by default: the last one. */
export function finalStage(model: DockerfileModel): DockerStage | undefined {
  return model.stages.at(-1);
}

/** The image a stage ultimately starts from, following `FROM <earlier stage>`. */
export function baseImageOf(stage: DockerStage): Located<string> {
  let s = stage;
  while (s.fromStage) s = s.fromStage;
  return s.from;
}

/** The stage chain from the root base up to `stage` (each inherits the previous one's files). */
export function stageChain(stage: DockerStage): DockerStage[] {
  const chain: DockerStage[] = [];
  for (let s: DockerStage | undefined = stage; s; s = s.fromStage) chain.unshift(s);
  return chain;
}

/** `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME:+alt}` as docker's shell-word expansion does them. */
export function expandVariables(text: string, vars: Readonly<Record<string, string | undefined>>): string {
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_all, braced: string | undefined, op: string | undefined, word: string | undefined, bare) => {
      const value = vars[(braced ?? bare) as string];
      if (op === undefined) return value ?? '';
      const set = op.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
      return op.endsWith('-') ? (set ? value! : (word ?? '')) : set ? (word ?? '') : '';
    },
  );
}

function posOf(file: string, instruction: Instruction): SourcePos {
  const start = instruction.getRange().start;
  return { file, line: start.line + 1, column: start.character + 1 };
}

function unquote(word: string): string {
  return /^(["']).*\1$/s.test(word) ? word.slice(1, -1) : word;
}

function command(file: string, instruction: Instruction, text: string): DockerCommand {
  const range = instruction.getRange();
  const args = instruction.getArguments();
  const first = args[0];
  const raw = first
    ? sliceRange(text, first.getRange().start, range.end)
        .replace(/\\\r?\n/g, ' ')
        .trim()
    : '';
  if (raw.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string'))
        return { form: 'exec', args: parsed as string[], pos: posOf(file, instruction) };
    } catch {
      // Not valid JSON: docker then runs the text through the shell.
    }
  }
  return { form: 'shell', args: raw ? [raw] : [], pos: posOf(file, instruction) };
}

function sliceRange(
  text: string,
  start: { line: number; character: number },
  end: { line: number; character: number },
): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) =>
    (lineStarts[p.line] ?? text.length) + p.character;
  return text.slice(offset(start), offset(end));
}

/**
 * Parses a Dockerfile. `buildArgs` are compose's `build.args` (they override the ARG defaults);
 * unknown variables expand to the empty string, as docker does.
 */
export function parseDockerfile(
  file: string,
  text: string,
  buildArgs: Readonly<Record<string, string | undefined>> = {},
): DockerfileModel {
  const parsed = DockerfileParser.parse(text);
  const globalArgs: Record<string, string | undefined> = {};
  const stages: DockerStage[] = [];
  let stage: DockerStage | undefined;
  let vars: Record<string, string | undefined> = {};
  const argValue = (word: string, scope: Record<string, string | undefined>) => {
    const eq = word.indexOf('=');
    const name = eq < 0 ? word : word.slice(0, eq);
    const fallback =
      eq < 0 ? (globalArgs[name] ?? scope[name]) : expandVariables(unquote(word.slice(eq + 1)), scope);
    return { name, value: name in buildArgs ? buildArgs[name] : fallback };
  };
  for (const instruction of parsed.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const words = instruction.getArguments().map((a) => a.getValue());
    if (keyword === 'ARG') {
      for (const w of words) {
        const { name, value } = argValue(w, stage ? vars : globalArgs);
        if (stage) vars[name] = value;
        else globalArgs[name] = value;
      }
      continue;
    }
    if (keyword === 'FROM') {
      const imageWords = words.filter((w) => !w.startsWith('--'));
      const image = expandVariables(imageWords[0] ?? '', globalArgs);
      const asIndex = imageWords.findIndex((w) => w.toUpperCase() === 'AS');
      const name = asIndex > 0 ? imageWords[asIndex + 1]?.toLowerCase() : undefined;
      const fromStage = stages.find((s) => s.name !== undefined && s.name === image.toLowerCase());
      stage = {
        index: stages.length,
        ...(name !== undefined ? { name } : {}),
        from: { value: image, pos: posOf(file, instruction) },
        ...(fromStage ? { fromStage } : {}),
        copies: [],
        workdir: fromStage?.workdir ?? '/',
        expose: [],
        env: { ...(fromStage?.env ?? {}) },
        ...(fromStage?.entrypoint ? { entrypoint: fromStage.entrypoint } : {}),
        ...(fromStage?.cmd ? { cmd: fromStage.cmd } : {}),
      };
      stages.push(stage);
      vars = { ...stage.env };
      continue;
    }
    if (!stage) continue;
    const expand = (w: string) => expandVariables(w, vars);
    switch (keyword) {
      case 'ENV': {
        // ENV a=b c=d, or the legacy ENV a b.
        if (words.length >= 2 && !words[0]!.includes('=')) {
          stage.env[words[0]!] = expand(unquote(words.slice(1).join(' ')));
        } else {
          for (const w of words) {
            const eq = w.indexOf('=');
            if (eq > 0) stage.env[w.slice(0, eq)] = expand(unquote(w.slice(eq + 1)));
          }
        }
        Object.assign(vars, stage.env);
        break;
      }
      case 'WORKDIR': {
        const dir = expand(unquote(words.join(' ')));
        if (dir) stage.workdir = path.posix.resolve(stage.workdir, dir);
        break;
      }
      case 'COPY':
      case 'ADD': {
        const operands = words.filter((w) => !w.startsWith('--'));
        let list = operands.map((w) => expand(unquote(w)));
        if (operands[0]?.startsWith('[')) {
          try {
            list = (JSON.parse(operands.join(' ')) as string[]).map(expand);
          } catch {
            // Left as words.
          }
        }
        if (list.length < 2 || list.some((w) => w.startsWith('<<'))) break; // heredocs are not files
        const dest = list.at(-1)!;
        const absolute = path.posix.resolve(stage.workdir, dest);
        // Flags (--from, --chown …) are not arguments in dockerfile-ast.
        const fromFlag =
          keyword === 'COPY' && instruction instanceof Copy
            ? instruction.getFromFlag()?.getValue()
            : undefined;
        stage.copies.push({
          keyword,
          sources: list.slice(0, -1),
          destination: dest.endsWith('/') || dest === '.' ? `${absolute.replace(/\/$/, '')}/` : absolute,
          ...(fromFlag ? { from: expand(fromFlag).toLowerCase() } : {}),
          pos: posOf(file, instruction),
        });
        break;
      }
      case 'EXPOSE':
        for (const w of words) {
          const m = /^(\d+)(?:-\d+)?(?:\/(tcp|udp|sctp))?$/i.exec(expand(w));
          if (m)
            stage.expose.push({
              port: Number(m[1]),
              protocol: (m[2] ?? 'tcp').toLowerCase(),
              pos: posOf(file, instruction),
            });
        }
        break;
      case 'ENTRYPOINT':
        stage.entrypoint = command(file, instruction, text);
        // docker resets an inherited CMD when ENTRYPOINT is set.
        if (stage.fromStage && stage.cmd === stage.fromStage.cmd) delete stage.cmd;
        break;
      case 'CMD':
        stage.cmd = command(file, instruction, text);
        break;
    }
  }
  return { file, stages };
}

/** The stage `--from=` names: a name, or an index of an earlier stage; undefined for an image. */
export function stageNamed(model: DockerfileModel, ref: string, before: number): DockerStage | undefined {
  const earlier = model.stages.slice(0, before);
  if (/^\d+$/.test(ref)) return earlier[Number(ref)];
  return earlier.find((s) => s.name === ref);
}
