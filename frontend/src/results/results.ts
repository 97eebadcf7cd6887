import type { ResultEntry, ResultLine, ResultTie } from '@/api/types'

/** What names an entrant as far as the results are decoded: name, else draw number, else work code. */
export function entryLabel(e: ResultEntry): string {
  return e.name || e.draw_number || e.work_code
}

/** The next layer a decoding uncovers, or null when the results are decoded to names. */
export function nextLayer(d: { work_codes: boolean | null; names: boolean }): 'workCodes' | 'names' | null {
  if (d.work_codes === false) return 'workCodes'
  return d.names ? null : 'names'
}

/** The stage score of a line, by stage code; undefined when the entrant has none (absent). */
export function stageScore(line: ResultLine, code: string): number | undefined {
  return line.stages.find((s) => s.code === code)?.score
}

/** A tie's entrants with one moved up a place, for the chief judge's order; the list is not changed. */
export function moveUp<T>(list: readonly T[], i: number): T[] {
  const out = [...list]
  if (i > 0 && i < out.length) [out[i - 1], out[i]] = [out[i], out[i - 1]]
  return out
}

/** The ids of a tie's entrants in the order the chief judge set, best first. */
export function decisionOrder(tie: ResultTie, order: readonly number[]): number[] {
  return order.filter((id) => tie.entrants.some((e) => e.entrant_id === id))
}
