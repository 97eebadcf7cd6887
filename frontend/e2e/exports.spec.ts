import { readFileSync } from 'node:fs'
import { creditCodeCheckChar } from '../src/validation/creditCode'
import { idNumberCheckChar } from '../src/validation/idNumber'
import { expect, test, type Download, type Page } from './fixtures'
import { ADMIN, apiAs, login, shot } from './support'
import { fillTemplate, readSheet } from './xlsx'

// A district exports the entries of its contest: a list of thousands is written in the background while a
// progress bar shows how far it has come, then saved; the file is read back: title, issuer, header, ID numbers
// masked unless asked for in full, and no formula anywhere. The enterprise exports its own register in full.
const CONTEST = '临港区职工技能大赛'
const ENTERPRISE = { name: '=临港重工(集团)', code: '91310115MA1LG0001', user: 'ex_ent' }
const ORGANISER = 'ex_org'
const PASSWORD = 'Export-e2e-2026'
const INITIAL = 'Initial-pass-2026'
const COUNT = 2100
/** Pages of thousands of rows load slowly on a busy machine. */
const SLOW = { timeout: 60_000 }

interface Ref {
  id: number
}

// Thousands of rows imported and exported take a while on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 240_000 })

let page: Page
let contestId: number

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
})

test.afterAll(async () => {
  await page.close()
})

async function saved(download: Download): Promise<Buffer> {
  return readFileSync(await download.path())
}

/** Turners with valid ID numbers whose sequence digits match the gender. */
function turners(count: number): Record<string, string>[] {
  const first = Date.UTC(1970, 0, 1)
  return Array.from({ length: count }, (_, i) => {
    const born = new Date(first + i * 86400_000).toISOString().slice(0, 10).replaceAll('-', '')
    const body = `310115${born}00${i % 2 === 0 ? 1 : 2}`
    return { 项目: '车工', 姓名: `车工${i + 1}号`, 性别: i % 2 === 0 ? '男' : '女', 身份证号码: body + idNumberCheckChar(body), 手机号码: '13900139000' }
  })
}

const firstTurner = turners(1)[0]

test('an enterprise enters two thousand turners into a district contest', async ({ playwright, baseURL }) => {
  const admin = await apiAs(await playwright.request.newContext({ baseURL }), ADMIN.username, ADMIN.password)
  const { items: roots } = await admin.get<{ items: Ref[] }>('/organisations/tree')
  const district = await admin.post<Ref>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: '临港区总工会' })
  const enterprise = await admin.post<Ref>('/organisations', {
    parent_id: district.id, kind: 'enterprise', name: ENTERPRISE.name, credit_code: ENTERPRISE.code + creditCodeCheckChar(ENTERPRISE.code),
  })
  for (const [user, role, org] of [[ENTERPRISE.user, 'enterprise', enterprise.id], [ORGANISER, 'organiser', district.id]] as const) {
    await admin.post('/accounts', { username: user, display_name: user, role, organisation_id: org, password: INITIAL })
    const own = await apiAs(await playwright.request.newContext({ baseURL }), user, INITIAL)
    await own.post('/auth/password', { old_password: INITIAL, new_password: PASSWORD })
  }
  const now = Date.now()
  const contest = await admin.post<Ref>('/contests', { name: CONTEST, kind: 'skills', format: 'trade', level: 'district', organiser_id: district.id,
    registration_opens_at: new Date(now - 3600_000).toISOString(), registration_closes_at: new Date(now + 7 * 86400_000).toISOString() })
  contestId = contest.id
  await admin.post(`/contests/${contest.id}/events`, { name: '车工', trade: '车工', entrant_type: 'individual' })
  await admin.post(`/contests/${contest.id}/steps`, { to: 'registration_open' })

  // The turners come in by the registration import, as a clerk would bring them.
  const request = await playwright.request.newContext({ baseURL })
  const res = await request.post('/api/v1/auth/login', { data: { username: ENTERPRISE.user, password: PASSWORD } })
  const { csrf_token: csrf } = (await res.json()) as { csrf_token: string }
  const template = await request.get(`/api/v1/contests/${contest.id}/registration-template`)
  const file = fillTemplate(Buffer.from(await template.body()), turners(COUNT))
  const upload = await request.post(`/api/v1/contests/${contest.id}/registration-imports?file_name=turners.xlsx`, { data: file, headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/octet-stream' } })
  expect(upload.status(), await upload.text()).toBe(201)
  let job = (await upload.json()) as { id: number; status: string; version: number }
  await expect.poll(async () => (job = await (await request.get(`/api/v1/imports/${job.id}`)).json()).status, { timeout: 60_000 }).toBe('checked')
  await request.post(`/api/v1/imports/${job.id}/commit`, { data: { version: job.version }, headers: { 'X-CSRF-Token': csrf } })
  await expect.poll(async () => (await (await request.get(`/api/v1/imports/${job.id}`)).json()).status, { timeout: 60_000 }).toBe('imported')
})

