// The access module's rules as nginx applies them: shared by allow-without-deny, stub-status-exposed
// and return-bypasses-allow-deny.
import type { NginxDirective } from '../nginx/ast.js';
import { childrenOf } from './scope.js';
import type { PlacedDirective, ProjectView } from './view.js';

/**
 * The allow/deny list in effect in the innermost block of `chain`: like other array settings, the
 * innermost level that has any allow or deny wins and outer levels are ignored there.
 */
export function accessRules(view: ProjectView, chain: readonly NginxDirective[]): PlacedDirective[] {
  for (let i = chain.length - 1; i >= -1; i--) {
    const rules = childrenOf(view, i >= 0 ? chain[i] : undefined).filter(
      (p) => p.d.directive === 'allow' || p.d.directive === 'deny',
    );
    if (rules.length) return rules;
  }
  return [];
}

export function deniesAll(rules: readonly PlacedDirective[]): boolean {
  return rules.some((p) => p.d.directive === 'deny' && p.d.args[0]?.toLowerCase() === 'all');
}

/** `auth_basic "realm"` (not off) or `auth_request` in effect for the innermost block of `chain`. */
export function requiresAuth(view: ProjectView, chain: readonly NginxDirective[]): boolean {
  for (const name of ['auth_basic', 'auth_request', 'auth_jwt']) {
    for (let i = chain.length - 1; i >= -1; i--) {
      const hit = childrenOf(view, i >= 0 ? chain[i] : undefined).findLast((p) => p.d.directive === name);
      if (!hit) continue;
      if (hit.d.args[0]?.toLowerCase() !== 'off') return true;
      break;
    }
  }
  return false;
}
