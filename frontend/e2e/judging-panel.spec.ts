import { creditCodeCheckChar } from '../src/validation/creditCode'
import { idNumberCheckChar } from '../src/validation/idNumber'
import { expect, test, type APIRequestContext, type Locator, type Page } from './fixtures'
import { ADMIN, apiAs, formItem, login, logout, pick, shot } from './support'

// A district union forms the panel of its welders' contest, checks the entrants in on the day, and its judges find their work.
const CONTEST = '城南区焊工职业技能竞赛'
const EVENT = '焊工'
const PASSWORD = 'Panel-e2e-2026'
const INITIAL = 'Initial-pass-2026'
const ENTERPRISES = [
  { name: '城南重工焊接有限公司', code: '91330100MA2CN0001', user: 'ent_cn1' },
  { name: '城南船舶制造有限公司', code: '91330100MA2CN0002', user: 'ent_cn2' },
]
/** Three welders; the sequence digits match the genders (odd for men). */
const WORKERS = [
  { name: '陈刚', gender: 'male', body: '33010219900307001', enterprise: 0 },
  { name: '林芳', gender: 'female', body: '33010219910408002', enterprise: 0 },
  { name: '赵磊', gender: 'male', body: '33010219920509003', enterprise: 1 },
].map((w) => ({ ...w, id: w.body + idNumberCheckChar(w.body) }))
const JUDGES = {
  judge: { username: 'judge_cn1', name: '周明' },
  chief: { username: 'judge_cn2', name: '吴建国' },
  clerk: { username: 'judge_cn3', name: '郑丽' },
  other: { username: 'judge_cn4', name: '王涛' },
}

interface Ref {
  id: number
}
interface Entrant extends Ref {
  version: number
}
interface Draw {
  assignments: { entrant_id: number; draw_number: string }[]
}
interface CheckInPage {
  items: { entrant_id: number; version: number }[]
}

test.describe.configure({ mode: 'serial' })

let page: Page
let contestId: number
let eventId: number
/** The workers' draw numbers, in the order of WORKERS. */
let numbers: string[] = []

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
})

test.afterAll(async () => {
  await page.close()
})

/** The dialog's judge account: typed into the search, then picked from what the server found. */
async function pickAccount(dialog: Locator, judge: { username: string; name: string }): Promise<void> {
  const select = dialog.getByTestId('panel-account')
  await select.locator('.el-select__wrapper').click()
  await select.locator('input').fill(judge.username)
  await page.locator('.el-select-dropdown:visible').getByText(`${judge.name} (${judge.username})`, { exact: true }).click()
}

/** Logs in and waits for the home page, so that the next navigation does not cut the login short. */
async function signIn(username: string, password: string): Promise<void> {
  await login(page, username, password)
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId('logout')).toBeVisible()
}

/** Whether the page is wider than the window: nothing may stick out sideways on a phone or tablet. */
async function overflowsSideways(): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
}

