import { http } from './http'
import type { Filters, Page, PageQuery, Person, Schemas } from './types'

export type PeopleQuery = PageQuery & Filters<'listPeople'>

export const peopleApi = {
  list: (query: PeopleQuery) => http.get<Page<Person>>('/people', query),
  entries: (id: number) => http.get<Schemas['PersonEntryList']>(`/people/${id}/entries`),
  transfer: (id: number, move: Schemas['PersonTransfer']) => http.post<Person>(`/people/${id}/transfer`, move),
}
