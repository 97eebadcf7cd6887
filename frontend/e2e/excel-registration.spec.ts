import { readFileSync } from 'node:fs'
import { creditCodeCheckChar } from '../src/validation/creditCode'
import { idNumberCheckChar } from '../src/validation/idNumber'
import { expect, test, type Download, type Page } from './fixtures'
import { ADMIN, apiAs, login, shot } from './support'
import { fillTemplate, unzip } from './xlsx'

// An enterprise enters its workers from a spreadsheet: it downloads the registration template, fills it in,
// uploads it with one bad row, reads the problem and the file marked red, corrects it and imports it; then a
// sheet of thousands, checked and imported in the background, watched on a progress bar.
const CONTEST = '滨江区职工技能竞赛'
const ENTERPRISE = { name: '滨江电气设备有限公司', code: '91330100MA2BJ0001', user: 'ent_bj1' }
const PASSWORD = 'Excel-e2e-2026'
const INITIAL = 'Initial-pass-2026'
/** Three electricians; the sequence digits match the genders (odd for men). */
const WORKERS = [
  { name: '蒋伟', gender: '男', body: '33010319880307001' },
  { name: '沈静', gender: '女', body: '33010319900408002' },
  { name: '韩冰', gender: '男', body: '33010319920509003' },
].map((w) => ({ ...w, id: w.body + idNumberCheckChar(w.body) }))

interface Ref {
  id: number
}

test.describe.configure({ mode: 'serial' })

let page: Page
let contestId: number

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
})

test.afterAll(async () => {
  await page.close()
})

/** The file a download saved. */
async function saved(download: Download): Promise<Buffer> {
  return readFileSync(await download.path())
}

/** The rows of the sheet: every worker, the second with the mobile given. */
function rows(secondMobile: string): Record<string, string>[] {
  return WORKERS.map((w, i) => ({
    项目: '电工',
    姓名: w.name,
    性别: w.gender,
    身份证号码: w.id,
    手机号码: i === 1 ? secondMobile : '13900139000',
    工种: '电工',
    技能等级: '四级/中级工',
    '本工种工龄（年）': '6',
  }))
}

test('a district opens a contest with three individual events and a team event', async ({ playwright, baseURL }) => {
  const admin = await apiAs(await playwright.request.newContext({ baseURL }), ADMIN.username, ADMIN.password)
  const { items: roots } = await admin.get<{ items: Ref[] }>('/organisations/tree')
  const district = await admin.post<Ref>('/organisations', { parent_id: roots[0].id, kind: 'district_union', name: '滨江区总工会' })
  const enterprise = await admin.post<Ref>('/organisations', {
    parent_id: district.id, kind: 'enterprise', name: ENTERPRISE.name, credit_code: ENTERPRISE.code + creditCodeCheckChar(ENTERPRISE.code),
  })
  await admin.post('/accounts', { username: ENTERPRISE.user, display_name: ENTERPRISE.name, role: 'enterprise', organisation_id: enterprise.id, password: INITIAL })
  const own = await apiAs(await playwright.request.newContext({ baseURL }), ENTERPRISE.user, INITIAL)
  await own.post('/auth/password', { old_password: INITIAL, new_password: PASSWORD })

  const now = Date.now()
  const contest = await admin.post<Ref>('/contests', { name: CONTEST, kind: 'skills', format: 'trade', level: 'district', organiser_id: district.id,
    registration_opens_at: new Date(now - 3600_000).toISOString(), registration_closes_at: new Date(now + 7 * 86400_000).toISOString() })
  contestId = contest.id
  for (const name of ['电工', '钳工']) await admin.post(`/contests/${contest.id}/events`, { name, trade: name, entrant_type: 'individual', quota_per_enterprise: 5 })
  await admin.post(`/contests/${contest.id}/events`, { name: '电焊工', trade: '电焊工', entrant_type: 'individual' })
  await admin.post(`/contests/${contest.id}/events`, { name: '班组协作', entrant_type: 'team', team_size: 3 })
  await admin.post(`/contests/${contest.id}/steps`, { to: 'registration_open' })
})