test('a district with two enterprises has a drawn welders’ contest and four judge accounts', async ({ playwright, baseURL }) => {
  // Each account signs in through a request context of its own, as separate browsers would.
  const session = async (username: string, password: string) => {
    const context: APIRequestContext = await playwright.request.newContext({ baseURL })
    return apiAs(context, username, password)
  }
  const admin = await session(ADMIN.username, ADMIN.password)
  /** Opens an account and has it choose its password, as its owner would at first login. */
  const account = async (username: string, displayName: string, role: string, organisationId: number) => {
    await admin.post('/accounts', { username, display_name: displayName, role, organisation_id: organisationId, password: INITIAL })
    const own = await session(username, INITIAL)
    await own.post('/auth/password', { old_password: INITIAL, new_password: PASSWORD })
  }
  const { items: roots } = await admin.get<{ items: Ref[] }>('/organisations/tree')
  const district = await admin.post<Ref>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: '城南区总工会' })
  const enterprises: Ref[] = []
  for (const e of ENTERPRISES) {
    const org = await admin.post<Ref>('/organisations', { parent_id: district.id, kind: 'enterprise', name: e.name, credit_code: e.code + creditCodeCheckChar(e.code) })
    enterprises.push(org)
    await account(e.user, e.name, 'enterprise', org.id)
  }
  for (const j of Object.values(JUDGES)) await account(j.username, j.name, 'judge', district.id)

  const now = Date.now()
  const contest = await admin.post<Ref>('/contests', { name: CONTEST, kind: 'skills', format: 'trade', level: 'district', organiser_id: district.id,
    registration_opens_at: new Date(now - 3600_000).toISOString(), registration_closes_at: new Date(now + 7 * 86400_000).toISOString() })
  contestId = contest.id
  eventId = (await admin.post<Ref>(`/contests/${contest.id}/events`, { name: EVENT, trade: EVENT, entrant_type: 'individual', stations: 2 })).id
  await admin.post(`/contests/${contest.id}/steps`, { to: 'registration_open' })

  const entrants: Entrant[] = []
  for (const w of WORKERS) {
    const ent = await session(ENTERPRISES[w.enterprise].user, PASSWORD)
    entrants.push(await ent.post<Entrant>(`/events/${eventId}/entrants`, {
      person: { name: w.name, gender: w.gender, id_number: w.id, mobile: '13900139000', trade: EVENT, skill_level: '四级/中级工', years_in_trade: 5 },
    }))
  }
  await admin.post(`/events/${eventId}/entrants/approve`, { ids: entrants.map((e) => e.id) })
  await admin.post(`/contests/${contest.id}/steps`, { to: 'registration_closed' })
  const draw = await admin.post<Draw>(`/events/${eventId}/draw`, { seed: 'c0ffee' })
  numbers = entrants.map((e) => draw.assignments.find((a) => a.entrant_id === e.id)?.draw_number ?? '')
  expect(numbers.every((n) => /^\d{3}$/.test(n))).toBe(true)
})

test('the admin adds a judge who marks both stages to the panel', async () => {
  await signIn(ADMIN.username, ADMIN.password)
  await page.goto(`/contests/${contestId}`)
  await expect(page.getByTestId('contest-name')).toHaveText(CONTEST)
  await page.getByRole('tab', { name: '裁判组' }).click()
  const rows = page.getByTestId('panel-table').locator('tbody tr')
  await expect(page.getByTestId('panel-table')).toContainText('尚未组建裁判组')

  // A judge who marks must be given a stage: the form says so before anything is sent.
  await page.getByTestId('add-panel-member').click()
  const dialog = page.getByRole('dialog', { name: '添加裁判组成员' })
  await pickAccount(dialog, JUDGES.judge)
  await pick(page, formItem(dialog, '职责'), '裁判')
  await dialog.getByTestId('panel-save').click()
  await expect(formItem(dialog, '评分阶段').locator('.el-form-item__error')).toHaveText('裁判和见习裁判须至少选择一个评分阶段')
  await dialog.getByTestId('panel-stages').getByText('理论').click()
  await dialog.getByTestId('panel-stages').getByText('实操').click()
  await shot(page, '40-panel-add-judge')
  await dialog.getByTestId('panel-save').click()
  await expect(dialog).toBeHidden()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(JUDGES.judge.name)
  await expect(rows.first()).toContainText('城南区总工会')
  await expect(rows.first().getByTestId('panel-duty-tag')).toHaveText('裁判')
  await expect(rows.first()).toContainText('理论')
  await expect(rows.first()).toContainText('实操')
  await expect(rows.first()).not.toContainText('practical')
  // One judge where the template's trimmed mean needs five: the page says so before judging starts.
  const coverage = page.getByTestId('panel-coverage')
  await expect(coverage).toContainText('“实操”有 1 名裁判，评分规则需要 5 名')
  await expect(coverage).toContainText(`${ENTERPRISES[0].name} 的 2 名参赛者只有 1 名裁判可评`)
})

