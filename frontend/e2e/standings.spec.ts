import { readFileSync } from 'node:fs'
import { expect, test, type Download, type Page } from './fixtures'
import { drawnEvent } from './judging'
import { ADMIN, login, logout, shot } from './support'
import { readSheet } from './xlsx'

// A district's fitters' contest, judged, computed and decoded through the API: the organiser sees the teams of
// each enterprise, the enterprise ranking and the medal tables on the contest's standings tab (on a desktop and
// on a phone), downloads the results workbook from the results page, and, once published, an enterprise sees
// its own line only.
const CONTEST = '南湖区钳工技能比武'
const EVENT = '钳工'
const PASSWORD = 'Standings-e2e-2026'
const DISTRICT = '南湖区总工会'
// The credit codes' range MA5ST… cannot be used: S is not a character of a credit code (GB 32100-2015), so MA5TD.
const ENTERPRISES = [
  { name: '南湖机床厂', code: '91440300MA5TD0001', user: 'std_ent1' },
  { name: '南湖精工', code: '91440300MA5TD0002', user: 'std_ent2' },
]
/** Two workers an enterprise: name, first 17 characters of the ID number, theory and practical marks. */
const WORKERS = [
  ['柏一', '11010819770707001', 90, 80],
  ['水二', '11010819770707003', 70, 90],
  ['窦三', '11010819770707005', 60, 60],
  ['章四', '11010819770707007', 50, 50],
] as const

interface Entrants {
  items: { draw_number: string; person: { name: string } | null }[]
}

test.describe.configure({ mode: 'serial' })

let page: Page
let contestId = 0
let eventId = 0
/** The draw numbers, in the order of WORKERS. */
let numbers: string[] = []
let admin: Awaited<ReturnType<typeof drawnEvent>>['admin']

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
})

test.afterAll(async () => {
  await page.close()
})

async function saved(download: Download): Promise<Buffer> {
  return readFileSync(await download.path())
}

test('a contest is judged, computed and decoded through the API', async ({ playwright, baseURL }) => {
  const setup = await drawnEvent(playwright, baseURL, {
    district: DISTRICT, contest: CONTEST, enterprises: ENTERPRISES, workers: WORKERS.map(([name, first17]) => [name, first17]), seed: '5ca1e', password: PASSWORD,
  })
  ;({ admin, contestId, eventId } = setup)
  const { items } = await admin.get<Entrants>(`/events/${eventId}/entrants?page_size=100`)
  numbers = WORKERS.map(([name]) => items.find((e) => e.person?.name === name)?.draw_number ?? '')
  await setup.panel('std_chief', 'chief')
  await setup.panel('std_judge', 'judge', ['theory', 'practical'])
  await admin.post(`/contests/${contestId}/steps`, { to: 'judging' })

  const marker = await setup.session('std_judge', PASSWORD)
  for (const [i, [, , theory, practical]] of WORKERS.entries()) {
    await marker.put(`/events/${eventId}/sheets/theory/marks`, { number: numbers[i], criterion: 'T1', points: theory, version: 0 })
    await marker.put(`/events/${eventId}/sheets/practical/marks`, { number: numbers[i], criterion: 'P1', points: practical, version: 0 })
    await marker.put(`/events/${eventId}/sheets/practical/marks`, { number: numbers[i], criterion: '_time', points: 3000 + i * 60, version: 0 })
  }
  await marker.post(`/events/${eventId}/sheets/theory/submit`, { version: 1 })
  await marker.post(`/events/${eventId}/sheets/practical/submit`, { version: 1 })
  const signer = await setup.session('std_chief', PASSWORD)
  for (const stage of ['theory', 'practical']) await signer.post(`/events/${eventId}/stages/${stage}/sign-off`, {})
  await admin.post(`/events/${eventId}/results`, {})
  await admin.post(`/events/${eventId}/results/decode`, {})
})

test('the organiser sees the teams, the enterprise ranking and the medal tables on the contest page', async () => {
  await login(page, ADMIN.username, ADMIN.password)
  await expect(page.getByTestId('logout')).toBeVisible()
  await page.goto(`/contests/${contestId}?tab=standings`)
  const standings = page.getByTestId('standings')
  // 水二 21 + 63 = 84 (一等奖), 柏一 27 + 56 = 83 (二等奖), 窦三 18 + 42 = 60 (三等奖), 章四 15 + 35 = 50.
  const medals = page.getByTestId('medal-table').locator('tbody tr')
  await expect(medals).toHaveCount(2)
  await expect(medals.nth(0)).toContainText('南湖机床厂')
  await expect(medals.nth(1)).toContainText('南湖精工')
  const ranking = page.getByTestId('enterprise-ranking').locator('tbody tr')
  await expect(ranking.nth(0)).toContainText('南湖机床厂')
  await expect(ranking.nth(0)).toContainText('167')
  await expect(ranking.nth(1)).toContainText('110')
  await page.getByTestId('medal-table-kind').getByText('区县工会').click()
  await expect(page.getByTestId('medal-table').locator('tbody tr').first()).toContainText(DISTRICT)
  await page.getByTestId(`event-teams-${eventId}`).getByText(EVENT).first().click()
  await expect(page.getByTestId(`event-teams-${eventId}`)).toContainText('水二、柏一')
  await expect(standings).toContainText('全部队员成绩之和')
  await shot(page, '80-standings')

  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload()
  await expect(page.getByTestId('enterprise-ranking').locator('tbody tr').first()).toContainText('南湖机床厂')
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(390)
  await shot(page, '81-standings-phone')
  await page.setViewportSize({ width: 1280, height: 800 })
})

test('the organiser downloads the results workbook from the results page', async () => {
  await page.goto(`/events/${eventId}/results`)
  const downloading = page.waitForEvent('download')
  await page.getByTestId('export-results').click()
  const { rows, formulas } = readSheet(await saved(await downloading))
  expect(formulas).toEqual([])
  expect(rows.get(1)?.get('A')).toBe(`${CONTEST} ${EVENT} 成绩表`)
  expect(rows.get(2)?.get('A')).toMatch(/^制表单位：/)
  expect([...(rows.get(3)?.values() ?? [])].filter((v) => v !== '')).toEqual(['名次', '参赛号', '姓名', '单位', '各阶段成绩', '总分', '奖项', '称号', '备注'])
  const first = rows.get(5)!
  expect([first.get('A'), first.get('B'), first.get('C'), first.get('D'), first.get('G'), first.get('H')]).toEqual(['1', numbers[1], '水二', '南湖机床厂', '84', '一等奖'])
  expect(rows.size).toBe(4 + WORKERS.length)
  await logout(page)
})

test('once published, an enterprise sees its own line of the standings only', async () => {
  await admin.post(`/contests/${contestId}/steps`, { to: 'public_notice' })
  await login(page, ENTERPRISES[1].user, PASSWORD)
  await expect(page.getByTestId('logout')).toBeVisible()
  await page.goto(`/enter/${contestId}`)
  const own = page.getByTestId('enter-standings')
  await expect(own.getByTestId('enterprise-ranking').locator('tbody tr')).toHaveCount(1)
  await expect(own.getByTestId('enterprise-ranking')).toContainText('南湖精工')
  await expect(own.getByTestId('medal-table')).not.toContainText('南湖机床厂')
  await expect(own.getByTestId('medal-table-kind')).toHaveCount(0)
  await shot(page, '82-standings-enterprise')
  await logout(page)
})
