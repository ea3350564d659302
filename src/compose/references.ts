import type { ComposeDiagnostic, ComposeModel } from './model.js';
import {
  composeDiagnostic,
  entry,
  get,
  isMap,
  isScalar,
  type MapNode,
  nodePos,
  str,
  type YNode,
} from './tree.js';

const LISTED_SERVICES = 10;

/**
 * compose's consistency checks (loader/validate.go), on active services, reporting every violation
 * where compose stops at the first: undefined services, networks and volumes, and network_mode with networks.
 */
export function checkReferences(
  model: Omit<ComposeModel, 'diagnostics'>,
  serviceNodes: Map<string, MapNode>,
): ComposeDiagnostic[] {
  const findings: ComposeDiagnostic[] = [];
  const services = new Set(model.services.map((s) => s.name));
  const networks = new Set(model.networks.map((n) => n.name));
  const volumes = new Set(model.volumes.map((v) => v.name));
  const names = [...services];
  // The other services, the first few only: listing them all in every finding makes output quadratic.
  const available = (self: string) => {
    const others = names.length - (services.has(self) ? 1 : 0);
    const shown: string[] = [];
    for (const n of names) {
      if (shown.length === LISTED_SERVICES) break;
      if (n !== self) shown.push(n);
    }
    const more = others > shown.length ? `, and ${others - shown.length} more` : '';
    return shown.length ? ` (defined: ${shown.join(', ')}${more})` : '';
  };

  for (const svc of model.services) {
    if (!svc.active) continue;
    const node = serviceNodes.get(svc.name);
    const report = (pos: ComposeDiagnostic['pos'], message: string, fix: string) =>
      findings.push(composeDiagnostic('reference', pos, message, fix, svc.name));

    for (const dep of svc.dependsOn) {
      if (dep.implicit || services.has(dep.service)) continue;
      if (isOptionalDependency(node, dep.service)) continue;
      report(
        dep.pos,
        `service "${svc.name}" depends on undefined service "${dep.service}"`,
        `Define service "${dep.service}", or remove it from depends_on${available(svc.name)}.`,
      );
    }
    for (const link of svc.links) {
      if (services.has(link.service)) continue;
      report(
        link.pos,
        `service "${svc.name}" depends on undefined service "${link.service}" (links)`,
        `Define service "${link.service}", or remove the link${available(svc.name)}.`,
      );
    }
    if (svc.networkMode.kind === 'service' && !services.has(svc.networkMode.service)) {
      report(
        svc.networkModePos ?? svc.pos,
        `service "${svc.networkMode.service}" not found for network_mode 'service:${svc.networkMode.service}'`,
        `Name an existing service after "service:"${available(svc.name)}.`,
      );
    }
    for (const from of svc.volumesFrom) {
      const name = volumesFromService(from.value);
      if (name === undefined || services.has(name)) continue;
      report(
        from.pos,
        `service "${svc.name}" volumes_from undefined service "${name}"`,
        `Name an existing service, or use "container:NAME" for a container outside this project${available(svc.name)}.`,
      );
    }
    for (const net of svc.networks) {
      if (net.implicit || networks.has(net.name) || net.name === 'default') continue;
      report(
        net.pos,
        `service "${svc.name}" refers to undefined network ${net.name}`,
        `Declare "${net.name}" under the top-level networks: key (add "external: true" if another project creates it).`,
      );
    }
    for (const mount of svc.volumes) {
      if (mount.type !== 'volume' || mount.source === undefined || volumes.has(mount.source)) continue;
      report(
        mount.pos,
        `service "${svc.name}" refers to undefined volume ${mount.source}`,
        `Declare "${mount.source}" under the top-level volumes: key, or write a path (./${mount.source}) for a bind mount.`,
      );
    }
    const networksEntry = entry(node, 'networks');
    if (svc.networkModePos && networksEntry && !isEmpty(networksEntry.value)) {
      findings.push({
        ...composeDiagnostic(
          'reference',
          nodePos(networksEntry.keyNode),
          `service ${svc.name} declares mutually exclusive \`network_mode\` and \`networks\``,
          'Remove either network_mode or networks from this service.',
          svc.name,
        ),
        related: [{ pos: svc.networkModePos, message: 'network_mode is set here' }],
      });
    }
  }
  return findings;
}

/** The service a `volumes_from` entry (`svc`, `svc:ro`, `service:svc`) names; undefined for `container:NAME`. */
export function volumesFromService(spec: string): string | undefined {
  if (spec.startsWith('container:')) return undefined;
  return (spec.startsWith('service:') ? spec.slice('service:'.length) : spec).split(':')[0]!;
}

/** `depends_on: {x: {required: false}}`: compose only warns when x is missing. */
function isOptionalDependency(node: MapNode | undefined, service: string): boolean {
  const deps = get(node, 'depends_on');
  if (!isMap(deps)) return false;
  const required = get(get(deps, service), 'required');
  return isScalar(required) && required.value === false && str(required) === 'false';
}

function isEmpty(node: YNode): boolean {
  if (node.kind === 'scalar') return node.value === null;
  return node.kind === 'map' ? node.entries.size === 0 : node.items.length === 0;
}