test('the admin adds a chief judge and a check-in clerk, who mark no stage', async () => {
  const dialog = page.getByRole('dialog', { name: '添加裁判组成员' })
  const rows = page.getByTestId('panel-table').locator('tbody tr')
  for (const [judge, duty] of [[JUDGES.chief, '裁判长'], [JUDGES.clerk, '检录员']] as const) {
    await page.getByTestId('add-panel-member').click()
    await pickAccount(dialog, judge)
    await pick(page, formItem(dialog, '职责'), duty)
    await expect(formItem(dialog, '评分阶段')).toContainText('该职责不评分')
    await dialog.getByTestId('panel-save').click()
    await expect(dialog).toBeHidden()
    await expect(rows.filter({ hasText: judge.name }).getByTestId('panel-duty-tag')).toHaveText(duty)
  }
  await expect(rows).toHaveCount(3)
})

test('the server refuses a second chief judge, and the page says why', async () => {
  await page.getByTestId('add-panel-member').click()
  const dialog = page.getByRole('dialog', { name: '添加裁判组成员' })
  await pickAccount(dialog, JUDGES.other)
  await pick(page, formItem(dialog, '职责'), '裁判长')
  await dialog.getByTestId('panel-save').click()
  await expect(page.locator('.el-message--error')).toContainText(`项目“${EVENT}”已有裁判长`)
  await expect(dialog).toBeVisible()
  await shot(page, '41-panel-second-chief')
  await dialog.getByRole('button', { name: '取消' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('panel-table').locator('tbody tr')).toHaveCount(3)
})

test('an account another organiser put on the panel meanwhile is refused under its field, and is removed again', async ({ playwright, baseURL }) => {
  await page.getByTestId('add-panel-member').click()
  const dialog = page.getByRole('dialog', { name: '添加裁判组成员' })
  await pickAccount(dialog, JUDGES.other)
  await pick(page, formItem(dialog, '职责'), '加密裁判')

  const admin = await apiAs(await playwright.request.newContext({ baseURL }), ADMIN.username, ADMIN.password)
  const { items } = await admin.get<{ items: Ref[] }>(`/accounts?q=${JUDGES.other.username}&role=judge`)
  await admin.post(`/events/${eventId}/panel`, { account_id: items[0].id, duty: 'clerk', stages: [] })

  await dialog.getByTestId('panel-save').click()
  await expect(formItem(dialog, '裁判账号').locator('.el-form-item__error')).toContainText(`${JUDGES.other.name} 已在项目“${EVENT}”的裁判组中`)
  await shot(page, '42-panel-account-taken')
  await dialog.getByRole('button', { name: '取消' }).click()

  await page.reload()
  await page.getByRole('tab', { name: '裁判组' }).click()
  const rows = page.getByTestId('panel-table').locator('tbody tr')
  await expect(rows).toHaveCount(4)
  const other = rows.filter({ hasText: JUDGES.other.name })
  await expect(other.getByTestId('panel-duty-tag')).toHaveText('录分员')
  await other.getByTestId('remove-panel-member').click()
  const box = page.locator('.el-message-box')
  await expect(box).toContainText(`将 ${JUDGES.other.name} 移出项目“${EVENT}”的裁判组？`)
  const remove = box.getByRole('button', { name: '删除' })
  await expect(remove).toHaveClass(/el-button--danger/)
  // Painted in the danger colour, not in the primary one a confirm button otherwise wears.
  const painted = await remove.evaluate((el) => {
    const probe = document.body.appendChild(document.createElement('span'))
    probe.style.backgroundColor = 'var(--el-color-danger)'
    const danger = getComputedStyle(probe).backgroundColor
    probe.remove()
    return { button: getComputedStyle(el).backgroundColor, danger }
  })
  expect(painted.button).toBe(painted.danger)
  await remove.click()
  await expect(rows).toHaveCount(3)
  await expect(rows.filter({ hasText: JUDGES.other.name })).toHaveCount(0)
  await shot(page, '43-panel')
})

test('the admin starts judging, and logs out', async () => {
  await page.getByTestId('step-judging').click()
  const step = page.getByTestId('step-dialog')
  await step.getByRole('button', { name: '确定' }).click()
  await expect(step).toBeHidden()
  await expect(page.getByTestId('contest-status')).toHaveText('评判中')
  // The panel can still change while judging lasts.
  await expect(page.getByTestId('add-panel-member')).toBeVisible()
  // The organisers have the check-in desk on the contest page too.
  await page.getByRole('tab', { name: '检录' }).click()
  await expect(page.getByTestId('check-in-row')).toHaveCount(3)
  await expect(page.getByTestId('check-in-row').getByTestId('attendance')).toHaveText(['未检录', '未检录', '未检录'])
  await shot(page, '43b-contest-check-in')
  await logout(page)
})

test('the check-in clerk finds its duty at home and checks entrants in on a phone', async () => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(JUDGES.clerk.username, PASSWORD)
  const duty = page.getByTestId('duty').filter({ hasText: CONTEST })
  await expect(duty).toContainText(EVENT)
  await expect(duty.getByTestId('duty-name')).toHaveText('检录员')
  await expect(duty.getByTestId('sheet')).toHaveCount(0)
  expect(await overflowsSideways()).toBe(false)
  await shot(page, '44-clerk-home-phone')
  await duty.getByTestId('open-check-in').click()
  await expect(page).toHaveURL(new RegExp(`/check-in/${eventId}$`))
  await expect(page.getByTestId('check-in-event')).toHaveText(`${CONTEST} · ${EVENT}`)
  const rows = page.getByTestId('check-in-row')
  await expect(rows).toHaveCount(3)
  await expect(rows.locator('.check-in-number')).toHaveText([...numbers].sort())

  // A number typed short, as a hand types it, finds the entrant; the ID number is masked.
  const search = page.getByTestId('check-in-number')
  await search.fill(String(Number(numbers[0])))
  await search.press('Enter')
  await expect(rows).toHaveCount(1)
  const first = rows.first()
  await expect(first.locator('.check-in-number')).toHaveText(numbers[0])
  await expect(first).toContainText(WORKERS[0].name)
  await expect(first).toContainText(ENTERPRISES[0].name)
  await expect(first).toContainText(/工位 [12] · 场次 [12]/)
  await expect(first).toContainText(`${WORKERS[0].id.slice(0, 6)}********${WORKERS[0].id.slice(14)}`)
  await expect(first).not.toContainText(WORKERS[0].id)
  await expect(first.getByTestId('attendance')).toHaveText('未检录')
  await first.getByTestId('mark-present').click()
  await expect(first.getByTestId('attendance')).toHaveText('已检录')
  await expect(first.getByTestId('mark-present')).toBeDisabled()
  await expect(first.getByTestId('mark-clear')).toBeEnabled()
  expect(await overflowsSideways()).toBe(false)
  await shot(page, '45-check-in-present-phone')

  // A scanner types the whole number and Enter; absent asks first, and says absent is not zero.
  await search.fill(numbers[2])
  await search.press('Enter')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(WORKERS[2].name)
  await rows.first().getByTestId('mark-absent').click()
  const box = page.locator('.el-message-box')
  await expect(box).toContainText('缺赛不是零分')
  await shot(page, '46-check-in-absent-confirm-phone')
  await box.getByRole('button', { name: '记为缺赛' }).click()
  await expect(rows.first().getByTestId('attendance')).toHaveText('缺赛')

  await search.fill('999')
  await search.press('Enter')
  await expect(page.getByTestId('check-in-list')).toContainText('没有参赛号为 999 的参赛者')
  await page.getByTestId('check-in-all').click()
  await expect(rows).toHaveCount(3)
  const state = (n: string) => rows.filter({ has: page.locator('.check-in-number', { hasText: n }) }).getByTestId('attendance')
  await expect(state(numbers[0])).toHaveText('已检录')
  await expect(state(numbers[1])).toHaveText('未检录')
  await expect(state(numbers[2])).toHaveText('缺赛')
  expect(await overflowsSideways()).toBe(false)
  await shot(page, '47-check-in-list-phone')
})

