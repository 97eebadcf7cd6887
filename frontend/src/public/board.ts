import { REVEAL_LEVELS, type PublicEvent, type PublicLine, type PublicResults, type RevealLevel } from '@/api/types'

/** What names a published line: the name once decoded, else the draw number, else the work code. */
export function lineLabel(l: PublicLine): string {
  return l.name || l.draw_number || l.work_code
}

/** The stage score of a line, by stage code; undefined when the entrant has none (absent). */
export function lineStage(l: PublicLine, code: string): number | undefined {
  return l.stages.find((s) => s.code === code)?.score
}

/** The level after this one, or null at the last. */
export function nextLevel(level: RevealLevel): RevealLevel | null {
  const i = REVEAL_LEVELS.indexOf(level)
  return i >= 0 && i + 1 < REVEAL_LEVELS.length ? REVEAL_LEVELS[i + 1] : null
}

/** The event the big screen shows: the one asked for, else the one the announcer stepped last, else the first. */
export function screenEvent(results: PublicResults, asked?: number): PublicEvent | undefined {
  const byId = (id: number | null | undefined) => results.events.find((e) => e.id === id)
  return byId(asked) ?? byId(results.current_event_id) ?? results.events[0]
}

/**
 * The lines the big screen shows for an event: at a prize level, the prize just revealed
 * (the lower ones were shown at the steps before); at all, the whole ranking.
 */
export function screenLines(ev: PublicEvent): PublicLine[] {
  if (ev.reveal === 'all' || ev.reveal === 'none') return ev.lines
  return ev.lines.filter((l) => l.award === ev.reveal)
}

/** One page of a list, pages counted from 0; a page past the end wraps round to the first. */
export function pageOf<T>(list: readonly T[], page: number, size: number): T[] {
  const pages = Math.max(1, Math.ceil(list.length / size))
  const p = ((page % pages) + pages) % pages
  return list.slice(p * size, p * size + size)
}

/** Whether a line matches what a reader typed: part of the name, the draw number, the work code or the enterprise. */
export function lineMatches(l: PublicLine, query: string): boolean {
  const q = query.trim().toLowerCase()
  if (!q) return true
  return [l.name, l.draw_number, l.work_code, l.enterprise_name].some((v) => v.toLowerCase().includes(q))
}
