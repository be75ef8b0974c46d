/**
 * The authentication level a web sign-in must reach (Logius' NLGov OpenID Connect profile; BIO 5.17 asks for
 * multi-factor authentication where the risk calls for it): the ID token's `acr` must be one of the accepted
 * values, and when methods are required, its `amr` must name at least one of them. A pure rule, so the sign-in
 * route and its tests read the same thing.
 */

export interface SignInLevelRequirement {
  /** Accepted `acr` values; empty: any. */
  acrValues: readonly string[];
  /** `amr` values of which one is enough; empty: none required. */
  amrValues: readonly string[];
}

export type SignInShortfall =
  | { kind: 'acr'; got: string | null; accepted: readonly string[] }
  | { kind: 'amr'; got: readonly string[]; accepted: readonly string[] };

/** What the sign-in lacks, or null when it reaches the required level. */
export function signInShortfall(claims: { acr?: unknown; amr?: unknown }, required: SignInLevelRequirement): SignInShortfall | null {
  const acr = typeof claims.acr === 'string' ? claims.acr : null;
  if (required.acrValues.length > 0 && (acr === null || !required.acrValues.includes(acr))) {
    return { kind: 'acr', got: acr, accepted: required.acrValues };
  }
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
  if (required.amrValues.length > 0 && !amr.some((method) => required.amrValues.includes(method))) {
    return { kind: 'amr', got: amr, accepted: required.amrValues };
  }
  return null;
}
