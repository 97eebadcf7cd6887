import { creditCodeCheckChar } from '../src/validation/creditCode'
import { idNumberCheckChar } from '../src/validation/idNumber'
import type { APIRequestContext, Page, PlaywrightWorkerArgs } from './fixtures'
import { ADMIN, apiAs, untimed } from './support'

interface Ref {
  id: number
}

/** A district's 钳工 event, drawn, whose enterprises' workers are entered two by two. */
export interface DrawnEvent {
  district: string
  contest: string
  enterprises: { name: string; code: string; user: string }[]
  /** Name and first 17 characters of the ID number of each worker, two an enterprise. */
  workers: string[][]
  seed: string
  /** Every account the scenario makes sets this password. */
  password: string
  /** Stages without the time used, and tie-breaks without it: sheets of marks only. */
  untimed?: boolean
}

/**
 * Arranges, through the API, a district's skills contest with one drawn event at the step
 * registration_closed, for a judging scenario to give its panel and move to judging.
 */
export async function drawnEvent(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined, d: DrawnEvent) {
  const session = async (username: string, password: string) => {
    const request: APIRequestContext = await playwright.request.newContext({ baseURL })
    return apiAs(request, username, password)
  }
  const admin = await session(ADMIN.username, ADMIN.password)
  const account = async (username: string, role: string, organisationId: number) => {
    const created = await admin.post<Ref>('/accounts', { username, display_name: username, role, organisation_id: organisationId, password: 'Initial-pass-2026' })
    const own = await session(username, 'Initial-pass-2026')
    await own.post('/auth/password', { old_password: 'Initial-pass-2026', new_password: d.password })
    return created
  }
  const { items: roots } = await admin.get<{ items: Ref[] }>('/organisations/tree')
  const district = await admin.post<Ref>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: d.district })
  const now = Date.now()
  const contest = await admin.post<Ref>('/contests', { name: d.contest, kind: 'skills', format: 'trade', level: 'district', organiser_id: district.id,
    registration_opens_at: new Date(now - 3600_000).toISOString(), registration_closes_at: new Date(now + 7 * 86400_000).toISOString() })
  const event = await admin.post<Ref>(`/contests/${contest.id}/events`, { name: '钳工', trade: '钳工', entrant_type: 'individual' })
  if (d.untimed) await untimed(admin, event.id)
  await admin.post(`/contests/${contest.id}/steps`, { to: 'registration_open' })
  const ids: number[] = []
  for (const [i, e] of d.enterprises.entries()) {
    const org = await admin.post<Ref>('/organisations', { parent_id: district.id, kind: 'enterprise', name: e.name, credit_code: e.code + creditCodeCheckChar(e.code) })
    await account(e.user, 'enterprise', org.id)
    const ent = await session(e.user, d.password)
    for (const [name, first17] of d.workers.slice(i * 2, i * 2 + 2)) {
      const entry = await ent.post<Ref>(`/events/${event.id}/entrants`, {
        person: { name, gender: 'male', id_number: first17 + idNumberCheckChar(first17), mobile: '13800138000', trade: '钳工', skill_level: '四级/中级工', years_in_trade: 5 },
      })
      ids.push(entry.id)
    }
  }
  await admin.post(`/events/${event.id}/entrants/approve`, { ids })
  await admin.post(`/contests/${contest.id}/steps`, { to: 'registration_closed' })
  await admin.post(`/events/${event.id}/draw`, { seed: d.seed })
  /** Gives a new judge account of the district a duty in the event. */
  const panel = async (username: string, duty: string, stages: string[] = []) => {
    const acc = await account(username, 'judge', district.id)
    await admin.post(`/events/${event.id}/panel`, { account_id: acc.id, duty, stages })
    return acc
  }
  return { admin, session, panel, eventId: event.id, contestId: contest.id }
}

/** From a score clerk's home page, opens the keying desk and starts (or goes on with) the clerk's round of a judge's paper sheet. */
export async function startKeying(page: Page, stage: string, judge: string): Promise<void> {
  await page.getByTestId('open-keying').click()
  await page.getByTestId('keying-stage').click()
  await page.locator('.el-select-dropdown:visible').getByText(stage, { exact: true }).click()
  await page.getByTestId('keying-judge').click()
  await page.locator('.el-select-dropdown:visible').getByText(judge, { exact: true }).click()
  await page.getByTestId('keying-start').click()
}
