import { http } from './http'
import type { ContestEvent, Draw, EventDraft } from './types'

export type EventInput = EventDraft

export type EventPatch = Partial<EventInput> & { version: number }

export const eventsApi = {
  list: (contestId: number) => http.get<{ items: ContestEvent[] }>(`/contests/${contestId}/events`).then((r) => r.items),
  get: (id: number) => http.get<ContestEvent>(`/events/${id}`),
  create: (contestId: number, input: EventInput) => http.post<ContestEvent>(`/contests/${contestId}/events`, input),
  update: (id: number, patch: EventPatch) => http.patch<ContestEvent>(`/events/${id}`, patch),
  remove: (id: number) => http.delete(`/events/${id}`),
  draw: (id: number, seed: string) => http.post<Draw>(`/events/${id}/draw`, seed ? { seed } : {}),
  getDraw: (id: number) => http.get<Draw>(`/events/${id}/draw`),
}
