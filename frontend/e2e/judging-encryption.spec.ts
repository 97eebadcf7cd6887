import { creditCodeCheckChar } from '../src/validation/creditCode'
import { idNumberCheckChar } from '../src/validation/idNumber'
import { expect, test, type APIRequestContext, type Locator, type Page } from './fixtures'
import { ADMIN, apiAs, formItem, login, logout, pick, shot, untimed } from './support'

// The second encryption (二次加密) from end to end: the organiser marks the practical stage
// encrypted and names an encryption judge; after check-in the encryption judge draws the work
// codes; the judge of the stage sees and marks work codes only; the chief judge signs the stage
// off; the organiser decodes and reads the mapping the encryption judge kept sealed.
const CONTEST = '城中区装配钳工技能比武'
const EVENT = '装配钳工'
const PASSWORD = 'Crypto-e2e-2026'
const INITIAL = 'Initial-pass-2026'
const ORGANISER = 'org_ce'
const ENTERPRISES = [
  { name: '城中精密机械厂', code: '91320500MA7EN0001', user: 'ent_ce1' },
  { name: '城中轨道装备公司', code: '91320500MA7EN0002', user: 'ent_ce2' },
]
const WORKERS = [
  { name: '冯立', body: '32050519870612001', enterprise: 0 },
  { name: '蒋川', body: '32050519880713003', enterprise: 0 },
  { name: '韩松', body: '32050519890814005', enterprise: 1 },
].map((w) => ({ ...w, id: w.body + idNumberCheckChar(w.body) }))
const JUDGES = {
  judge: { username: 'judge_ce1', name: '褚明' },
  chief: { username: 'judge_ce2', name: '卫国' },
  encryption: { username: 'judge_ce3', name: '沈密' },
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
let admin: Awaited<ReturnType<typeof apiAs>>
/** The draw numbers, and the work codes the encryption judge drew for the present ones. */
let numbers: string[] = []
const codes = new Map<string, string>()

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
})

test.afterAll(async () => {
  await page.close()
})

async function signIn(username: string, password = PASSWORD): Promise<void> {
  await login(page, username, password)
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId('logout')).toBeVisible()
}

/** The rows of the mapping table, as [draw number, work code]. */
async function mapping(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr')
  const out: string[][] = []
  for (let i = 0; i < (await rows.count()); i++) {
    out.push((await rows.nth(i).locator('td').allTextContents()).map((s) => s.trim()))
  }
  return out
}

test('a district contest in draft, with an organiser, two enterprises and three judge accounts', async ({ playwright, baseURL }) => {
  const session = async (username: string, password: string) => {
    const context: APIRequestContext = await playwright.request.newContext({ baseURL })
    return apiAs(context, username, password)
  }
  admin = await session(ADMIN.username, ADMIN.password)
  const account = async (username: string, displayName: string, role: string, organisationId: number) => {
    await admin.post('/accounts', { username, display_name: displayName, role, organisation_id: organisationId, password: INITIAL })
    const own = await session(username, INITIAL)
    await own.post('/auth/password', { old_password: INITIAL, new_password: PASSWORD })
  }
  const { items: roots } = await admin.get<{ items: Ref[] }>('/organisations/tree')
  const district = await admin.post<Ref>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: '城中区总工会' })
  await account(ORGANISER, '城中组织者', 'organiser', district.id)
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

test('the organiser marks the practical stage for the second encryption in the rules', async () => {
  await signIn(ORGANISER)
  await page.goto(`/contests/${contestId}`)
  await expect(page.getByTestId('contest-name')).toHaveText(CONTEST)
  await page.getByRole('tab', { name: '竞赛项目' }).click()
  await page.getByTestId('events-table').locator('tbody tr', { hasText: EVENT }).getByRole('button', { name: '编辑' }).click()
  const dialog = page.getByTestId('event-dialog')
  await expect(dialog.getByTestId('stages-table').locator('thead')).toContainText('二次加密')
  const practical = dialog.getByTestId('stage-encrypted-1')
  await practical.click()
  await expect(practical).toHaveClass(/is-checked/)
  await expect(dialog.getByTestId('stage-encrypted-0')).not.toHaveClass(/is-checked/)
  await shot(page, '60-encryption-rules')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  const event = await admin.get<{ rules: { stages: { code: string; encrypted?: boolean }[] } }>(`/events/${eventId}`)
  expect(event.rules.stages.map((s) => [s.code, s.encrypted === true])).toEqual([['theory', false], ['practical', true]])
})

