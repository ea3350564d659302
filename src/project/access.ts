// The access module's rules as nginx applies them: shared by allow-without-deny, stub-status-exposed
// and return-bypasses-allow-deny.
import type { NginxDirective } from '../nginx/ast.js';
import { effective } from './scope.js';
import type { PlacedDirective, ProjectView } from './view.js';

/**
 * The allow/deny list in effect in the innermost block of `chain`: allow and deny fill one list, and like
 * other array settings the innermost level that has any of them wins and outer levels are ignored there.
 */
export function accessRules(view: ProjectView, chain: readonly NginxDirective[]): readonly PlacedDirective[] {
  return effective(view, chain, 'allow', 'deny');
}

export function deniesAll(rules: readonly PlacedDirective[]): boolean {
  return rules.some((p) => p.d.directive === 'deny' && p.d.args[0]?.toLowerCase() === 'all');
}

/** `auth_basic "realm"` (not off) or `auth_request` in effect for the innermost block of `chain`. */
export function requiresAuth(view: ProjectView, chain: readonly NginxDirective[]): boolean {
  // Each is its own setting: the innermost level's last one is in effect.
  return ['auth_basic', 'auth_request', 'auth_jwt'].some((name) => {
    const hit = effective(view, chain, name).at(-1);
    return hit !== undefined && hit.d.args[0]?.toLowerCase() !== 'off';
  });
}
