// Tie-break order: `stage:<code>` keys, `time`, and `shared`, which may only come last.
export const TIME = 'time'
export const SHARED = 'shared'
const STAGE_PREFIX = 'stage:'

export type TieBreakKey = string

export function stageKey(code: string): TieBreakKey {
  return `${STAGE_PREFIX}${code}`
}

/** The stage code of a `stage:<code>` key, or null for other keys. */
export function stageOf(key: TieBreakKey): string | null {
  return key.startsWith(STAGE_PREFIX) ? key.slice(STAGE_PREFIX.length) : null
}

/** Every key the stages allow, in a natural order: the stages, then time, then shared. */
export function allKeys(stageCodes: readonly string[]): TieBreakKey[] {
  return [...stageCodes.filter((c) => c !== '').map(stageKey), TIME, SHARED]
}

/** Drops unknown and repeated keys and puts `shared` last. */
export function normalise(order: readonly TieBreakKey[], stageCodes: readonly string[]): TieBreakKey[] {
  const allowed = new Set(allKeys(stageCodes))
  const kept = [...new Set(order)].filter((key) => allowed.has(key))
  const rest = kept.filter((key) => key !== SHARED)
  return kept.includes(SHARED) ? [...rest, SHARED] : rest
}

/** The keys not yet in the order. */
export function unusedKeys(order: readonly TieBreakKey[], stageCodes: readonly string[]): TieBreakKey[] {
  return allKeys(stageCodes).filter((key) => !order.includes(key))
}

/** Adds a key; a key other than `shared` goes before a trailing `shared`. */
export function addKey(order: readonly TieBreakKey[], key: TieBreakKey): TieBreakKey[] {
  if (order.includes(key)) return [...order]
  if (key === SHARED || order[order.length - 1] !== SHARED) return [...order, key]
  return [...order.slice(0, -1), key, SHARED]
}

export function removeKey(order: readonly TieBreakKey[], index: number): TieBreakKey[] {
  return order.filter((_, i) => i !== index)
}

/** Whether the key at `index` may move by `delta` (-1 up, +1 down) without moving `shared` from the end. */
export function mayMove(order: readonly TieBreakKey[], index: number, delta: -1 | 1): boolean {
  const target = index + delta
  if (target < 0 || target >= order.length) return false
  return order[index] !== SHARED && order[target] !== SHARED
}

export function moveKey(order: readonly TieBreakKey[], index: number, delta: -1 | 1): TieBreakKey[] {
  if (!mayMove(order, index, delta)) return [...order]
  const next = [...order]
  ;[next[index], next[index + delta]] = [next[index + delta], next[index]]
  return next
}

/** Follows a renamed stage code through the order. */
export function renameStage(order: readonly TieBreakKey[], from: string, to: string): TieBreakKey[] {
  return order.map((key) => (key === stageKey(from) ? stageKey(to) : key))
}
