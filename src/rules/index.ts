// The rule registry. Ids are a public contract: docs/rules/<id>.md documents each one.

import type { Finding, Severity } from '../core/finding.js';
import type { ProjectView } from '../project/view.js';
import { addHeaderContentType } from './add-header-content-type.js';
import { addHeaderMultiline } from './add-header-multiline.js';
import { addHeaderRedefinition } from './add-header-redefinition.js';
import { aliasTraversal } from './alias-traversal.js';
import { allowWithoutDeny } from './allow-without-deny.js';
import { backendPortPublished } from './backend-port-published.js';
import { bindMountSourceMissing } from './bind-mount-source-missing.js';
import { captureGroupMissing } from './capture-group-missing.js';
import { composeInterpolation } from './compose-interpolation.js';
import { composeInvalid } from './compose-invalid.js';
import { composeReference } from './compose-reference.js';
import { composeVersionObsolete } from './compose-version-obsolete.js';
import { errorLogDebug } from './error-log-debug.js';
import { hostPortConflict } from './host-port-conflict.js';
import { hostSpoofing } from './host-spoofing.js';
import { hstsMissing } from './hsts-missing.js';
import { httpRedirectMissing } from './http-redirect-missing.js';
import { httpSplitting } from './http-splitting.js';
import { ifInLocation } from './if-in-location.js';
import { imageUnpinned } from './image-unpinned.js';
import { listenNotPublished } from './listen-not-published.js';
import { nginxDirective } from './nginx-directive.js';
import { nginxIncludeMissing } from './nginx-include-missing.js';
import { nginxSyntax } from './nginx-syntax.js';
import { nginxTemplateUnreadable } from './nginx-template-unreadable.js';
import { origins } from './origins.js';
import { pathOutsideProject } from './path-outside-project.js';
import { proxyConfigNotMounted } from './proxy-config-not-mounted.js';
import { proxyHeadersMissing } from './proxy-headers-missing.js';
import { proxyMountsHostPath } from './proxy-mounts-host-path.js';
import { proxyPassNormalized } from './proxy-pass-normalized.js';
import { proxySetHeaderRedefinition } from './proxy-set-header-redefinition.js';
import { regexRedos } from './regex-redos.js';
import { resolverExternal } from './resolver-external.js';
import { returnBypassesAllowDeny } from './return-bypasses-allow-deny.js';
import type { Rule } from './rule.js';
import { runtimeResolveWithoutResolver } from './runtime-resolve-without-resolver.js';
import { serverTokensOn } from './server-tokens-on.js';
import { speedtestProxyTuning } from './speedtest-proxy-tuning.js';
import { ssrf } from './ssrf.js';
import { stubStatusExposed } from './stub-status-exposed.js';
import { tlsFileMissing } from './tls-file-missing.js';
import { tlsListenWithoutCert } from './tls-listen-without-cert.js';
import { tlsWeakProtocol } from './tls-weak-protocol.js';
import { unanchoredRegex } from './unanchored-regex.js';
import { upstreamLocalhost } from './upstream-localhost.js';
import { upstreamPortMismatch } from './upstream-port-mismatch.js';
import { upstreamStartOrder } from './upstream-start-order.js';
import { upstreamUnresolvable } from './upstream-unresolvable.js';
import { validReferers } from './valid-referers.js';

export const RULES: readonly Rule[] = [
  // errors: the stack would not start or not work
  composeInvalid,
  composeInterpolation,
  composeReference,
  nginxSyntax,
  nginxDirective,
  nginxIncludeMissing,
  nginxTemplateUnreadable,
  upstreamUnresolvable,
  upstreamPortMismatch,
  proxyConfigNotMounted,
  tlsFileMissing,
  tlsListenWithoutCert,
  hostPortConflict,
  bindMountSourceMissing,
  // warnings: works by luck, or leaks
  upstreamStartOrder,
  runtimeResolveWithoutResolver,
  upstreamLocalhost,
  backendPortPublished,
  listenNotPublished,
  proxyHeadersMissing,
  speedtestProxyTuning,
  tlsWeakProtocol,
  hostSpoofing,
  ssrf,
  httpSplitting,
  aliasTraversal,
  addHeaderRedefinition,
  origins,
  validReferers,
  proxySetHeaderRedefinition,
  allowWithoutDeny,
  returnBypassesAllowDeny,
  stubStatusExposed,
  captureGroupMissing,
  ifInLocation,
  addHeaderMultiline,
  addHeaderContentType,
  resolverExternal,
  regexRedos,
  proxyMountsHostPath,
  // notes
  composeVersionObsolete,
  errorLogDebug,
  httpRedirectMissing,
  imageUnpinned,
  hstsMissing,
  pathOutsideProject,
  serverTokensOn,
  unanchoredRegex,
  proxyPassNormalized,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** Every rule over the view, with the configured severities applied (`off` skips a rule). */
export function runRules(view: ProjectView, settings: Readonly<Record<string, Severity | 'off'>>): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = settings[rule.id];
    if (setting === 'off') continue;
    for (const f of rule.check(view)) findings.push(setting ? { ...f, severity: setting } : f);
  }
  return findings;
}
