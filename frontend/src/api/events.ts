import { http } from './http'
import type { ContestEvent, Draw, Schemas } from './types'

export type EventInput = Schemas['EventInput']
export type EventPatch = Schemas['EventUpdate']

export const eventsApi = {
  list: (contestId: number) => http.get<Schemas['EventList']>(`/contests/${contestId}/events`).then((r): ContestEvent[] => r.items),
  get: (id: number) => http.get<ContestEvent>(`/events/${id}`),
  create: (contestId: number, input: EventInput) => http.post<ContestEvent>(`/contests/${contestId}/events`, input),
  update: (id: number, patch: EventPatch) => http.patch<ContestEvent>(`/events/${id}`, patch),
  remove: (id: number) => http.delete(`/events/${id}`),
  draw: (id: number, seed: string) => http.post<Draw>(`/events/${id}/draw`, (seed ? { seed } : {}) satisfies Schemas['DrawRequest']),
  getDraw: (id: number) => http.get<Draw>(`/events/${id}/draw`),
}
