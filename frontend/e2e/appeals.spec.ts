import { expect, test, type Page } from './fixtures'
import { drawnEvent } from './judging'
import { ADMIN, apiAs, login, logout, pick, shot } from './support'

// A district's fitters' results go out for public notice (公示) of a number of working days the organiser
// sets; the organiser names the arbitration panel (监督仲裁组); an enterprise appeals (申诉) in writing for
// one of its own entrants; the panel records its review (复核) and upholds the appeal; the enterprise
// sees the ruling, which is final.
const PASSWORD = 'Appeals-e2e-2026'
const ENTERPRISES = [
  { name: '南岸机械厂', code: '91440300MA5AP0001', user: 'apl_ent1' },
  { name: '南岸电机厂', code: '91440300MA5AP0002', user: 'apl_ent2' },
]
const WORKERS = [
  ['郑一', '11010819900404001'],
  ['冯二', '11010819900404003'],
  ['陈三', '11010819900404005'],
  ['褚四', '11010819900404007'],
]
const ARBITRATOR = 'apl_arb'


test.describe.configure({ mode: 'serial' })

let page: Page
let contestId = 0
let eventId = 0
let noticeEnds = ''

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

test('the results of a judged event are computed and decoded; an account waits to sit on the arbitration panel', async ({ playwright, baseURL }) => {
  const setup = await drawnEvent(playwright, baseURL, {
    district: '南岸区总工会',
    contest: '南岸区钳工技能比武',
    enterprises: ENTERPRISES,
    workers: WORKERS,
    seed: 'a99ea1',
    password: PASSWORD,
  })
  contestId = setup.contestId
  const { admin } = setup
  eventId = setup.eventId
  const judge = await setup.panel('apl_judge', 'judge', ['theory', 'practical'])
  await setup.panel('apl_chief', 'chief')
  // The arbitrator is a judge account of the district with no duty in the event.
  const district = await admin.get<{ organisation_id: number }>(`/accounts/${judge.id}`)
  await admin.post('/accounts', { username: ARBITRATOR, display_name: '仲裁员甲', role: 'judge', organisation_id: district.organisation_id, password: 'Initial-pass-2026' })
  const arb = await setup.session(ARBITRATOR, 'Initial-pass-2026')
  await arb.post('/auth/password', { old_password: 'Initial-pass-2026', new_password: PASSWORD })
  await admin.post(`/contests/${contestId}/steps`, { to: 'judging' })

  const marker = await setup.session('apl_judge', PASSWORD)
  const sheet = await marker.get<{ rows: { number: string }[] }>(`/events/${eventId}/sheets/theory`)
  for (const [i, row] of sheet.rows.entries()) {
    await marker.put(`/events/${eventId}/sheets/theory/marks`, { number: row.number, criterion: 'T1', points: 60 + i * 10, version: 0 })
    await marker.put(`/events/${eventId}/sheets/practical/marks`, { number: row.number, criterion: 'P1', points: 90 - i * 5, version: 0 })
    await marker.put(`/events/${eventId}/sheets/practical/marks`, { number: row.number, criterion: '_time', points: 1800 + i * 60, version: 0 })
  }
  for (const stage of ['theory', 'practical']) {
    const { version } = await marker.get<{ version: number }>(`/events/${eventId}/sheets/${stage}`)
    await marker.post(`/events/${eventId}/sheets/${stage}/submit`, { version })
  }
  const chief = await setup.session('apl_chief', PASSWORD)
  for (const stage of ['theory', 'practical']) await chief.post(`/events/${eventId}/stages/${stage}/sign-off`, {})
  await admin.post(`/events/${eventId}/results`, {})
  await admin.post(`/events/${eventId}/results/decode`, {})
})

test('a veto is refused on the results page where the event has none in its rules, saying so', async () => {
  await signIn(ADMIN.username, ADMIN.password)
  await page.goto(`/events/${eventId}/results`)
  const vetoes = page.getByTestId('vetoes')
  await expect(vetoes).toContainText('一票否决')
  await pick(page, vetoes.getByTestId('veto-number'), '001')
  await vetoes.getByTestId('veto-reason').fill('实操中违反安全操作规程')
  await vetoes.getByTestId('veto-record').click()
  await expect(page.locator('.el-message--error, .el-notification')).toContainText('项目“钳工”的评分规则没有一票否决')
  await expect(vetoes.getByTestId('veto-list')).toHaveCount(0)
  await logout(page)
})

