import { InputError } from '../core/errors.js';
import { commonPrefixLen, type IpAddress, parseIp, sharedLeadingBits } from './ip.js';
import {
  glibcBuiltinPolicy,
  labelOf,
  type PolicyName,
  precedenceOf,
  rfc3484Policy,
  rfc6724Policy,
  type SelectionPolicy,
  scopeName,
  scopeOf,
} from './policy.js';

/**
 * What the host knows about a source address. Linux exposes deprecated and home-address flags
 * (IFA_F_DEPRECATED, IFA_F_HOMEADDRESS) and tunnel interfaces; care-of is never visible from the OS.
 */
export interface SourceAttributes {
  deprecated?: boolean;
  home?: boolean;
  careOf?: boolean;
  /** The source's interface encapsulates (a tunnel): rule 7. */
  encapsulated?: boolean;
}

export interface DestinationPair {
  destination: string;
  /** Source(D), or null when there is none (no route): rule 1. */
  source: string | null;
  /** The prefix length of the source's subnet, when known (rule 9). */
  sourcePrefixLength?: number;
  sourceAttributes?: SourceAttributes;
}

export interface SortStep {
  /** The operand that came first in the input. */
  a: string;
  b: string;
  /** The one placed first. */
  winner: string;
  rule: number;
  ruleName: string;
  reason: string;
}

export interface Placement {
  address: string;
  /** The rule that put it after the previous address; 0 for the first. */
  rule: number;
  reason: string;
}

export interface SortResult {
  policy: PolicyName;
  order: string[];
  /** Every comparison the (stable merge) sort made, in order. */
  steps: SortStep[];
  placements: Placement[];
}

export const RULE_NAMES: Record<number, string> = {
  1: 'avoid unusable destinations',
  2: 'prefer matching scope',
  3: 'avoid deprecated addresses',
  4: 'prefer home addresses',
  5: 'prefer matching label',
  6: 'prefer higher precedence',
  7: 'prefer native transport',
  8: 'prefer smaller scope',
  9: 'use longest matching prefix',
  10: 'leave order unchanged',
};

interface Candidate {
  pair: DestinationPair;
  destination: IpAddress;
  source: IpAddress | null;
  attributes: SourceAttributes;
}

interface Verdict {
  /** -1: a first, 1: b first, 0: undecided (rule 10 keeps input order). */
  result: -1 | 0 | 1;
  rule: number;
  reason: string;
}

export function policyByName(name: PolicyName): SelectionPolicy {
  if (name === 'rfc3484') return rfc3484Policy();
  if (name === 'glibc') return glibcBuiltinPolicy();
  return rfc6724Policy();
}

function toCandidate(pair: DestinationPair): Candidate {
  const destination = parseIp(pair.destination);
  if (!destination) throw new InputError(`destination "${pair.destination}" is not an IPv4 or IPv6 address`);
  let source: IpAddress | null = null;
  if (pair.source !== null) {
    source = parseIp(pair.source);
    if (!source) throw new InputError(`source "${pair.source}" is not an IPv4 or IPv6 address`);
    if (source.family !== destination.family) {
      throw new InputError(
        `source ${source.text} is IPv${source.family} but destination ${destination.text} is IPv${destination.family}`,
      );
    }
  }
  return { pair, destination, source, attributes: pair.sourceAttributes ?? {} };
}

/** Turns "does A have the preferred property / does B" into a verdict. */
function prefer(aHas: boolean, bHas: boolean, rule: number, reason: string): Verdict | null {
  if (aHas === bHas) return null;
  return { result: aHas ? -1 : 1, rule, reason };
}

