import { creditCodeCheckChar } from '../src/validation/creditCode'
import { idNumberCheckChar } from '../src/validation/idNumber'
import { expect, test, type APIRequestContext, type Page } from './fixtures'
import { ADMIN, apiAs, login, logout, shot, untimed } from './support'

// The chief judge of a district's electric welders' contest sees two judges' marks of one number 30 points apart,
// asks one of them to mark it again, and the judge does; a judge drops out and another takes over its sheet; after
// the sign-off a judge compares its marks with the panel's.
const CONTEST = '城郊区电焊工技能比武'
const EVENT = '电焊'
const PASSWORD = 'Oversight-e2e-2026'
const INITIAL = 'Initial-pass-2026'
const ENTERPRISES = [
  { name: '城郊机械厂', code: '91440300MA5XW0031', user: 'ent_cy1' },
  { name: '城郊电气公司', code: '91440300MA5XW0032', user: 'ent_cy2' },
]
const WORKERS = [
  ['蒋一', '11010819880202001', 0],
  ['沈二', '11010819880202003', 0],
  ['韦三', '11010819880202005', 1],
] as const
const JUDGES = {
  first: { username: 'judge_cx1', name: '冯明' },
  second: { username: 'judge_cx2', name: '陈亮' },
  reserve: { username: 'judge_cx3', name: '韩雪' },
  chief: { username: 'chief_cx', name: '卫国' },
}

interface Ref {
  id: number
}
interface Draw {
  assignments: { entrant_id: number; draw_number: string }[]
}

test.describe.configure({ mode: 'serial' })

let page: Page
let contestId = 0
let eventId = 0
/** The draw numbers, in the order of WORKERS. */
let numbers: string[] = []
let session: (username: string, password: string) => Promise<Awaited<ReturnType<typeof apiAs>>>

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

const cell = (number: string) => page.getByTestId(`mark-${number}-P1`)

test('a district has a draft electric welders’ contest with two enterprises and four judges', async ({ playwright, baseURL }) => {
  session = async (username: string, password: string) => {
    const context: APIRequestContext = await playwright.request.newContext({ baseURL })
    return apiAs(context, username, password)
  }
  const admin = await session(ADMIN.username, ADMIN.password)
  const { items: roots } = await admin.get<{ items: Ref[] }>('/organisations/tree')
  const district = await admin.post<Ref>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: '城郊区总工会' })
  const account = async (username: string, displayName: string, role: string, organisationId: number) => {
    await admin.post('/accounts', { username, display_name: displayName, role, organisation_id: organisationId, password: INITIAL })
    const own = await session(username, INITIAL)
    await own.post('/auth/password', { old_password: INITIAL, new_password: PASSWORD })
  }
  for (const e of ENTERPRISES) {
    const org = await admin.post<Ref>('/organisations', { parent_id: district.id, kind: 'enterprise', name: e.name, credit_code: e.code + creditCodeCheckChar(e.code) })
    await account(e.user, e.name, 'enterprise', org.id)
  }
  for (const j of Object.values(JUDGES)) await account(j.username, j.name, 'judge', district.id)
  const now = Date.now()
  const contest = await admin.post<Ref>('/contests', { name: CONTEST, kind: 'skills', format: 'trade', level: 'district', organiser_id: district.id,
    registration_opens_at: new Date(now - 3600_000).toISOString(), registration_closes_at: new Date(now + 7 * 86400_000).toISOString() })
  contestId = contest.id
  eventId = (await admin.post<Ref>(`/contests/${contest.id}/events`, { name: EVENT, trade: EVENT, entrant_type: 'individual' })).id
  // Marks only: this event's sheets have no time-used column.
  await untimed(admin, eventId)
})

test('the admin sets the event’s disagreement threshold in the rules editor', async () => {
  await signIn(ADMIN.username)
  await page.goto(`/contests/${contestId}`)
  await expect(page.getByTestId('contest-name')).toHaveText(CONTEST)
  await page.getByRole('tab', { name: '竞赛项目' }).click()
  await page.getByTestId('events-table').locator('tbody tr', { hasText: EVENT }).getByRole('button', { name: '编辑' }).click()
  const dialog = page.getByTestId('event-dialog')
  const threshold = dialog.getByTestId('event-disagreement')
  await expect(threshold).toHaveValue('0')
  await threshold.fill('10.5x')
  await expect(dialog).toContainText('须为 0 或正数，最多两位小数')
  await threshold.fill('10')
  await expect(dialog).toContainText('评分差异阈值')
  await shot(page, '60-event-disagreement-threshold')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  const admin = await session(ADMIN.username, ADMIN.password)
  expect((await admin.get<{ rules: { disagreement: number } }>(`/events/${eventId}`)).rules.disagreement).toBe(10)
  await logout(page)
})

