/** The nginx side of stackgate: parser, includes, the directive table and the image's own files. */
export type {
  IncludeProblem,
  NginxConfig,
  NginxDirective,
  NginxParsedFile,
  NginxSyntaxError,
} from './ast.js';
export { builtinFiles } from './builtin-files.js';
export type { ContainerFile, ContainerFs } from './container-fs.js';
export {
  checkDirective,
  childContext,
  contextOf,
  type DirectiveProblem,
  isKnownDirective,
  type NginxContext,
} from './directives.js';
export {
  isGlob,
  type LoadOptions,
  loadNginxConfig,
  readConfigText,
  type WalkContext,
  walk,
} from './includes.js';
export { globToRegExp, memoryContainerFs } from './memory-fs.js';
export { MAX_BLOCK_DEPTH, parseNginxText } from './parser.js';
export {
  mapToTemplate,
  renderTemplate,
  renderTemplateMapped,
  substitutedNames,
  type TemplateSource,
  templateOutputPath,
} from './templates.js';