test('a row someone else changed meanwhile is reloaded, not overwritten', async ({ playwright, baseURL }) => {
  const context = await playwright.request.newContext({ baseURL })
  const admin = await apiAs(context, ADMIN.username, ADMIN.password)
  const { items } = await admin.get<CheckInPage>(`/events/${eventId}/check-in?number=${numbers[1]}`)
  await admin.post(`/entrants/${items[0].entrant_id}/attendance`, { attendance: 'present', version: items[0].version })

  const row = page.getByTestId('check-in-row').filter({ has: page.locator('.check-in-number', { hasText: numbers[1] }) })
  await expect(row.getByTestId('attendance')).toHaveText('未检录')
  await row.getByTestId('mark-absent').click()
  await page.locator('.el-message-box').getByRole('button', { name: '记为缺赛' }).click()
  await expect(page.locator('.el-message--warning')).toContainText('已被他人修改')
  await expect(row.getByTestId('attendance')).toHaveText('已检录')

  // On a tablet the desk is the same list, with nothing sticking out sideways.
  await page.setViewportSize({ width: 1024, height: 768 })
  await expect(page.getByTestId('check-in-row')).toHaveCount(3)
  expect(await overflowsSideways()).toBe(false)
  await shot(page, '48-check-in-tablet')
  await logout(page)
  await page.setViewportSize({ width: 1366, height: 800 })
})

