// The DNS address-selection library: what `verify` and the action's job summary import.
export {
  checkName,
  type DnsCheckOptions,
  type DnsCheckResult,
  type DnsCheckRow,
  type DnsFlag,
} from './check.js';
export { loadGlibcPolicy, parseGaiConf } from './gai-conf.js';
export type { PolicyName, SelectionPolicy } from './policy.js';
export { renderDnsMarkdown, renderDnsText, renderSortText } from './render.js';
export {
  type DestinationPair,
  RULE_NAMES,
  type SortResult,
  type SourceAttributes,
  sortDestinations,
} from './sort.js';