test('judging starts: 冯明 marks and submits every number, 陈亮 gives the first 90 against 冯明’s 60', async () => {
  const admin = await session(ADMIN.username, ADMIN.password)
  await admin.post(`/contests/${contestId}/steps`, { to: 'registration_open' })
  const ids: number[] = []
  for (const [name, body, enterprise] of WORKERS) {
    const ent = await session(ENTERPRISES[enterprise].user, PASSWORD)
    const entry = await ent.post<Ref>(`/events/${eventId}/entrants`, {
      person: { name, gender: 'male', id_number: body + idNumberCheckChar(body), mobile: '13700137000', trade: EVENT, skill_level: '四级/中级工', years_in_trade: 6 },
    })
    ids.push(entry.id)
  }
  await admin.post(`/events/${eventId}/entrants/approve`, { ids })
  await admin.post(`/contests/${contestId}/steps`, { to: 'registration_closed' })
  const draw = await admin.post<Draw>(`/events/${eventId}/draw`, { seed: 'feed' })
  numbers = ids.map((id) => draw.assignments.find((a) => a.entrant_id === id)?.draw_number ?? '')
  const { items: accounts } = await admin.get<{ items: (Ref & { username: string })[] }>('/accounts?role=judge&page_size=200')
  const id = (username: string) => accounts.find((a) => a.username === username)?.id
  await admin.post(`/events/${eventId}/panel`, { account_id: id(JUDGES.chief.username), duty: 'chief' })
  for (const j of [JUDGES.first, JUDGES.second]) await admin.post(`/events/${eventId}/panel`, { account_id: id(j.username), duty: 'judge', stages: ['practical'] })
  await admin.post(`/contests/${contestId}/steps`, { to: 'judging' })

  const first = await session(JUDGES.first.username, PASSWORD)
  for (const [i, points] of [60, 70, 80].entries()) {
    await first.put(`/events/${eventId}/sheets/practical/marks`, { number: numbers[i], criterion: 'P1', points, version: 0 })
  }
  await first.post(`/events/${eventId}/sheets/practical/submit`, { version: 1 })
  const second = await session(JUDGES.second.username, PASSWORD)
  for (const [i, points] of [90, 72].entries()) {
    await second.put(`/events/${eventId}/sheets/practical/marks`, { number: numbers[i], criterion: 'P1', points, version: 0 })
  }
})

test('the chief judge sees the disagreement on the board and asks 冯明 alone to mark it again', async () => {
  await signIn(JUDGES.chief.username)
  await page.getByTestId('open-progress').click()
  const found = page.getByTestId(`disagreement-${numbers[0]}-P1`)
  await expect(found).toContainText(`实操 · ${numbers[0]} 号 · 实操作业`)
  await expect(found).toContainText('相差 30 分')
  await expect(found).toContainText(`${JUDGES.first.name} 60`)
  await expect(found).toContainText(`${JUDGES.second.name} 90`)
  await expect(page.getByTestId('progress-disagreements')).toContainText('评分差异（相差超过 10 分）')
  await found.getByTestId('ask-remark').click()
  const dialog = page.getByTestId('ask-remark-dialog')
  await expect(dialog).toContainText(`请求复评：${numbers[0]} 号“实操作业”`)
  // Both judges are offered; the chief judge asks only the one it doubts.
  await dialog.getByTestId('remark-judges').getByText(`${JUDGES.second.name}（90）`).click()
  await dialog.getByTestId('remark-send').click()
  await expect(dialog).toContainText('请填写理由')
  await dialog.getByTestId('remark-reason').fill('与其他裁判相差 30 分，请复核焊缝成形')
  await dialog.getByTestId('remark-send').click()
  await expect(dialog).toBeHidden()
  await expect(found.getByTestId('disagreement-remarks')).toHaveText(`${JUDGES.first.name} 待复评`)
  const row = page.getByTestId(`progress-stage-${EVENT}-实操`).locator('.judge-row', { hasText: JUDGES.first.name })
  await expect(row.getByTestId('judge-open-remarks')).toHaveText('待复评 1')
  await expect(row).toContainText('评分中')
  await shot(page, '61-progress-disagreement-remark')
  await logout(page)
})

test('冯明 finds the request on its reopened sheet, changes the mark, and the sheet is back in', async () => {
  await signIn(JUDGES.first.username)
  await expect(page.getByTestId('sheet-open-remarks')).toHaveText('待复评 1')
  await page.goto(`/sheets/${eventId}/practical`)
  const remarks = page.getByTestId('sheet-remarks')
  await expect(remarks).toContainText(`${numbers[0]} 号“实操作业”（原分 60）：与其他裁判相差 30 分，请复核焊缝成形`)
  await expect(remarks).toContainText('只能修改高亮的格')
  await expect(cell(numbers[0])).toHaveClass(/is-remark/)
  await expect(cell(numbers[0])).toBeEnabled()
  await expect(cell(numbers[1])).toBeDisabled()
  await expect(page.getByTestId('sheet-submit')).toHaveCount(0)
  await expect(page.getByTestId(`confirm-${numbers[0]}-P1`)).toBeVisible()
  await shot(page, '62-sheet-remark')
  await cell(numbers[0]).fill('85')
  await cell(numbers[0]).press('Enter')
  await expect(page.getByTestId('sheet-remarks')).toHaveCount(0)
  await expect(page.locator('.sheet-title')).toContainText('已提交')
  await expect(cell(numbers[0])).toHaveValue('85')
  await expect(cell(numbers[0])).toBeDisabled()
  await logout(page)
})

