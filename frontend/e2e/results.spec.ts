import { creditCodeCheckChar } from '../src/validation/creditCode'
import { idNumberCheckChar } from '../src/validation/idNumber'
import { expect, test, type APIRequestContext, type Page } from './fixtures'
import { ADMIN, apiAs, login, logout, shot, untimed } from './support'

// A district's fitters' contest: the judge's sheets are in, the chief judge signs both stages off, and the
// organiser computes the results, which name draw numbers only, decodes them to names and publishes them
// for public notice, before whose end they are not made final.
const CONTEST = '河西区钳工技能比武'
const EVENT = '钳工'
const PASSWORD = 'Results-e2e-2026'
const INITIAL = 'Initial-pass-2026'
const ENTERPRISES = [
  { name: '河西机床厂', code: '91440300MA5XW0061', user: 'res_ent1' },
  { name: '河西重工', code: '91440300MA5XW0062', user: 'res_ent2' },
]
/** Name, first 17 characters of the ID number, enterprise, theory and practical marks. */
const WORKERS = [
  ['秦一', '11010819880303001', 0, 90, 80],
  ['尤二', '11010819880303003', 0, 70, 90],
  ['许三', '11010819880303005', 1, 60, 60],
] as const
const JUDGE = { username: 'res_judge', name: '何平' }
const CHIEF = { username: 'res_chief', name: '吕方' }

interface Ref {
  id: number
}
interface Draw {
  assignments: { entrant_id: number; draw_number: string }[]
}

test.describe.configure({ mode: 'serial' })

let page: Page
let eventId = 0
let contestId = 0
/** The draw numbers, in the order of WORKERS. */
let numbers: string[] = []

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
})

test.afterAll(async () => {
  await page.close()
})

async function signIn(username: string): Promise<void> {
  await login(page, username, username === ADMIN.username ? ADMIN.password : PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId('logout')).toBeVisible()
}

async function confirmBox(action: string): Promise<void> {
  await page.locator('.el-message-box').getByRole('button', { name: action }).click()
}

test('judging is done: the judge has marked and submitted both stages of three fitters', async ({ playwright, baseURL }) => {
  const session = async (username: string, password: string) => {
    const context: APIRequestContext = await playwright.request.newContext({ baseURL })
    return apiAs(context, username, password)
  }
  const admin = await session(ADMIN.username, ADMIN.password)
  const { items: roots } = await admin.get<{ items: Ref[] }>('/organisations/tree')
  const district = await admin.post<Ref>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: '河西区总工会' })
  const account = async (username: string, displayName: string, role: string, organisationId: number) => {
    const created = await admin.post<Ref>('/accounts', { username, display_name: displayName, role, organisation_id: organisationId, password: INITIAL })
    const own = await session(username, INITIAL)
    await own.post('/auth/password', { old_password: INITIAL, new_password: PASSWORD })
    return created
  }
  const orgs: number[] = []
  for (const e of ENTERPRISES) {
    const org = await admin.post<Ref>('/organisations', { parent_id: district.id, kind: 'enterprise', name: e.name, credit_code: e.code + creditCodeCheckChar(e.code) })
    await account(e.user, e.name, 'enterprise', org.id)
    orgs.push(org.id)
  }
  const judge = await account(JUDGE.username, JUDGE.name, 'judge', district.id)
  const chief = await account(CHIEF.username, CHIEF.name, 'judge', district.id)
  const now = Date.now()
  const contest = await admin.post<Ref>('/contests', { name: CONTEST, kind: 'skills', format: 'trade', level: 'district', organiser_id: district.id,
    registration_opens_at: new Date(now - 3600_000).toISOString(), registration_closes_at: new Date(now + 7 * 86400_000).toISOString() })
  contestId = contest.id
  eventId = (await admin.post<Ref>(`/contests/${contest.id}/events`, { name: EVENT, trade: EVENT, entrant_type: 'individual' })).id
  await untimed(admin, eventId)
  await admin.post(`/contests/${contest.id}/steps`, { to: 'registration_open' })
  const ids: number[] = []
  for (const [name, body, enterprise] of WORKERS) {
    const ent = await session(ENTERPRISES[enterprise].user, PASSWORD)
    const entry = await ent.post<Ref>(`/events/${eventId}/entrants`, {
      person: { name, gender: 'male', id_number: body + idNumberCheckChar(body), mobile: '13700137000', trade: EVENT, skill_level: '四级/中级工', years_in_trade: 6 },
    })
    ids.push(entry.id)
  }
  await admin.post(`/events/${eventId}/entrants/approve`, { ids })
  await admin.post(`/contests/${contest.id}/steps`, { to: 'registration_closed' })
  const draw = await admin.post<Draw>(`/events/${eventId}/draw`, { seed: 'c0ffee' })
  numbers = ids.map((id) => draw.assignments.find((a) => a.entrant_id === id)?.draw_number ?? '')
  await admin.post(`/events/${eventId}/panel`, { account_id: chief.id, duty: 'chief' })
  await admin.post(`/events/${eventId}/panel`, { account_id: judge.id, duty: 'judge', stages: ['theory', 'practical'] })
  await admin.post(`/contests/${contest.id}/steps`, { to: 'judging' })

  const marker = await session(JUDGE.username, PASSWORD)
  for (const [i, [, , , theory, practical]] of WORKERS.entries()) {
    await marker.put(`/events/${eventId}/sheets/theory/marks`, { number: numbers[i], criterion: 'T1', points: theory, version: 0 })
    await marker.put(`/events/${eventId}/sheets/practical/marks`, { number: numbers[i], criterion: 'P1', points: practical, version: 0 })
  }
  await marker.post(`/events/${eventId}/sheets/theory/submit`, { version: 1 })
  await marker.post(`/events/${eventId}/sheets/practical/submit`, { version: 1 })
})