/** Rule 9's CommonPrefixLen(Source(D), D), or null when the policy does not apply rule 9 here. */
function rule9Length(policy: SelectionPolicy, c: Candidate, other: Candidate): number | null {
  const src = c.source;
  if (!src || !other.source || c.destination.family !== other.destination.family) return null;
  const dst = c.destination;
  switch (policy.rule9) {
    case 'rfc6724':
      if (dst.family !== 6) return null;
      return commonPrefixLen(src, dst, c.pair.sourcePrefixLength ?? 64);
    case 'rfc3484':
      return commonPrefixLen(src, dst, 128);
    case 'glibc': {
      if (dst.family === 6) return commonPrefixLen(src, dst, 128);
      // glibc: "common address prefixes for IPv4 addresses make no sense" outside the source's subnet.
      const prefix = c.pair.sourcePrefixLength;
      if (prefix === undefined) return 0;
      const inSubnet = sharedLeadingBits(src.bytes, dst.bytes, 96, 32) >= prefix;
      return inSubnet ? commonPrefixLen(src, dst) : 0;
    }
  }
}

function rule4(policy: SelectionPolicy, a: SourceAttributes, b: SourceAttributes): Verdict | null {
  const reason = (x: SourceAttributes) =>
    x.home && x.careOf ? 'home+care-of' : x.home ? 'home' : x.careOf ? 'care-of' : 'neither home nor care-of';
  if (policy.name === 'glibc') return prefer(!!a.home, !!b.home, 4, `source ${reason(a)} vs ${reason(b)}`);
  const both = (x: SourceAttributes) => !!x.home && !!x.careOf;
  const why = `source ${reason(a)} vs ${reason(b)}`;
  const v = prefer(both(a), both(b), 4, why);
  if (v) return v;
  const homeOnly = (x: SourceAttributes) => !!x.home && !x.careOf;
  const careOfOnly = (x: SourceAttributes) => !x.home && !!x.careOf;
  if (homeOnly(a) && careOfOnly(b)) return { result: -1, rule: 4, reason: why };
  if (careOfOnly(a) && homeOnly(b)) return { result: 1, rule: 4, reason: why };
  return null;
}

function compare(policy: SelectionPolicy, a: Candidate, b: Candidate): Verdict {
  const A = a.destination;
  const B = b.destination;
  const rule1 = prefer(
    !!a.source,
    !!b.source,
    1,
    `source ${a.source?.text ?? 'none'} vs ${b.source?.text ?? 'none'}`,
  );
  if (rule1) return rule1;
  const bothSourced = a.source !== null && b.source !== null;
  const scopeA = scopeOf(policy, A);
  const scopeB = scopeOf(policy, B);

  if (a.source && b.source) {
    const srcScopeA = scopeOf(policy, a.source);
    const srcScopeB = scopeOf(policy, b.source);
    const show = (d: number, s: number) => `${scopeName(d)}${d === s ? '=' : '≠'}${scopeName(s)}`;
    const v2 = prefer(
      scopeA === srcScopeA,
      scopeB === srcScopeB,
      2,
      `scope(D) vs scope(S): ${show(scopeA, srcScopeA)} vs ${show(scopeB, srcScopeB)}`,
    );
    if (v2) return v2;
    const v3 = prefer(
      !a.attributes.deprecated,
      !b.attributes.deprecated,
      3,
      `source ${a.attributes.deprecated ? 'deprecated' : 'preferred'} vs ${b.attributes.deprecated ? 'deprecated' : 'preferred'}`,
    );
    if (v3) return v3;
    const v4 = rule4(policy, a.attributes, b.attributes);
    if (v4) return v4;
    const labelA = labelOf(policy, A);
    const labelB = labelOf(policy, B);
    const srcLabelA = labelOf(policy, a.source);
    const srcLabelB = labelOf(policy, b.source);
    const showLabel = (d: number, s: number) => `${d}${d === s ? '=' : '≠'}${s}`;
    const v5 = prefer(
      labelA === srcLabelA,
      labelB === srcLabelB,
      5,
      `label(D) vs label(S): ${showLabel(labelA, srcLabelA)} vs ${showLabel(labelB, srcLabelB)}`,
    );
    if (v5) return v5;
  }

  const precA = precedenceOf(policy, A);
  const precB = precedenceOf(policy, B);
  if (precA !== precB) {
    return { result: precA > precB ? -1 : 1, rule: 6, reason: `precedence ${precA} vs ${precB}` };
  }

  if (bothSourced) {
    const v7 = prefer(
      !a.attributes.encapsulated,
      !b.attributes.encapsulated,
      7,
      `${a.attributes.encapsulated ? 'tunnel' : 'native'} vs ${b.attributes.encapsulated ? 'tunnel' : 'native'}`,
    );
    if (v7) return v7;
  }

  if (scopeA !== scopeB) {
    return {
      result: scopeA < scopeB ? -1 : 1,
      rule: 8,
      reason: `scope ${scopeName(scopeA)} vs ${scopeName(scopeB)}`,
    };
  }

  const lenA = rule9Length(policy, a, b);
  const lenB = rule9Length(policy, b, a);
  if (lenA !== null && lenB !== null && lenA !== lenB) {
    return {
      result: lenA > lenB ? -1 : 1,
      rule: 9,
      reason: `CommonPrefixLen(S, D) ${lenA} vs ${lenB}`,
    };
  }
  return { result: 0, rule: 10, reason: 'no rule decides; input order kept' };
}

