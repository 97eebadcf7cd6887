import { http } from './http'
import type { EventResults, ResultDecoding, ResultTie, ResultVersion, Schemas } from './types'

const resultsPath = (eventId: number) => `/events/${eventId}/results`

export const resultsApi = {
  /** The event's results: sign-off, decoding, versions and the newest version in full. */
  get: (eventId: number) => http.get<EventResults>(resultsPath(eventId)),
  /** Computes the results; a computation that changes nothing answers the newest version again. */
  compute: (eventId: number) => http.post<ResultVersion>(resultsPath(eventId)),
  version: (eventId: number, version: number) => http.get<ResultVersion>(`${resultsPath(eventId)}/versions/${version}`),
  ties: (eventId: number) => http.get<ResultTie[]>(`${resultsPath(eventId)}/ties`),
  decide: (eventId: number, entrants: number[], reason: string) =>
    http.post(`${resultsPath(eventId)}/decisions`, { entrants, reason } satisfies Schemas['TieDecisionRequest']),
  /** Decodes the next layer: work codes to draw numbers, then draw numbers to names. */
  decode: (eventId: number) => http.post<ResultDecoding>(`${resultsPath(eventId)}/decode`),
}
