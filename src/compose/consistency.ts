import path from 'node:path';
import type { SourcePos } from '../core/source.js';
import { volumeTarget } from './merge.js';
import type { ComposeDiagnostic, ComposeModel, ComposeService } from './model.js';
import { shortPortError } from './port-spec.js';
import { volumesFromService } from './references.js';
import { composeDiagnostic, get, isMap, isSeq, type MapNode, nodePos, str, type YNode } from './tree.js';

/**
 * The rest of compose-go's consistency checks (loader/validate.go, graph/cycle.go), on active services
 * only as compose does: container_name with several replicas, two mounts on one container path, and
 * dependency cycles. Compose stops at the first; every occurrence is reported here.
 */
export function checkConsistency(
  model: Omit<ComposeModel, 'diagnostics'>,
  serviceNodes: Map<string, MapNode>,
): ComposeDiagnostic[] {
  const active = model.services.filter((s) => s.active);
  return [
    // compose parses every service's ports, those of inactive profiles too.
    ...model.services.flatMap((s) => rejectedPorts(s, serviceNodes.get(s.name))),
    ...active.flatMap((s) => neitherImageNorBuild(s, serviceNodes.get(s.name))),
    ...active.flatMap((s) => containerNameWithReplicas(s, serviceNodes.get(s.name))),
    ...active.flatMap((s) => duplicateMountTargets(s, serviceNodes.get(s.name))),
    ...dependencyCycles(active, serviceNodes),
  ];
}

/** compose-go: a service needs an image to run or a context to build one; compose refuses the project. */
function neitherImageNorBuild(svc: ComposeService, node: MapNode | undefined): ComposeDiagnostic[] {
  // A service that is not a mapping (null included, seen here as an empty one) is already a schema error.
  if (!isMap(node) || node.entries.size === 0 || svc.image !== undefined || svc.build !== undefined)
    return [];
  return [
    composeDiagnostic(
      'invalid',
      svc.pos,
      `service "${svc.name}" has neither an image nor a build context specified: docker compose refuses to start the project (invalid compose project)`,
      `Add \`image: <image>\` or \`build: <context directory>\` to services.${svc.name}.`,
      svc.name,
    ),
  ];
}

function replicaCount(node: YNode | undefined): number | undefined {
  const text = str(node);
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}

function containerNameWithReplicas(svc: ComposeService, node: MapNode | undefined): ComposeDiagnostic[] {
  if (!svc.containerNamePos || svc.containerName === '') return [];
  const scaleNode = get(node, 'scale');
  const replicasNode = get(get(node, 'deploy'), 'replicas');
  // compose-go's GetScale: `scale` wins over `deploy.replicas`, and names the attribute in the message.
  const [attr, countNode] =
    str(scaleNode) !== undefined ? ['scale', scaleNode] : ['deploy.replicas', replicasNode];
  const count = replicaCount(countNode);
  if (count === undefined || count <= 1 || !countNode) return [];
  return [
    {
      ...composeDiagnostic(
        'invalid',
        svc.containerNamePos,
        `services.${attr}: can't set container_name and ${svc.name} as container name must be unique`,
        `Remove container_name so that compose names each replica itself (<project>-${svc.name}-1, -2, …), or set ${attr} to 1.`,
        svc.name,
      ),
      related: [{ pos: nodePos(countNode), message: `${attr} is ${count} here` }],
    },
  ];
}

/** Short-syntax ports compose refuses to load (`99999:80`, `-1:80`, `80:0`), with compose's words. */
function rejectedPorts(svc: ComposeService, node: MapNode | undefined): ComposeDiagnostic[] {
  const ports = get(node, 'ports');
  if (!isSeq(ports)) return [];
  return ports.items.flatMap((item, i) => {
    const raw = item.kind === 'scalar' ? str(item) : undefined;
    const error = raw === undefined ? undefined : shortPortError(raw, `services.${svc.name}.ports.[${i}]`);
    if (error === undefined) return [];
    return [
      composeDiagnostic(
        'invalid',
        nodePos(item),
        `services.${svc.name}.ports[${i}] "${raw}": docker compose refuses to load it: ${error}`,
        'Write the port as [ip:][host[-end]:]container[-end][/tcp|udp|sctp], each port a number from 0 to 65535 (1 to 65535 in the container; host port 0 lets the engine pick one).',
        svc.name,
      ),
    ];
  });
}