/** Explains why `first` goes before `second` (or not) under `policy`. */
export function explainPair(
  first: DestinationPair,
  second: DestinationPair,
  policy: PolicyName | SelectionPolicy,
): { rule: number; ruleName: string; reason: string; firstWins: boolean } {
  const p = typeof policy === 'string' ? policyByName(policy) : policy;
  const v = compare(p, toCandidate(first), toCandidate(second));
  return { rule: v.rule, ruleName: RULE_NAMES[v.rule] ?? '', reason: v.reason, firstWins: v.result <= 0 };
}

/**
 * Orders destinations as a host whose chosen source for each is `source` would (RFC 6724 §6 with
 * the given policy's tables and rule 9). Pure: a stable merge sort, so rule 10 keeps input order.
 */
export function sortDestinations(
  pairs: readonly DestinationPair[],
  policy: PolicyName | SelectionPolicy,
): SortResult {
  const p = typeof policy === 'string' ? policyByName(policy) : policy;
  const candidates = pairs.map(toCandidate);
  const steps: SortStep[] = [];
  const decide = (a: Candidate, b: Candidate): boolean => {
    const v = compare(p, a, b);
    steps.push({
      a: a.destination.text,
      b: b.destination.text,
      winner: (v.result <= 0 ? a : b).destination.text,
      rule: v.rule,
      ruleName: RULE_NAMES[v.rule] ?? '',
      reason: v.reason,
    });
    return v.result <= 0;
  };
  const mergeSort = (items: Candidate[]): Candidate[] => {
    if (items.length < 2) return items;
    const middle = items.length >> 1;
    const left = mergeSort(items.slice(0, middle));
    const right = mergeSort(items.slice(middle));
    const merged: Candidate[] = [];
    let i = 0;
    let j = 0;
    while (i < left.length && j < right.length) {
      // Left elements always came earlier in the input, so a tie keeps input order (rule 10).
      if (decide(left[i]!, right[j]!)) merged.push(left[i++]!);
      else merged.push(right[j++]!);
    }
    return [...merged, ...left.slice(i), ...right.slice(j)];
  };
  const sorted = mergeSort(candidates);
  const placements = sorted.map((c, index): Placement => {
    const previous = sorted[index - 1];
    if (!previous) return { address: c.destination.text, rule: 0, reason: 'first' };
    const v = compare(p, previous, c);
    return { address: c.destination.text, rule: v.rule, reason: v.reason };
  });
  return { policy: p.name, order: sorted.map((c) => c.destination.text), steps, placements };
}
