import { creditCodeCheckChar } from '../src/validation/creditCode'
import { idNumberCheckChar } from '../src/validation/idNumber'
import { expect, test, type APIRequestContext, type Browser, type Page } from './fixtures'
import { ADMIN, apiAs, login, shot, untimed } from './support'

// A district's welders' contest, judged, signed off, computed, decoded and published for public notice.
// Anybody reads the results without logging in, on a phone and on a desktop; at the award ceremony the
// venue's big screen shows only what the organiser, on a laptop of its own, has revealed so far.
const CONTEST = '青湾区焊工技能比武'
const EVENT = '焊工'
const PASSWORD = 'Public-e2e-2026'
const INITIAL = 'Initial-pass-2026'
const ORGANISER = 'pub_org'
const ENTERPRISES = [
  { name: '青湾船厂', code: '91440300MA5PB0001', user: 'pub_ent1' },
  { name: '青湾锅炉', code: '91440300MA5PB0002', user: 'pub_ent2' },
]
/** Name, first 17 characters of the ID number, enterprise, theory and practical marks. */
const WORKERS = [
  ['邹刚', '11010819920606001', 0, 90, 80],
  ['喻平', '11010819920606003', 0, 70, 90],
  ['柏林', '11010819920606005', 1, 60, 60],
] as const
// 喻平 21 + 63 = 84 (一等奖), 邹刚 27 + 56 = 83 (二等奖), 柏林 18 + 42 = 60 (三等奖).

interface Ref {
  id: number
}
interface Draw {
  assignments: { entrant_id: number; draw_number: string }[]
}

test.describe.configure({ mode: 'serial' })

let contestId = 0
let eventId = 0

/** A page of a browser context of its own, with no session: a reader who never logged in. */
async function anonymousPage(browser: Browser, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' })
  return context.newPage()
}

test('a welders’ contest is judged, computed, decoded and published for public notice', async ({ playwright, baseURL }) => {
  const session = async (username: string, password: string) => {
    const context: APIRequestContext = await playwright.request.newContext({ baseURL })
    return apiAs(context, username, password)
  }
  const admin = await session(ADMIN.username, ADMIN.password)
  const { items: roots } = await admin.get<{ items: Ref[] }>('/organisations/tree')
  const district = await admin.post<Ref>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: '青湾区总工会' })
  const account = async (username: string, role: string, organisationId: number) => {
    const created = await admin.post<Ref>('/accounts', { username, display_name: username, role, organisation_id: organisationId, password: INITIAL })
    const own = await session(username, INITIAL)
    await own.post('/auth/password', { old_password: INITIAL, new_password: PASSWORD })
    return created
  }
  await account(ORGANISER, 'organiser', district.id)
  for (const e of ENTERPRISES) {
    const org = await admin.post<Ref>('/organisations', { parent_id: district.id, kind: 'enterprise', name: e.name, credit_code: e.code + creditCodeCheckChar(e.code) })
    await account(e.user, 'enterprise', org.id)
  }
  const judge = await account('pub_judge', 'judge', district.id)
  const chief = await account('pub_chief', 'judge', district.id)
  const organiser = await session(ORGANISER, PASSWORD)
  const now = Date.now()
  contestId = (await organiser.post<Ref>('/contests', { name: CONTEST, kind: 'skills', format: 'trade', level: 'district', organiser_id: district.id,
    registration_opens_at: new Date(now - 3600_000).toISOString(), registration_closes_at: new Date(now + 7 * 86400_000).toISOString() })).id
  eventId = (await organiser.post<Ref>(`/contests/${contestId}/events`, { name: EVENT, trade: EVENT, entrant_type: 'individual' })).id
  await untimed(organiser, eventId)
  await organiser.post(`/contests/${contestId}/steps`, { to: 'registration_open' })
  const ids: number[] = []
  for (const [name, first17, enterprise] of WORKERS) {
    const ent = await session(ENTERPRISES[enterprise].user, PASSWORD)
    const entry = await ent.post<Ref>(`/events/${eventId}/entrants`, {
      person: { name, gender: 'male', id_number: first17 + idNumberCheckChar(first17), mobile: '13600136000', trade: EVENT, skill_level: '四级/中级工', years_in_trade: 7 },
    })
    ids.push(entry.id)
  }
  await organiser.post(`/events/${eventId}/entrants/approve`, { ids })
  await organiser.post(`/contests/${contestId}/steps`, { to: 'registration_closed' })
  const draw = await organiser.post<Draw>(`/events/${eventId}/draw`, { seed: 'feed' })
  const numbers = ids.map((id) => draw.assignments.find((a) => a.entrant_id === id)?.draw_number ?? '')
  await organiser.post(`/events/${eventId}/panel`, { account_id: chief.id, duty: 'chief' })
  await organiser.post(`/events/${eventId}/panel`, { account_id: judge.id, duty: 'judge', stages: ['theory', 'practical'] })
  await organiser.post(`/contests/${contestId}/steps`, { to: 'judging' })

  const marker = await session('pub_judge', PASSWORD)
  for (const [i, [, , , theory, practical]] of WORKERS.entries()) {
    await marker.put(`/events/${eventId}/sheets/theory/marks`, { number: numbers[i], criterion: 'T1', points: theory, version: 0 })
    await marker.put(`/events/${eventId}/sheets/practical/marks`, { number: numbers[i], criterion: 'P1', points: practical, version: 0 })
  }
  await marker.post(`/events/${eventId}/sheets/theory/submit`, { version: 1 })
  await marker.post(`/events/${eventId}/sheets/practical/submit`, { version: 1 })
  const signer = await session('pub_chief', PASSWORD)
  await signer.post(`/events/${eventId}/stages/theory/sign-off`, {})
  await signer.post(`/events/${eventId}/stages/practical/sign-off`, {})
  await organiser.post(`/events/${eventId}/results`, {})
  await organiser.post(`/events/${eventId}/results/decode`, {})
  await organiser.post(`/contests/${contestId}/steps`, { to: 'public_notice' })
})

