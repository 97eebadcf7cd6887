import { http } from './http'
import type { Entrant, EntrantStatus, Filters, Page, PageQuery, ReviewDecision, Schemas } from './types'

export type EntrantQuery = PageQuery & Filters<'listEntrants'>
export type EntrantInput = Schemas['Registration']

const MAX_PAGE_SIZE = 200

export const entrantsApi = {
  list: (eventId: number, query: EntrantQuery) => http.get<Page<Entrant>>(`/events/${eventId}/entrants`, query),
  /** Every entrant of an event matching the filter, page by page. */
  async all(eventId: number, status: EntrantStatus | '' = ''): Promise<Entrant[]> {
    const items: Entrant[] = []
    for (let page = 1; ; page++) {
      const result = await entrantsApi.list(eventId, { page, page_size: MAX_PAGE_SIZE, status })
      items.push(...result.items)
      if (result.items.length < MAX_PAGE_SIZE || items.length >= result.total) return items
    }
  },
  create: (eventId: number, input: EntrantInput) => http.post<Entrant>(`/events/${eventId}/entrants`, input),
  withdraw: (id: number) => http.post<Entrant>(`/entrants/${id}/withdraw`),
  review: (id: number, decision: ReviewDecision, reason: string, version: number) =>
    http.post<Entrant>(`/entrants/${id}/review`, { decision, reason, version } satisfies Schemas['ReviewRequest']),
  approveMany: (eventId: number, ids: number[]) =>
    http.post<Schemas['ApproveAllResult']>(`/events/${eventId}/entrants/approve`, { ids } satisfies Schemas['ApproveAllRequest']),
  rejectMany: (eventId: number, ids: number[], reason: string) =>
    http.post<Schemas['RejectAllResult']>(`/events/${eventId}/entrants/reject`, { ids, reason } satisfies Schemas['RejectAllRequest']),
}