test('registration, the draw and the panel; the organiser names the encryption judge', async ({ playwright, baseURL }) => {
  await admin.post(`/contests/${contestId}/steps`, { to: 'registration_open' })
  const ids: number[] = []
  for (const w of WORKERS) {
    const ent = await apiAs(await playwright.request.newContext({ baseURL }), ENTERPRISES[w.enterprise].user, PASSWORD)
    ids.push((await ent.post<Ref>(`/events/${eventId}/entrants`, {
      person: { name: w.name, gender: 'male', id_number: w.id, mobile: '13700137000', trade: EVENT, skill_level: '四级/中级工', years_in_trade: 6 },
    })).id)
  }
  await admin.post(`/events/${eventId}/entrants/approve`, { ids })
  await admin.post(`/contests/${contestId}/steps`, { to: 'registration_closed' })
  const draw = await admin.post<Draw>(`/events/${eventId}/draw`, { seed: 'feed' })
  numbers = draw.assignments.map((a) => a.draw_number).sort()
  const judgeIds = new Map<string, number>()
  for (const j of [JUDGES.judge, JUDGES.chief]) {
    const { items } = await admin.get<{ items: Ref[] }>(`/accounts?q=${j.username}&role=judge`)
    judgeIds.set(j.username, items[0].id)
  }
  await admin.post(`/events/${eventId}/panel`, { account_id: judgeIds.get(JUDGES.judge.username), duty: 'judge', stages: ['practical'] })
  await admin.post(`/events/${eventId}/panel`, { account_id: judgeIds.get(JUDGES.chief.username), duty: 'chief', stages: [] })

  await page.reload()
  await page.getByRole('tab', { name: '裁判组' }).click()
  await page.getByTestId('add-panel-member').click()
  const dialog = page.getByRole('dialog', { name: '添加裁判组成员' })
  const select = formItem(dialog, '裁判账号')
  await select.locator('.el-select__wrapper').click()
  await select.locator('input').fill(JUDGES.encryption.username)
  await page.locator('.el-select-dropdown:visible').getByText(`${JUDGES.encryption.name} (${JUDGES.encryption.username})`, { exact: true }).click()
  await pick(page, formItem(dialog, '职责'), '加密裁判')
  await dialog.getByTestId('panel-save').click()
  await expect(dialog).toBeHidden()
  const row = page.getByTestId('panel-table').locator('tbody tr', { hasText: JUDGES.encryption.name })
  await expect(row.getByTestId('panel-duty-tag')).toHaveText('加密裁判')
  await admin.post(`/contests/${contestId}/steps`, { to: 'judging' })
})

test('the organiser checks two entrants in; the third is not there yet', async () => {
  await page.reload()
  await page.getByRole('tab', { name: '检录' }).click()
  const rows = page.getByTestId('check-in-row')
  await expect(rows).toHaveCount(3)
  for (const n of numbers.slice(0, 2)) {
    const row = rows.filter({ has: page.locator('.check-in-number', { hasText: n }) })
    await row.getByTestId('mark-present').click()
    await expect(row.getByTestId('attendance')).toHaveText('已检录')
  }
  await page.getByRole('tab', { name: '二次加密' }).click()
  await expect(page.getByTestId('encryption-state')).toHaveText('待检录完成')
  await logout(page)
})

test('until the encryption has run, the sheet of the encrypted stage does not open', async () => {
  await signIn(JUDGES.judge.username)
  await page.goto(`/sheets/${eventId}/practical`)
  await expect(page.getByTestId('sheet-closed')).toContainText('加密裁判完成二次加密后才能评分')
  await logout(page)
})

test('the encryption judge finds the draw waiting for check-in', async () => {
  await signIn(JUDGES.encryption.username)
  const duty = page.getByTestId('duty').filter({ hasText: CONTEST })
  await expect(duty.getByTestId('duty-name')).toHaveText('加密裁判')
  await duty.getByTestId('open-encryption').click()
  await expect(page).toHaveURL(new RegExp(`/events/${eventId}/encryption$`))
  await expect(page.getByTestId('encryption-event')).toHaveText(`${CONTEST} · ${EVENT}`)
  await expect(page.getByTestId('encryption-state')).toHaveText('待检录完成')
  await expect(page.getByTestId('encryption-check-in')).toHaveText('到场 2，缺赛 0，未检录 1')
  await expect(page.getByTestId('run-encryption')).toHaveCount(0)
  await shot(page, '61-encryption-waits')
})

