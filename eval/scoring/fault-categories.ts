/**
 * A diagnosis's root cause is free text; scoring needs a category. The patterns are tried in order and the first
 * match wins: a hedge ("cause not identified") first, then the specific faults before the broad ones, so a BGP
 * diagnosis that mentions the peer's configuration is still a version mismatch. It is a keyword heuristic, and an
 * LLM's wording can defeat it; the report says so.
 */
export const rootCauseCategories = [
  'peer_bgp_version_mismatch',
  'runaway_process',
  'fibre_cut',
  'bad_config_change',
  'memory_leak',
  'unidentified',
  'other',
] as const;
export type RootCauseCategory = (typeof rootCauseCategories)[number];

const patterns: Array<[RootCauseCategory, RegExp]> = [
  ['unidentified', /^\W*(cause not identified|no known fault signature|unknown|undetermined|unable to determine)/i],
  ['peer_bgp_version_mismatch', /version mismatch|unsupported version|incompatible bgp/i],
  ['memory_leak', /memory leak|leak(ing|ed)? memory|memory exhaustion/i],
  ['runaway_process', /runaway|cpu ?hog|high cpu|cpu (saturat|exhaust|pinned)/i],
  ['fibre_cut', /fib(re|er) (cut|break)|cut fib(re|er)|loss of (optical )?signal/i],
  ['bad_config_change', /config(uration)? (change|push|error)|bad (config|acl)|rollback/i],
];

export function categoriseRootCause(text: string): RootCauseCategory {
  return patterns.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
}