test('the chief judge signs both stages off on the board; the results wait for the organiser', async () => {
  await signIn(CHIEF.username)
  await page.getByTestId('open-progress').click()
  for (const stage of ['理论', '实操']) {
    const head = page.getByTestId(`progress-stage-${EVENT}-${stage}`)
    await head.getByRole('button', { name: '签核' }).click()
    await confirmBox('签核')
    await expect(head).toContainText('已签核')
  }
  await page.getByTestId(`results-link-${EVENT}`).click()
  await expect(page.getByTestId('results-page')).toContainText(`${EVENT} · 成绩`)
  await expect(page.getByTestId('results-stage-theory')).toHaveText('理论：已签核')
  await expect(page.getByTestId('results-page')).toContainText('尚未计算成绩')
  await expect(page.getByTestId('results-compute')).toHaveCount(0)
  await logout(page)
})

test('the organiser computes the results, which show draw numbers and no names until decoded', async () => {
  await signIn(ADMIN.username)
  await page.goto(`/events/${eventId}/results`)
  await expect(page.getByTestId('results-names-state')).toHaveText('姓名未解密')
  await page.getByTestId('results-compute').click()
  const table = page.getByTestId('results-table')
  const rows = table.locator('tbody tr')
  await expect(rows).toHaveCount(3)
  // 尤二 21 + 63 = 84, 秦一 27 + 56 = 83, 许三 18 + 42 = 60.
  await expect(rows.nth(0)).toContainText(numbers[1])
  await expect(rows.nth(0)).toContainText('84')
  await expect(rows.nth(0)).toContainText('一等奖')
  await expect(rows.nth(1)).toContainText(numbers[0])
  await expect(rows.nth(1)).toContainText('83')
  await expect(rows.nth(2)).toContainText('60')
  await expect(table).not.toContainText('尤二')
  await expect(page.getByTestId('results-version-title')).toContainText('第 1 版')
  await shot(page, '70-results-computed')
})

test('decoding is one explicit, confirmed step; then the names and enterprises appear', async () => {
  await page.getByTestId('results-decode').click()
  await confirmBox('解密')
  await expect(page.getByTestId('results-names-state')).toHaveText('姓名已解密')
  const rows = page.getByTestId('results-table').locator('tbody tr')
  await expect(rows.nth(0)).toContainText('尤二')
  await expect(rows.nth(0)).toContainText('河西机床厂')
  await expect(rows.nth(2)).toContainText('许三')
  await expect(rows.nth(2)).toContainText('河西重工')
  await expect(page.getByTestId('results-decode')).toHaveCount(0)
  await shot(page, '71-results-decoded')
})

// Making the results final, which freezes the contest, waits for the public notice's working days to pass
// (api/appeals_test.go moves the clock past them; this server runs on the real one), unless the contest is
// set to go without a notice period.
test('the organiser publishes the results; making them final waits for the end of the public notice', async () => {
  await page.getByTestId('results-publish').click()
  await confirmBox('发布公示')
  await expect(page.getByTestId('results-version-title')).toContainText('发布公示')
  await page.getByTestId('results-final').click()
  await confirmBox('最终确定成绩')
  await expect(page.locator('.el-message--error')).toContainText(/公示期至 \d{4}-\d{2}-\d{2} 结束（5 个工作日），公示期结束前不能最终确定/)
  await expect(page.getByTestId('results-frozen')).toHaveCount(0)
  await expect(page.getByTestId('results-history')).toContainText('发布公示')
  await shot(page, '72-results-notice')
  await logout(page)
})

test('set to go without a notice period, the results are made final at once, and the contest is frozen', async () => {
  await signIn(ADMIN.username)
  await page.goto(`/contests/${contestId}?tab=publication`)
  const days = page.getByTestId('notice-workdays').locator('input')
  await days.fill('0')
  await days.blur()
  await page.getByTestId('notice-save').click()
  await expect(page.getByTestId('notice-ends')).toHaveText('不设公示期')
  await page.goto(`/events/${eventId}/results`)
  await page.getByTestId('results-final').click()
  await confirmBox('最终确定成绩')
  await expect(page.getByTestId('results-frozen')).toBeVisible()
  await expect(page.getByTestId('results-compute')).toBeDisabled()
  await expect(page.getByTestId('results-history')).toContainText('最终确定')
  await shot(page, '73-results-final')
  await logout(page)
})