test('the organiser sets a notice of three working days and names the arbitration panel', async ({ playwright, baseURL }) => {
  await signIn(ADMIN.username, ADMIN.password)
  await page.goto(`/contests/${contestId}?tab=publication`)
  await expect(page.getByTestId('notice-ends')).toHaveText('5 个工作日（进入公示后开始计算）')
  const workdays = page.getByTestId('notice-workdays').locator('input')
  await workdays.fill('3')
  await page.getByTestId('notice-save').click()
  await expect(page.locator('.el-message--success')).toContainText('设置已保存')
  await expect(page.getByTestId('notice-ends')).toHaveText('3 个工作日（进入公示后开始计算）')
  await pick(page, page.getByTestId('arbitrator-select'), '仲裁员甲 (apl_arb)')
  await page.getByTestId('arbitrator-add').click()
  await expect(page.getByTestId('arbitrators')).toContainText('仲裁员甲 (apl_arb)')
  await shot(page, 'appeals-panel')

  // Public notice: the contest page shows its last day, counted in working days.
  const api = await apiAs(await playwright.request.newContext({ baseURL }), ADMIN.username, ADMIN.password)
  const contest = await api.post<{ notice_ends_on: string }>(`/contests/${contestId}/steps`, { to: 'public_notice' })
  noticeEnds = contest.notice_ends_on
  expect(noticeEnds).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  await page.reload()
  await expect(page.getByTestId('notice-ends')).toHaveText(`3 个工作日 · 公示期至 ${noticeEnds} 结束`)
  await logout(page)
})

test('the enterprise appeals in writing for one of its own entrants; a second appeal waits for the ruling', async () => {
  await signIn(ENTERPRISES[0].user)
  await page.goto(`/enter/${contestId}`)
  await expect(page.getByTestId('notice-ends')).toHaveText(`公示期至 ${noticeEnds} 结束`)
  await page.getByTestId('open-appeals').click()
  const lines = page.getByTestId('appealable').locator('tbody tr')
  await expect(lines).toHaveCount(2)
  await expect(page.getByTestId('appealable')).toContainText('郑一')
  await expect(page.getByTestId('appealable')).not.toContainText('陈三')
  await lines.filter({ hasText: '郑一' }).getByTestId('appeal-open').click()
  const dialog = page.getByTestId('appeal-dialog')
  await expect(dialog).toContainText('对 郑一 的成绩提出申诉')
  await dialog.locator('textarea').fill('实操计时有误，请调阅录像复核')
  await dialog.getByTestId('appeal-submit').click()
  await expect(page.locator('.el-message--success')).toContainText('申诉已提交')
  const appeal = page.getByTestId('appeal')
  await expect(appeal).toHaveCount(1)
  await expect(appeal.getByTestId('appeal-status')).toHaveText('待复核')
  await expect(appeal.getByTestId('appeal-reason')).toHaveText('实操计时有误，请调阅录像复核')
  await expect(lines.filter({ hasText: '郑一' }).getByTestId('appeal-refusal')).toHaveText('该参赛者已有一件申诉尚未裁决，不能重复申诉')
  await expect(appeal.getByTestId('appeal-review-open')).toHaveCount(0)
  await shot(page, 'appeals-enterprise')
  await logout(page)
})

test('the arbitration panel finds the appeal from its home page, reviews it and upholds it', async () => {
  await signIn(ARBITRATOR)
  await expect(page.getByTestId('arbitration')).toContainText('1 件待裁决')
  await page.getByTestId('arbitration-contest').click()
  await expect(page.getByTestId('appeals-contest')).toHaveText('南岸区钳工技能比武 · 申诉与仲裁')
  const appeal = page.getByTestId('appeal')
  await expect(appeal).toContainText('郑一')
  await expect(appeal).toContainText('南岸机械厂')
  await expect(appeal.getByTestId('appeal-rule-open')).toHaveCount(0)
  await appeal.getByTestId('appeal-review-open').click()
  const dialog = page.getByTestId('appeal-dialog')
  await dialog.locator('textarea').fill('调阅现场录像，计时多记 60 秒')
  await dialog.getByTestId('appeal-submit').click()
  await expect(appeal.getByTestId('appeal-status')).toHaveText('已复核')
  await appeal.getByTestId('appeal-rule-open').click()
  await expect(dialog).toContainText('裁决为最终裁决')
  await dialog.getByTestId('appeal-outcome').getByText('支持申诉').click()
  await dialog.locator('textarea').fill('申诉成立，更正实操用时')
  await dialog.getByTestId('appeal-submit').click()
  await expect(appeal.getByTestId('appeal-status')).toHaveText('支持')
  await expect(appeal.getByTestId('appeal-review-open')).toHaveCount(0)
  await shot(page, 'appeals-panel-ruled')
  await logout(page)
})

test('the enterprise sees the ruling, final, and that the results will be corrected', async () => {
  await signIn(ENTERPRISES[0].user)
  await page.goto(`/appeals/${contestId}`)
  const appeal = page.getByTestId('appeal')
  await expect(appeal.getByTestId('appeal-status')).toHaveText('支持')
  await expect(appeal.getByTestId('appeal-review')).toHaveText('调阅现场录像，计时多记 60 秒')
  await expect(appeal.getByTestId('appeal-ruling')).toHaveText('申诉成立，更正实操用时')
  await expect(appeal).toContainText('新版本成绩会公布并标明变化')
  const lines = page.getByTestId('appealable').locator('tbody tr')
  await expect(lines.filter({ hasText: '郑一' }).getByTestId('appeal-refusal')).toContainText('裁决为最终裁决')
  await shot(page, 'appeals-ruling')
  await logout(page)
})
