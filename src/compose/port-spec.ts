/**
 * The short port syntax as compose parses it (docker/go-connections nat.ParsePortSpec, then
 * compose-go's missing-target check), giving compose's own error text for what it rejects. Measured
 * against `docker compose config` 2.26.1: `99999:80` → `Invalid hostPort: 99999`, `-1:80` →
 * `Invalid hostPort: -1`, `80:0` and `0` → missing a target port; `0:80` is accepted (the engine
 * picks the host port). Host IP addresses are not checked here.
 */
export function shortPortError(raw: string, location: string): string | undefined {
  const parts = raw.split(':');
  const n = parts.length;
  const hostPort = n === 1 ? '' : parts[n - 2]!;
  const [proto, containerPort] = splitProtoPort(parts[n - 1]!);
  if (containerPort === '') return `No port specified: ${raw}<empty>`;
  const container = portRange(containerPort);
  if (!container) return `Invalid containerPort: ${containerPort}`;
  if (hostPort !== '') {
    const host = portRange(hostPort);
    if (!host) return `Invalid hostPort: ${hostPort}`;
    // A host range with a single container port is a range to allocate from.
    if (container[1] - container[0] !== host[1] - host[0] && container[1] !== container[0])
      return `Invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`;
  }
  if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) return `Invalid proto: ${proto}`;
  if (container[0] === 0) return `service ports ${location} is missing a target port`;
  return undefined;
}

/** nat.SplitProtoPort: `80/udp` → ['udp', '80'], `80` → ['tcp', '80'], `/udp` → ['', '']. */
function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  if (raw === '' || parts[0] === '') return ['', ''];
  if (parts.length === 1 || parts[1] === '') return ['tcp', parts[0]!];
  return [parts[1]!, parts[0]!];
}

/** nat.ParsePortRange: each end a base-10 unsigned 16-bit number, `a-b` with b ≥ a. */
function portRange(text: string): [number, number] | undefined {
  const parts = text.includes('-') ? text.split('-') : [text, text];
  const start = uint16(parts[0]!);
  const end = uint16(parts[1]!);
  if (start === undefined || end === undefined || end < start) return undefined;
  return [start, end];
}

function uint16(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value <= 65535 ? value : undefined;
}
