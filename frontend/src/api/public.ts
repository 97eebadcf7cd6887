import { http } from './http'
import type { EventReveal, PublicContest, PublicResults, RevealLevel, Schemas } from './types'

/** Published results, for anybody: no session needed, and a 401 never ends one. */
export const publicApi = {
  contests: () => http.get<PublicContest[]>('/public/contests', undefined, { authRedirect: false }),
  /** Asks the server each time with the tag the browser holds: unchanged results come back as a 304, from the cache. */
  results: (contestId: number) =>
    http.get<PublicResults>(`/public/contests/${contestId}/results`, undefined, { authRedirect: false, cache: 'no-cache' }),
}

/** The reveal at the award ceremony, stepped by the contest's organisers. */
export const revealApi = {
  list: (contestId: number) => http.get<EventReveal[]>(`/contests/${contestId}/reveals`),
  set: (eventId: number, level: RevealLevel, version: number) =>
    http.put<EventReveal>(`/events/${eventId}/reveal`, { level, version } satisfies Schemas['RevealRequest']),
}