test('the enterprise downloads the template, uploads it with a bad mobile and gets the problem and the file marked red', async () => {
  await login(page, ENTERPRISE.user, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await page.goto(`/enter/${contestId}`)
  const card = page.getByTestId('registration-import')
  await expect(card).toContainText('Excel 批量报名')

  const [templateDownload] = await Promise.all([page.waitForEvent('download'), card.getByTestId('template-download').locator('button').first().click()])
  expect(templateDownload.suggestedFilename()).toBe(`报名表-${CONTEST}.xlsx`)
  const template = await saved(templateDownload)
  const parts = unzip(template)
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? ''
  expect(workbook).toContain('name="报名表"')
  expect(workbook).toContain('name="说明"')
  const sheet = parts.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? ''
  expect(sheet).toContain('<sheetProtection')
  expect(sheet).toContain('state="frozen"')
  expect(sheet).toContain('"男,女"')

  await card.getByTestId('import-file').setInputFiles({ name: '滨江电气报名.xlsx', mimeType: 'application/octet-stream', buffer: fillTemplate(template, rows('1390013900')) })
  const status = card.getByTestId('import-status')
  await expect(status).toContainText('发现 1 处问题，没有写入任何数据')
  const problem = card.getByTestId('import-problems').locator('tbody tr')
  await expect(problem).toHaveCount(1)
  await expect(problem.first()).toContainText('E4')
  await expect(problem.first()).toContainText('1390013900')
  await expect(problem.first()).toContainText('手机号码应为以1开头的11位数字')
  await expect(card.getByTestId('import-commit')).toHaveCount(0)
  await shot(page, '60-import-problems')

  const [reportDownload] = await Promise.all([page.waitForEvent('download'), card.getByTestId('import-report').click()])
  expect(reportDownload.suggestedFilename()).toBe('滨江电气报名-问题.xlsx')
  const report = unzip(await saved(reportDownload))
  const comments = [...report.entries()].filter(([name]) => /^xl\/comments\d*\.xml$/.test(name)).map(([, xml]) => xml.toString('utf8'))
  expect(comments.join('')).toContain('手机号码应为以1开头的11位数字')
  expect(report.get('xl/styles.xml')?.toString('utf8')).toContain('FF9999')
  expect(report.get('xl/sharedStrings.xml')?.toString('utf8')).toContain('错误说明')

  // The job stays on the page through a reload.
  await page.reload()
  await expect(page.getByTestId('import-status')).toContainText('发现 1 处问题')
  for (const w of WORKERS) await expect(page.getByTestId('own-entrants').first()).not.toContainText(w.name)
})

test('the corrected file is checked, shows what it adds, and is imported', async () => {
  const card = page.getByTestId('registration-import')
  const [templateDownload] = await Promise.all([page.waitForEvent('download'), card.getByTestId('template-download').locator('button').first().click()])
  const corrected = fillTemplate(await saved(templateDownload), rows('13900139001'))
  await card.getByTestId('import-file').setInputFiles({ name: '滨江电气报名.xlsx', mimeType: 'application/octet-stream', buffer: corrected })
  await expect(card.getByTestId('import-status')).toContainText('检查通过，共 3 行：导入后将新增 3 人，更新 0 人，0 人不变')
  const actions = card.getByTestId('import-actions').locator('tbody tr')
  await expect(actions).toHaveCount(3)
  await expect(actions.nth(1)).toContainText(WORKERS[1].name)
  await expect(actions.nth(1)).toContainText('新增')
  await shot(page, '61-import-checked')
  await card.getByTestId('import-commit').click()
  await expect(card.getByTestId('import-status')).toContainText('导入完成：新增 3 人')
  const electricians = page.locator('.event-entries', { hasText: '电工' }).first().getByTestId('own-entrants')
  for (const w of WORKERS) await expect(electricians).toContainText(w.name)

  // The same file again changes nothing.
  await card.getByTestId('import-file').setInputFiles({ name: '滨江电气报名.xlsx', mimeType: 'application/octet-stream', buffer: corrected })
  await expect(card.getByTestId('import-status')).toContainText('导入后将新增 0 人，更新 0 人，3 人不变')
  await expect(card.getByTestId('import-actions').locator('tbody tr').first()).toContainText('不变')
})

/** A sheet of many welders, each with a valid ID number whose sequence digits match the gender. */
function manyWelders(count: number): Record<string, string>[] {
  const first = Date.UTC(1975, 0, 1)
  return Array.from({ length: count }, (_, i) => {
    const born = new Date(first + i * 86400_000).toISOString().slice(0, 10).replaceAll('-', '')
    const body = `330104${born}00${i % 2 === 0 ? 1 : 2}`
    return { 项目: '电焊工', 姓名: `焊工${i + 1}号`, 性别: i % 2 === 0 ? '男' : '女', 身份证号码: body + idNumberCheckChar(body), 手机号码: '13900139000' }
  })
}

test('a sheet of three thousand runs in the background with a progress bar, through a reload', async () => {
  const card = page.getByTestId('registration-import')
  const [templateDownload] = await Promise.all([page.waitForEvent('download'), card.getByTestId('template-download').locator('button').first().click()])
  const big = fillTemplate(await saved(templateDownload), manyWelders(3000))
  expect(big.length).toBeGreaterThan(64 << 10)
  // The page asks how far the job has come every second; answering it slowly keeps the bar in view on a fast machine.
  await page.route('**/api/v1/imports/*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await route.fallback()
  })
  await card.getByTestId('import-file').setInputFiles({ name: '电焊工.xlsx', mimeType: 'application/octet-stream', buffer: big })
  await expect(card.getByTestId('import-progress')).toBeVisible()
  await expect(card.getByTestId('import-status')).toContainText('正在检查文件')
  await shot(page, '62-import-progress')
  await expect(card.getByTestId('import-status')).toContainText('检查通过，共 3000 行：导入后将新增 3000 人', { timeout: 60_000 })
  await expect(card.getByTestId('import-progress')).toHaveCount(0)
  await expect(card.getByTestId('import-actions').locator('tbody tr')).toHaveCount(1000)
  await expect(card).toContainText('仅列出前 1000 行（共 3000 行）')

  await card.getByTestId('import-commit').click()
  await expect(card.getByTestId('import-progress')).toBeVisible()
  await expect(card.getByTestId('import-status')).toContainText('正在导入')
  // The job goes on without the page; after a reload the page follows it again.
  await page.unrouteAll({ behavior: 'ignoreErrors' })
  await page.reload()
  await expect(page.getByTestId('import-status')).toContainText('导入完成：新增 3000 人', { timeout: 60_000 })
  const welders = page.locator('.event-entries', { hasText: '电焊工' }).first().getByTestId('own-entrants')
  // The event's list reads its 3,000 entries 200 at a time.
  await expect(welders).toContainText('焊工1号', { timeout: 60_000 })
})