/** Go's path.Clean for the absolute container paths compose compares. */
function cleanTarget(target: string): string {
  const normalized = path.posix.normalize(target);
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

function seqItems(node: YNode | undefined): YNode[] {
  return isSeq(node) ? node.items : node ? [node] : [];
}

function duplicateMountTargets(svc: ComposeService, node: MapNode | undefined): ComposeDiagnostic[] {
  // compose registers tmpfs entries first, then volumes, and names each by its index in the merged list.
  const mounts = [
    ...seqItems(get(node, 'tmpfs')).map((item, i) => ({
      item,
      loc: `services.${svc.name}.tmpfs[${i}]`,
      target: str(item)?.split(':')[0],
    })),
    ...seqItems(get(node, 'volumes')).map((item, i) => ({
      item,
      loc: `services.${svc.name}.volumes[${i}]`,
      target: volumeTarget(item),
    })),
  ];
  const first = new Map<string, { loc: string; pos: SourcePos }>();
  const findings: ComposeDiagnostic[] = [];
  for (const { item, loc, target } of mounts) {
    if (target === undefined || target === '') continue;
    const clean = cleanTarget(target);
    const earlier = first.get(clean);
    if (!earlier) {
      first.set(clean, { loc, pos: nodePos(item) });
      continue;
    }
    findings.push({
      ...composeDiagnostic(
        'invalid',
        nodePos(item),
        `${loc}: target ${clean} already mounted as ${earlier.loc}`,
        `Mount something else at ${clean}, or remove one of the two mounts: a container path takes one mount.`,
        svc.name,
      ),
      related: [{ pos: earlier.pos, message: `${clean} is already mounted here` }],
    });
  }
  return findings;
}

interface Edge {
  to: string;
  pos: SourcePos;
}

/**
 * A service's dependencies as compose-go counts them (depends_on, then the implicit ones from
 * network_mode/ipc/pid/uts/cgroup `service:X`, volumes_from and links), the first position per target.
 */
function dependencyEdges(svc: ComposeService, node: MapNode | undefined): Edge[] {
  const edges: Edge[] = svc.dependsOn.map((d) => ({ to: d.service, pos: d.pos }));
  for (const key of ['ipc', 'pid', 'uts', 'cgroup']) {
    const value = get(node, key);
    const text = str(value);
    if (value && text?.startsWith('service:'))
      edges.push({ to: text.slice('service:'.length), pos: nodePos(value) });
  }
  for (const from of svc.volumesFrom) {
    const to = volumesFromService(from.value);
    if (to !== undefined) edges.push({ to, pos: from.pos });
  }
  const seen = new Set<string>();
  return edges.filter((e) => !seen.has(e.to) && seen.add(e.to));
}

/**
 * Each back edge of a depth-first search (services and dependencies in name order, as compose walks them)
 * closes one cycle; reporting them all names every cycle once, and removing them all leaves none.
 */
function dependencyCycles(active: ComposeService[], serviceNodes: Map<string, MapNode>): ComposeDiagnostic[] {
  const graph = new Map<string, Edge[]>();
  for (const svc of active) graph.set(svc.name, dependencyEdges(svc, serviceNodes.get(svc.name)));
  for (const [name, edges] of graph) {
    graph.set(
      name,
      edges.filter((e) => graph.has(e.to)).sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0)),
    );
  }

  const findings: ComposeDiagnostic[] = [];
  const done = new Set<string>();
  // An explicit stack, not recursion: a chain 10,000 services deep is user input. `onStack` gives
  // each name's depth on it, so a back edge is found without scanning the path.
  const stack: { name: string; via?: Edge; next: number }[] = [];
  const onStack = new Map<string, number>();
  const push = (name: string, via?: Edge): void => {
    onStack.set(name, stack.length);
    stack.push(via ? { name, via, next: 0 } : { name, next: 0 });
  };
  const visit = (root: string): void => {
    push(root);
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      const edge = graph.get(frame.name)?.[frame.next++];
      if (!edge) {
        stack.pop();
        onStack.delete(frame.name);
        done.add(frame.name);
        continue;
      }
      const at = onStack.get(edge.to);
      if (at !== undefined) {
        const cycle = stack.slice(at);
        findings.push({
          ...composeDiagnostic(
            'reference',
            edge.pos,
            `dependency cycle detected: ${[...cycle.map((s) => s.name), edge.to].join(' -> ')}`,
            'Remove one dependency of the cycle (depends_on, links, volumes_from or a "service:" network_mode/ipc/pid): compose cannot order services that wait for each other.',
            frame.name,
          ),
          related: cycle
            .slice(1)
            .flatMap((s, i) =>
              s.via ? [{ pos: s.via.pos, message: `${cycle[i]!.name} depends on ${s.name} here` }] : [],
            ),
        });
      } else if (!done.has(edge.to)) push(edge.to, edge);
    }
  };
  for (const name of [...graph.keys()].sort()) if (!done.has(name)) visit(name);
  return findings;
}
