import { http } from './http'
import type { ContestStandings } from './types'

export const standingsApi = {
  /** The contest's team standings, enterprise ranking and medal tables, as the caller may see them. */
  get: (contestId: number) => http.get<ContestStandings>(`/contests/${contestId}/standings`),
}