test('the district imports for its enterprise, each row naming it, from the contest page', async () => {
  await page.getByTestId('logout').click()
  await login(page, ADMIN.username, ADMIN.password)
  await expect(page).toHaveURL(/\/$/)
  await page.goto(`/contests/${contestId}`)
  await page.getByRole('tab', { name: '批量报名' }).click()
  const card = page.getByTestId('registration-import')
  await expect(card).toContainText('为本工会范围内的企业批量报名')
  const [templateDownload] = await Promise.all([page.waitForEvent('download'), card.getByTestId('template-download').locator('button').first().click()])
  const fitter = { name: '魏明', body: '33010319930610005' }
  const rows = [{ 项目: '钳工', 单位: ENTERPRISE.name, 姓名: fitter.name, 性别: '男', 身份证号码: fitter.body + idNumberCheckChar(fitter.body), 手机号码: '13900139002' }]
  await card.getByTestId('import-file').setInputFiles({ name: '滨江区汇总.xlsx', mimeType: 'application/octet-stream', buffer: fillTemplate(await saved(templateDownload), rows) })
  await expect(card.getByTestId('import-status')).toContainText('检查通过，共 1 行')
  await card.getByTestId('import-commit').click()
  await expect(card.getByTestId('import-status')).toContainText('导入完成：新增 1 人')
  await shot(page, '63-import-organiser')
})
