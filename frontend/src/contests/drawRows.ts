import type { Draw, Entrant } from '@/api/types'

export interface DrawRow {
  draw_number: string
  station: number
  session: number
  enterprise: string
  entrant: Entrant | undefined
}

/** The draw's assignments joined with their entrants, in draw-number order. */
export function drawRows(draw: Draw, entrants: readonly Entrant[]): DrawRow[] {
  const byId = new Map(entrants.map((e) => [e.id, e]))
  return draw.assignments
    .map((a) => {
      const entrant = byId.get(a.entrant_id)
      return { draw_number: a.draw_number, station: a.station, session: a.session, enterprise: entrant?.enterprise_name ?? '', entrant }
    })
    .sort((a, b) => a.draw_number.localeCompare(b.draw_number, 'en', { numeric: true }))
}