test('once the last entrant is absent, the encryption judge draws the codes, drawn again after a late change of check-in, and prints them', async ({ playwright, baseURL }) => {
  const org = await apiAs(await playwright.request.newContext({ baseURL }), ORGANISER, PASSWORD)
  const { items } = await org.get<{ items: { entrant_id: number; version: number }[] }>(`/events/${eventId}/check-in?number=${numbers[2]}`)
  await org.post(`/entrants/${items[0].entrant_id}/attendance`, { attendance: 'absent', version: items[0].version })

  const draw = async () => {
    await page.reload()
    await expect(page.getByTestId('encryption-state')).toHaveText('待加密')
    await page.getByTestId('encryption-seed').fill('A1B2C3')
    await page.getByTestId('run-encryption').click()
    await page.locator('.el-message-box').getByRole('button', { name: '进行二次加密' }).click()
    await expect(page.getByTestId('encryption-state')).toHaveText('已加密，对照表密封中')
  }
  await draw()
  // The absent entrant turns up after all: the change takes the codes back until the draw runs again,
  // and marked absent once more, the same seed gives the same codes again.
  const late = await org.post<{ codes_withdrawn: boolean; version: number }>(`/entrants/${items[0].entrant_id}/attendance`, {
    attendance: 'present',
    version: items[0].version + 1,
  })
  expect(late.codes_withdrawn).toBe(true)
  await page.reload()
  await expect(page.getByTestId('encryption-withdrawn')).toContainText('原作品编号已收回')
  await expect(page.getByTestId('encryption-codes')).toHaveCount(0)
  await org.post(`/entrants/${items[0].entrant_id}/attendance`, { attendance: 'absent', version: late.version })
  await draw()
  await expect(page.getByTestId('encryption-withdrawn')).toHaveCount(0)
  await expect(page.getByTestId('encryption-seed-value')).toHaveText('0000000000a1b2c3')
  await expect(page.getByTestId('encryption-run-by')).toContainText(JUDGES.encryption.name)
  const table = page.getByTestId('encryption-codes')
  await expect(table.locator('tbody tr')).toHaveCount(2)
  const rows = await mapping(table)
  // The present entrants, in number order; the absent one has no code.
  expect(rows.map((r) => r[0])).toEqual(numbers.slice(0, 2))
  for (const [number, code] of rows) {
    expect(code).toMatch(/^J\d{3}$/)
    codes.set(number, code)
  }
  await expect(page.getByTestId('print-codes')).toBeVisible()
  await shot(page, '62-encryption-codes')
  await logout(page)
})

test('the judge of the encrypted stage sees work codes only, and marks by them', async () => {
  await signIn(JUDGES.judge.username)
  await page.goto(`/sheets/${eventId}/practical`)
  await expect(page.getByTestId('sheet-title')).toHaveText(`${EVENT} · 实操`)
  await expect(page.getByTestId('sheet-encrypted')).toHaveText('二次加密')
  const grid = page.getByTestId('sheet-grid')
  await expect(grid.locator('thead')).toContainText('作品编号')
  const shown = (await grid.locator('tbody th').allTextContents()).map((s) => s.trim())
  expect(shown).toEqual([...codes.values()].sort())
  for (const n of numbers) await expect(grid).not.toContainText(n)
  await expect(page.getByTestId('declare-conflict')).toHaveCount(0)
  for (const [i, code] of shown.entries()) {
    const input = page.getByTestId(`mark-${code}-P1`)
    await input.fill(String(80 + i))
    await input.press('Enter')
  }
  await expect(page.getByTestId('sheet-unsent')).toHaveText('已全部保存')
  await expect(page.getByTestId('sheet-missing')).toHaveText('全部已评')
  await shot(page, '63-encryption-sheet')
  await page.getByTestId('sheet-submit').click()
  await page.locator('.el-message-box').getByRole('button', { name: '提交评分表' }).click()
  await expect(page.getByTestId('sheet-submit')).toHaveCount(0)
  await logout(page)
})

test('the chief judge sees work codes on the board and signs the stage off', async () => {
  await signIn(JUDGES.chief.username)
  await page.goto(`/contests/${contestId}/progress`)
  const stage = page.getByTestId(`progress-stage-${EVENT}-实操`)
  await expect(stage).toContainText('二次加密')
  await stage.getByTestId(`view-sheet-${JUDGES.judge.name}`).click()
  const viewed = page.getByTestId('viewed-sheet')
  await expect(viewed.locator('thead')).toContainText('作品编号')
  for (const code of codes.values()) await expect(viewed).toContainText(code)
  for (const n of numbers) await expect(viewed.locator('tbody')).not.toContainText(n)
  await page.keyboard.press('Escape')
  await expect(viewed).toBeHidden()
  await stage.getByRole('button', { name: '签核' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '签核' }).click()
  await expect(stage).toContainText('已签核')
  await logout(page)
})

test('the organiser decodes, and reads the mapping the encryption judge drew', async () => {
  await signIn(ORGANISER)
  await page.goto(`/contests/${contestId}`)
  await page.getByRole('tab', { name: '二次加密' }).click()
  await expect(page.getByTestId('encryption-state')).toHaveText('已加密，对照表密封中')
  await expect(page.getByTestId('encryption-codes')).toHaveCount(0)
  await page.getByTestId('decode').click()
  await page.locator('.el-message-box').getByRole('button', { name: '解密' }).click()
  await expect(page.getByTestId('encryption-state')).toHaveText('已解密')
  await expect(page.getByTestId('encryption-decoded-by')).toContainText('城中组织者')
  const table = page.getByTestId('encryption-codes')
  await expect(table.locator('tbody tr')).toHaveCount(2)
  const decoded = new Map((await mapping(table)).map(([n, c]) => [n, c]))
  expect(decoded).toEqual(codes)
  await expect(page.getByTestId('decode')).toHaveCount(0)
  await shot(page, '64-encryption-decoded')
  await logout(page)
})
