import { http } from './http'
import type { Page, PageQuery, Person, PersonEntry } from './types'

export interface PeopleQuery extends PageQuery {
  organisation_id?: number
}

export const peopleApi = {
  list: (query: PeopleQuery) => http.get<Page<Person>>('/people', query),
  entries: (id: number) => http.get<{ items: PersonEntry[] }>(`/people/${id}/entries`),
}
