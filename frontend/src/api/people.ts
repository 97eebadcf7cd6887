import { http } from './http'
import type { Filters, Page, PageQuery, Person, Schemas } from './types'

export type PeopleQuery = PageQuery & Filters<'listPeople'>

export const peopleApi = {
  list: (query: PeopleQuery) => http.get<Page<Person>>('/people', query),
  create: (person: Schemas['PersonInput']) => http.post<Person>('/people', person),
  update: (id: number, person: Schemas['PersonInput']) => http.patch<Person>(`/people/${id}`, person),
  entries: (id: number) => http.get<Schemas['PersonEntryList']>(`/people/${id}/entries`),
  transfer: (id: number, move: Schemas['PersonTransfer']) => http.post<Person>(`/people/${id}/transfer`, move),
}
