/**
 * Records of counts written one to a line: the factory takes the counts in the order of `keys`, and a count left off
 * at the end is 0 (token usage, a workflow history's events and tasks).
 */
export function countsNamed<K extends string>(...keys: K[]): (...counts: number[]) => Record<K, number> {
  return (...counts) => Object.fromEntries(keys.map((key, i) => [key, counts[i] ?? 0])) as Record<K, number>;
}