test('陈亮 drops out: the admin gives its sheet to 韩雪, and the panel shows who replaced whom, when and why', async () => {
  await signIn(ADMIN.username)
  await page.goto(`/contests/${contestId}`)
  await page.getByRole('tab', { name: '裁判组' }).click()
  const rows = page.getByTestId('panel-table').locator('tbody tr')
  await expect(rows).toHaveCount(3)
  await rows.filter({ hasText: JUDGES.second.name }).getByTestId('replace-panel-member').click()
  const dialog = page.getByTestId('replace-dialog')
  await expect(dialog).toContainText(`更换裁判：${JUDGES.second.name}`)
  const select = dialog.getByTestId('replace-account')
  await select.locator('.el-select__wrapper').click()
  await select.locator('input').fill(JUDGES.reserve.username)
  await page.locator('.el-select-dropdown:visible').getByText(`${JUDGES.reserve.name} (${JUDGES.reserve.username})`, { exact: true }).click()
  await dialog.getByTestId('replace-reason').fill('突发疾病，无法继续执裁')
  await dialog.getByTestId('replace-save').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('panel-replacements')).toContainText(
    `${JUDGES.reserve.name} 接替 ${JUDGES.second.name} 评“实操”，${JUDGES.second.name} 已评的 2 个分数保留。原因：突发疾病，无法继续执裁`,
  )
  await expect(rows).toHaveCount(4)
  await shot(page, '63-panel-replacement')
  await logout(page)
})

test('韩雪 marks only the number 陈亮 had not marked, and submits', async () => {
  await signIn(JUDGES.reserve.username)
  await expect(page.getByTestId('sheet-progress')).toHaveText('已评 0/1')
  await page.goto(`/sheets/${eventId}/practical`)
  await expect(page.getByTestId('sheet-replaces')).toContainText(`您接替 ${JUDGES.second.name} 评本阶段`)
  for (const n of numbers.slice(0, 2)) {
    await expect(cell(n)).toBeDisabled()
    await expect(cell(n)).toHaveAttribute('placeholder', '—')
  }
  await expect(page.getByTestId('sheet-missing')).toHaveText('还缺 1 个分数')
  await cell(numbers[2]).fill('79')
  await cell(numbers[2]).press('Enter')
  await expect(page.getByTestId('sheet-missing')).toHaveText('全部已评')
  await shot(page, '64-sheet-replacement')
  await page.getByTestId('sheet-submit').click()
  await page.getByRole('dialog').getByRole('button', { name: '提交评分表' }).click()
  await expect(page.locator('.sheet-title')).toContainText('已提交')
  await logout(page)
})

test('the sign-off waits for 韩雪’s sheet, not 陈亮’s; the chief judge signs off', async () => {
  await signIn(JUDGES.chief.username)
  await page.getByTestId('open-progress').click()
  const stage = page.getByTestId(`progress-stage-${EVENT}-实操`)
  await expect(stage.locator('.judge-row', { hasText: JUDGES.reserve.name }).getByTestId('judge-replaces')).toHaveText(`接替 ${JUDGES.second.name}`)
  await expect(stage.getByTestId(`view-sheet-${JUDGES.second.name}`)).toHaveCount(0)
  await expect(page.getByTestId('progress-disagreements')).toHaveCount(0)
  await expect(stage).toContainText('可签核')
  await stage.getByRole('button', { name: '签核' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '签核' }).click()
  await expect(stage).toContainText('已签核')
  await logout(page)
})

test('after the sign-off, 冯明 compares its marks with the panel’s', async () => {
  await signIn(JUDGES.first.username)
  await page.goto(`/sheets/${eventId}/practical`)
  const comparison = page.getByTestId('sheet-comparison')
  await expect(comparison).toContainText('我的评分与评委组比较')
  // 85, 70 and 80 against 陈亮’s 90 and 72 (they count) and 韩雪’s 79.
  await expect(comparison.locator('tbody tr')).toHaveCount(1)
  await expect(comparison).toContainText('78.33')
  await expect(comparison).toContainText('80.33')
  await expect(comparison).toContainText('我的平均分比其他裁判低 2 分')
  for (const word of ['蒋一', '沈二', '韦三', JUDGES.second.name, JUDGES.reserve.name]) await expect(comparison).not.toContainText(word)
  await shot(page, '65-sheet-comparison')
})
