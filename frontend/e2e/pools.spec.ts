import { readFileSync } from 'node:fs'
import { drawnEvent } from './judging'
import { expect, test, type Page } from './fixtures'
import { ADMIN, apiAs, login, logout, pick, shot } from './support'
import { readSheet } from './xlsx'

// A district's fitters' contest is made final through the API: its winners are then in the talent pool, where
// the organiser finds them and each enterprise sees only its own; the organiser prints the certificates, one
// A4 page each with a QR code, and anyone, logged out, verifies a certificate by its code.
const PASSWORD = 'Pools-e2e-2026'
const ENTERPRISES = [
  { name: '坪山精工', code: '91440300MA5PL0001', user: 'pool_ent1' },
  { name: '坪山电力', code: '91440300MA5PL0002', user: 'pool_ent2' },
]
/** Name, first 17 characters of the ID number, theory and practical marks: 甘一 first, 柏二 second, 童三 third. */
const WORKERS = [
  ['甘一', '11010819910505001', 90, 90],
  ['柏二', '11010819910505003', 80, 80],
  ['童三', '11010819910505005', 70, 70],
  ['荀四', '11010819910505007', 60, 60],
] as const

test.describe.configure({ mode: 'serial' })

let page: Page
let eventId = 0

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
})

test.afterAll(async () => {
  await page.close()
})

test('a contest is judged, its results computed, decoded, published and made final', async ({ playwright, baseURL }) => {
  const setup = await drawnEvent(playwright, baseURL, {
    district: '坪山区总工会', contest: '坪山区钳工技能比武', enterprises: ENTERPRISES,
    workers: WORKERS.map(([name, id]) => [name, id]), seed: 'a001', password: PASSWORD, untimed: true,
  })
  const { admin, panel, contestId } = setup
  eventId = setup.eventId
  await panel('pool_chief', 'chief')
  await panel('pool_judge', 'judge', ['theory', 'practical'])
  await admin.post(`/contests/${contestId}/steps`, { to: 'judging' })
  const { items: entrants } = await admin.get<{ items: { draw_number: string; person: { name: string } }[] }>(`/events/${eventId}/entrants?page_size=50`)
  const judge = await setup.session('pool_judge', PASSWORD)
  for (const [name, , theory, practical] of WORKERS) {
    const number = entrants.find((e) => e.person.name === name)?.draw_number
    expect(number, `${name} has a draw number`).toBeTruthy()
    await judge.put(`/events/${eventId}/sheets/theory/marks`, { number, criterion: 'T1', points: theory, version: 0 })
    await judge.put(`/events/${eventId}/sheets/practical/marks`, { number, criterion: 'P1', points: practical, version: 0 })
  }
  await judge.post(`/events/${eventId}/sheets/theory/submit`, { version: 1 })
  await judge.post(`/events/${eventId}/sheets/practical/submit`, { version: 1 })
  const chief = await setup.session('pool_chief', PASSWORD)
  await chief.post(`/events/${eventId}/stages/theory/sign-off`, {})
  await chief.post(`/events/${eventId}/stages/practical/sign-off`, {})
  await admin.post(`/events/${eventId}/results`, {})
  await admin.post(`/events/${eventId}/results/decode`, {})
  // A contest without a notice period is made final as soon as its results are published.
  await admin.put(`/contests/${contestId}/notice`, { notice_workdays: 0, appeal_hours: 0 })
  await admin.post(`/contests/${contestId}/steps`, { to: 'public_notice' })
  await admin.post(`/contests/${contestId}/steps`, { to: 'final' })
})

test('the organiser finds the winner in the talent pool, searching by name and filtering by award', async () => {
  await login(page, ADMIN.username, ADMIN.password)
  await expect(page.getByTestId('logout')).toBeVisible()
  await page.getByRole('menuitem', { name: '人才库' }).click()
  await expect(page.getByTestId('pools-page')).toContainText('技能人才库')
  await page.getByTestId('pool-search').fill('甘一')
  await page.getByTestId('pool-search-button').click()
  const rows = page.getByTestId('talent-table').locator('tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('甘一')
  await expect(rows.first()).toContainText('一等奖')
  await expect(rows.first()).toContainText('坪山精工')
  await expect(rows.first()).toContainText('坪山区钳工技能比武')
  await page.getByTestId('pool-search').fill('')
  await pick(page, page.getByTestId('pool-award'), '二等奖')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('柏二')
  // The export is the pool as filtered.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-talents').click()])
  const cells = [...readSheet(readFileSync(await download.path())).rows.values()].flatMap((r) => [...r.values()])
  expect(cells).toContain('柏二')
  expect(cells).not.toContain('甘一')
  await shot(page, '80-talent-pool')
  await page.getByRole('tab', { name: '技术专家库' }).click()
  await expect(page.getByTestId('expert-table')).toContainText('pool_chief')
  await expect(page.getByTestId('expert-table')).toContainText('pool_judge')
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByRole('tab', { name: '技能人才库' }).click()
  await expect(page.getByTestId('talent-table')).toBeVisible()
  await shot(page, '81-pools-phone')
  await page.setViewportSize({ width: 1280, height: 720 })
})

test('the organiser opens the certificates from the results: one A4 page per winner, each with a QR code', async () => {
  await page.goto(`/events/${eventId}/results`)
  await page.getByTestId('results-certificates').click()
  await expect(page).toHaveURL(new RegExp(`/events/${eventId}/certificates$`))
  const certificates = page.getByTestId('certificate')
  await expect(certificates).toHaveCount(3)
  await expect(certificates.nth(0)).toContainText('甘一')
  await expect(certificates.nth(0)).toContainText('一等奖')
  await expect(certificates.nth(2)).toContainText('童三')
  await expect(certificates.nth(0).getByTestId('certificate-qr').locator('svg')).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  await shot(page, '82-certificates-print')
  // Printed, at the page's own A4 size: one page per certificate.
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1')
  expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(3)
  expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+/)
  await page.emulateMedia({ media: 'screen' })
  await page.goto('/')
  await logout(page)
})

test('an enterprise sees only its own workers in the talent pool', async () => {
  await login(page, 'pool_ent2', PASSWORD)
  await expect(page.getByTestId('logout')).toBeVisible()
  await page.getByRole('menuitem', { name: '人才库' }).click()
  const rows = page.getByTestId('talent-table').locator('tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('童三')
  await expect(page.getByRole('tab', { name: '技术专家库' })).toHaveCount(0)
  await logout(page)
})

test('anyone, logged out, verifies a certificate by its code; an unknown code says so', async ({ playwright, baseURL }) => {
  const admin = await apiAs(await playwright.request.newContext({ baseURL }), ADMIN.username, ADMIN.password)
  const list = await admin.get<{ code: string; name: string }[]>(`/events/${eventId}/certificates`)
  const first = list.find((c) => c.name === '甘一')
  expect(first).toBeTruthy()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/public/certificates/${first?.code}`)
  await expect(page.getByTestId('verify-genuine')).toContainText('证书真实有效')
  await expect(page.getByTestId('verify-name')).toHaveText('甘一')
  await expect(page.getByTestId('verify-award')).toHaveText('一等奖')
  await expect(page.getByTestId('verify-page')).toContainText('坪山精工')
  await expect(page.getByTestId('verify-page')).not.toContainText('110108')
  await shot(page, '83-certificate-verified')
  await page.goto('/public/certificates/NOSUCHCODE234567NOSUCHCODE')
  await expect(page.getByTestId('verify-unknown')).toContainText('查无此证书')
  await expect(page).toHaveURL(/\/public\/certificates\//)
})