test('the district exports the entries in the background, watching the progress bar, and opens the file', async () => {
  await login(page, ORGANISER, PASSWORD)
  await expect(page).toHaveURL(/\/$/, SLOW)
  await page.goto(`/contests/${contestId}`)
  await expect(page.getByTestId('contest-name')).toHaveText(CONTEST, SLOW)
  // The page asks how far the job has come every second; answering it slowly keeps the bar in view on a fast machine.
  await page.route('**/api/v1/exports/*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await route.fallback()
  })
  const downloading = page.waitForEvent('download', { timeout: 120_000 })
  await page.getByTestId('export-registrations').locator('button').first().click()
  await expect(page.getByTestId('export-progress')).toBeVisible(SLOW)
  const { rows, formulas } = readSheet(await saved(await downloading))
  await page.unrouteAll({ behavior: 'ignoreErrors' })
  await expect(page.getByTestId('export-progress')).toHaveCount(0, SLOW)

  expect(formulas).toEqual([])
  expect(rows.get(1)?.get('A')).toBe(`${CONTEST} 报名名单`)
  expect(rows.get(2)?.get('A')).toBe('制表单位：临港区总工会')
  expect([...(rows.get(3)?.values() ?? [])]).toContain('身份证号码')
  expect(rows.size).toBe(3 + COUNT)
  const first = rows.get(4)!
  expect(first.get('E')).toBe(firstTurner.姓名)
  // The enterprise's name begins with =, and stays text.
  expect(first.get('C')).toBe(ENTERPRISE.name)
  expect(first.get('H')).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)

  // In full, when asked for by the contest's organiser.
  const full = page.waitForEvent('download', { timeout: 120_000 })
  await page.getByTestId('export-registrations').locator('.el-dropdown__caret-button').click()
  await page.getByTestId('export-registrations-full').click()
  const inFull = readSheet(await saved(await full))
  expect(inFull.rows.get(4)?.get('H')).toBe(firstTurner.身份证号码)
  await shot(page, '70-export-entries')
})

test('the enterprise exports its register in full from the people page; the district gets no such choice', async () => {
  await expect(page.getByTestId('export-people-full')).toHaveCount(0)
  await page.getByTestId('logout').click()
  await login(page, ENTERPRISE.user, PASSWORD)
  await expect(page).toHaveURL(/\/$/, SLOW)
  await page.goto('/people')
  const downloading = page.waitForEvent('download', { timeout: 120_000 })
  await page.getByTestId('export-people').locator('.el-dropdown__caret-button').click()
  await page.getByTestId('export-people-full').click()
  const { rows, formulas } = readSheet(await saved(await downloading))
  expect(formulas).toEqual([])
  expect(rows.get(1)?.get('A')).toBe(`${ENTERPRISE.name} 职工名册`)
  expect(rows.size).toBe(3 + COUNT)
  expect(rows.get(4)?.get('B')).toBe(ENTERPRISE.name)
  expect(rows.get(4)?.get('E')).toBe(firstTurner.身份证号码)
})
