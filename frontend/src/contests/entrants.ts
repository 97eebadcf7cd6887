import type { Entrant } from '@/api/types'

/** What an entrant is called: the worker, the team, or the enterprise itself. */
export function entrantName(entrant: Entrant): string {
  return entrant.person?.name || entrant.team_name || entrant.enterprise_name
}