test('on a phone, logged out, anybody finds the contest and reads its results by name, without ID numbers', async ({ browser }) => {
  const page = await anonymousPage(browser, 390, 844)
  await page.goto('/public')
  await expect(page.getByTestId('public-contests')).toContainText(CONTEST)
  await page.getByTestId(`public-contest-${contestId}`).click()
  await expect(page).toHaveURL(new RegExp(`/public/contests/${contestId}$`))
  await expect(page.getByTestId('public-contest-name')).toHaveText(CONTEST)
  await expect(page.getByTestId('public-status')).toHaveText('公示中')
  const lines = page.getByTestId('public-line')
  await expect(lines).toHaveCount(3)
  await expect(lines.nth(0)).toContainText('第 1 名')
  await expect(lines.nth(0)).toContainText('喻平')
  await expect(lines.nth(0)).toContainText('青湾船厂')
  await expect(lines.nth(0)).toContainText('一等奖')
  await expect(lines.nth(0)).toContainText('84')
  await expect(lines.nth(2)).toContainText('柏林')
  await expect(lines.nth(2)).toContainText('三等奖')
  const text = await page.locator('body').innerText()
  for (const [, first17] of WORKERS) expect(text).not.toContain(first17)
  expect(text).not.toContain('13600136000')
  // The page fits the phone: nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await shot(page, '80-public-phone')
  await page.context().close()
})

test('on a desktop the results are a table, in Chinese or in English', async ({ browser }) => {
  const page = await anonymousPage(browser, 1440, 900)
  await page.goto(`/public/contests/${contestId}`)
  const rows = page.getByTestId('public-lines').locator('tbody tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('喻平')
  await expect(rows.nth(1)).toContainText('邹刚')
  await expect(rows.nth(1)).toContainText('二等奖')
  await expect(page.getByTestId('public-lines')).toContainText('理论')
  await expect(page.getByTestId('public-lines')).toContainText('实操')
  await shot(page, '81-public-desktop')
  await page.getByTestId('language-switch').click()
  await page.locator('.el-dropdown-menu:visible').getByText('English').click()
  await expect(page.getByTestId('public-status')).toHaveText(/public notice/i)
  await expect(rows.nth(0)).toContainText('First prize')
  await page.context().close()
})

test('the big screen follows the reveal the organiser steps on a laptop of its own', async ({ browser }) => {
  const screen = await anonymousPage(browser, 1920, 1080)
  await screen.goto(`/public/contests/${contestId}/screen`)
  await expect(screen.getByTestId('screen-contest')).toHaveText(CONTEST)
  await expect(screen.getByTestId('screen-event')).toHaveText(EVENT)
  // Nobody has stepped the reveal: the published results show whole.
  await expect(screen.getByTestId('screen-line')).toHaveCount(3)

  const laptop = await (await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })).newPage()
  await login(laptop, ORGANISER, PASSWORD)
  await expect(laptop.getByTestId('logout')).toBeVisible()
  await laptop.goto(`/contests/${contestId}`)
  await laptop.getByTestId('open-reveal').click()
  const event = laptop.getByTestId(`reveal-event-${eventId}`)
  await expect(event.getByTestId('reveal-level')).toHaveText('全部')

  await event.getByTestId('reveal-none').click()
  await expect(event.getByTestId('reveal-level')).toHaveText('不显示')
  await expect(screen.getByTestId('screen-waiting')).toHaveText('即将揭晓')
  await expect(screen.getByTestId('screen-line')).toHaveCount(0)
  await shot(screen, '82-screen-coming-up')

  // A reader's phone shows no more than the screen.
  const phone = await anonymousPage(browser, 390, 844)
  await phone.goto(`/public/contests/${contestId}`)
  await expect(phone.getByTestId('public-hidden')).toContainText('还有 3 人')
  await expect(phone.getByTestId('public-line')).toHaveCount(0)

  for (const step of [
    { level: '优胜奖', shown: [] as string[] },
    { level: '三等奖', shown: ['柏林'] },
    { level: '二等奖', shown: ['邹刚'] },
    { level: '一等奖', shown: ['喻平'] },
  ]) {
    await event.getByTestId('reveal-next').click()
    await expect(event.getByTestId('reveal-level')).toHaveText(step.level)
    await expect(screen.getByTestId('screen-heading')).toHaveText(step.level)
    await expect(screen.getByTestId('screen-line')).toHaveCount(step.shown.length)
    for (const name of step.shown) await expect(screen.getByTestId('screen-lines')).toContainText(name)
    await expect(screen.getByTestId('screen-none')).toHaveCount(step.shown.length === 0 ? 1 : 0)
  }
  await expect(screen.getByTestId('screen-lines')).not.toContainText('邹刚')
  await shot(screen, '83-screen-first-prize')

  await event.getByTestId('reveal-next').click()
  await expect(event.getByTestId('reveal-level')).toHaveText('全部')
  await expect(screen.getByTestId('screen-heading')).toHaveText('成绩排名')
  await expect(screen.getByTestId('screen-line')).toHaveCount(3)
  await expect(screen.getByTestId('screen-line').nth(0)).toContainText('喻平')
  await shot(screen, '84-screen-ranking')
  await shot(laptop, '85-reveal-control')

  await phone.reload()
  await expect(phone.getByTestId('public-line')).toHaveCount(3)
  for (const p of [screen, laptop, phone]) await p.context().close()
})