test('the judge sees its two sheets at home, without the absent entrant', async () => {
  await signIn(JUDGES.judge.username, PASSWORD)
  const duty = page.getByTestId('duty').filter({ hasText: CONTEST })
  await expect(duty.getByTestId('duty-name')).toHaveText('裁判')
  await expect(duty.getByTestId('open-check-in')).toHaveCount(0)
  const sheets = duty.getByTestId('sheet')
  await expect(sheets).toHaveCount(2)
  // Three entrants, one absent: two to mark on each stage's one criterion, and on the practical stage their time used too.
  for (const [i, stage, code, cells] of [[0, '理论', 'theory', 2], [1, '实操', 'practical', 4]] as const) {
    await expect(sheets.nth(i).getByRole('link', { name: stage })).toHaveAttribute('href', `/sheets/${eventId}/${code}`)
    await expect(sheets.nth(i).getByTestId('sheet-progress')).toHaveText(`已评 0/${cells}`)
    await expect(sheets.nth(i).getByTestId('sheet-state')).toHaveText('未提交')
  }
  await shot(page, '49-judge-home')
  await logout(page)
})

test('a judge account without duties is told so at home', async () => {
  await signIn(JUDGES.other.username, PASSWORD)
  await expect(page.getByTestId('duties')).toContainText('暂无评审任务')
  await expect(page.getByTestId('duty')).toHaveCount(0)
  await logout(page)
})

test('once the results are out for notice, the panel is a record that no longer changes', async ({ playwright, baseURL }) => {
  const admin = await apiAs(await playwright.request.newContext({ baseURL }), ADMIN.username, ADMIN.password)
  await admin.post(`/contests/${contestId}/steps`, { to: 'public_notice' })
  await signIn(ADMIN.username, ADMIN.password)
  await page.goto(`/contests/${contestId}`)
  await expect(page.getByTestId('contest-status')).toHaveText('公示中')
  await page.getByRole('tab', { name: '裁判组' }).click()
  await expect(page.getByTestId('panel-read-only')).toBeVisible()
  await expect(page.getByTestId('panel-table').locator('tbody tr')).toHaveCount(3)
  await expect(page.getByTestId('add-panel-member')).toHaveCount(0)
  await expect(page.getByTestId('remove-panel-member')).toHaveCount(0)
  // Check-in is over too: the desk says why instead of listing.
  await page.getByRole('tab', { name: '检录' }).click()
  await expect(page.getByTestId('check-in-closed')).toContainText('公示中')
  await shot(page, '50-panel-read-only')
  await logout(page)
})
