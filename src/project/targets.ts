import type { ComposeService } from '../compose/model.js';
import type { ProjectView, UpstreamRef } from './view.js';

export interface UpstreamTarget {
  ref: UpstreamRef;
  /** The compose service the host resolves to from the proxy. */
  service: ComposeService;
}

const cache = new WeakMap<ProjectView, UpstreamTarget[]>();

/** Upstream references that resolve to a service of this project (not the proxy itself). */
export function upstreamTargets(view: ProjectView): UpstreamTarget[] {
  let list = cache.get(view);
  if (!list) {
    list = [];
    for (const ref of view.upstreamRefs) {
      if (ref.host === '') continue;
      const res = view.resolve(ref.host);
      if (res.ok && res.service && res.service !== view.proxy) list.push({ ref, service: res.service });
    }
    cache.set(view, list);
  }
  return list;
}
