import type { ComposeModel, ComposeService } from '../compose/model.js';
import { ipFamily } from '../dns/ip.js';
import { isContainerLoopback, isUnansweredLocalName } from './loopback.js';
import type { Resolution } from './view.js';

/** The networks a service's processes actually sit on: `network_mode: service:X` borrows X's. */
export function effectiveNetworks(
  service: ComposeService,
  services: ReadonlyMap<string, ComposeService>,
  seen = new Set<string>(),
): string[] {
  const mode = service.networkMode;
  if (mode.kind === 'service') {
    const owner = services.get(mode.service);
    if (!owner || seen.has(owner.name)) return [];
    seen.add(service.name);
    return effectiveNetworks(owner, services, seen);
  }
  if (mode.kind !== 'default') return [];
  return service.networks.map((n) => n.name);
}

/**
 * Name resolution as Docker's embedded DNS (127.0.0.11) answers inside the proxy container: only on
 * user-defined networks, for active members' service names, container names and that network's aliases;
 * plus the container's /etc/hosts (extra_hosts, links) and literal IPs.
 */
export function makeResolver(
  compose: ComposeModel,
  services: ReadonlyMap<string, ComposeService>,
  proxy: ComposeService,
): (host: string) => Resolution {
  const externalNetworks = new Set(compose.networks.filter((n) => n.external).map((n) => n.name));
  const proxyNets = effectiveNetworks(proxy, services);
  // With `service:X` the proxy shares X's namespace and /etc/hosts.
  const hostsOwner =
    proxy.networkMode.kind === 'service' ? (services.get(proxy.networkMode.service) ?? proxy) : proxy;
  const mode = proxy.networkMode.kind === 'service' ? hostsOwner.networkMode.kind : proxy.networkMode.kind;

  type Entry = { how: 'service' | 'container-name' | 'alias'; service: ComposeService; network: string };
  const byName = new Map<string, Entry>();
  const inactiveByName = new Map<string, ComposeService>();
  const elsewhere = new Map<string, ComposeService>();
  for (const s of services.values()) {
    const nets = effectiveNetworks(s, services);
    const names: [string, Entry['how']][] = [
      [s.name, 'service'],
      [s.containerName, 'container-name'],
    ];
    if (!s.active) {
      for (const [n] of names) inactiveByName.set(n, s);
      continue;
    }
    for (const [n] of names) if (!elsewhere.has(n)) elsewhere.set(n, s);
    for (const net of s.networks)
      for (const a of net.aliases) if (!elsewhere.has(a.value)) elsewhere.set(a.value, s);
    // Docker also registers `hostname:` as a network alias (verified by the consistency harness).
    if (s.hostname) names.push([s.hostname.value, 'alias']);
    for (const net of nets) {
      if (!proxyNets.includes(net)) continue;
      for (const [n, how] of names) if (!byName.has(n)) byName.set(n, { how, service: s, network: net });
      const own = s.networks.find((x) => x.name === net);
      for (const a of own?.aliases ?? [])
        if (!byName.has(a.value)) byName.set(a.value, { how: 'alias', service: s, network: net });
    }
  }
  const proxyOnExternal = proxyNets.some((n) => externalNetworks.has(n));

  return (rawHost: string): Resolution => {
    const host = rawHost.toLowerCase();
    if (ipFamily(host) !== 0) return { ok: true, how: 'ip' };
    if (isContainerLoopback(host)) return { ok: true, how: 'localhost' };
    const extra = hostsOwner.extraHosts.find((e) => e.host.toLowerCase() === host);
    if (extra) return { ok: true, how: 'extra-hosts' };
    if (mode === 'host') {
      return {
        ok: false,
        why: 'the proxy uses network_mode: host, where compose service names do not resolve',
        candidate: elsewhere.get(host),
      };
    }
    if (mode === 'none') return { ok: false, why: 'the proxy uses network_mode: none and resolves nothing' };
    if (mode === 'bridge') {
      return {
        ok: false,
        why: "the proxy is on Docker's default bridge (network_mode: bridge), which has no embedded DNS",
        candidate: elsewhere.get(host),
      };
    }
    if (mode === 'container') return { ok: true, how: 'public-name' }; // another project's container: unknowable
    const link = hostsOwner.links.find(
      (l) => l.alias.toLowerCase() === host || l.service.toLowerCase() === host,
    );
    if (link) {
      const target = services.get(link.service);
      if (target?.active && effectiveNetworks(target, services).some((n) => proxyNets.includes(n))) {
        return { ok: true, how: 'link', service: target };
      }
    }
    const hit = byName.get(host);
    if (hit) return { ok: true, how: hit.how, service: hit.service, network: hit.network };
    const inactive = inactiveByName.get(host);
    if (inactive) {
      return {
        ok: false,
        why: `service "${inactive.name}" is ${inactive.inactiveReason ?? 'not started'}`,
        candidate: inactive,
      };
    }
    const other = elsewhere.get(host);
    if (other) {
      const nets = effectiveNetworks(other, services);
      return {
        ok: false,
        why: `service "${other.name}" is on ${nets.length ? nets.map((n) => `"${n}"`).join(', ') : 'no network'} and the proxy "${proxy.name}" is on ${proxyNets.length ? proxyNets.map((n) => `"${n}"`).join(', ') : 'no network'}: they share no network`,
        candidate: other,
      };
    }
    if (isUnansweredLocalName(host)) {
      return {
        ok: false,
        why: `"${host}" is not in the container's /etc/hosts (Docker writes only localhost, ip6-localhost and ip6-loopback) and public DNS does not answer it`,
      };
    }
    // A dotted name is left to public DNS, which Docker's resolver forwards to.
    if (host.includes('.')) return { ok: true, how: 'public-name' };
    if (proxyOnExternal) {
      return {
        ok: false,
        why: 'no service of this project has that name; another project on an external network may provide it',
        externalOnly: true,
      };
    }
    return { ok: false, why: 'no service, container name, alias, link or extra_hosts entry has that name' };
  };
}
