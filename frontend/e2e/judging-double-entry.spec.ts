import { expect, test, type BrowserContext, type Page } from './fixtures'
import { drawnEvent, startKeying } from './judging'
import { login, shot } from './support'

// Blind double entry (双人双录): a judge marks its practical sheet on paper; two score clerks key it from
// the keyboard, one cell differently; a third clerk settles that cell from the paper; the chief judge
// then finds the sheet submitted on the progress board.
const PASSWORD = 'Keying-e2e-2026'
const JUDGE = 'judge_cd'
const CHIEF = 'chief_cd'
const CLERKS = ['clerk_cd1', 'clerk_cd2', 'clerk_cd3']
const ENTERPRISES = [
  { name: '城东机床厂', code: '91440300MA5XW0041', user: 'ent_cd1' },
  { name: '城东电力公司', code: '91440300MA5XW0042', user: 'ent_cd2' },
]
/** What each clerk keys for 001, 002 and 003, then their times used: the second misreads 002's mark. */
const KEYED = [
  ['80', '85', '90', '41:05', '38:40', '44:12'],
  ['80', '86', '90', '41:05', '38:40', '44:12'],
]

test.describe.configure({ mode: 'serial' })

let context: BrowserContext
let page: Page
let eventId = 0

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
})

test.afterAll(async () => {
  await context.close()
})

test('a district contest is at judging, with a judge, a chief judge and three score clerks', async ({ playwright, baseURL }) => {
  const setup = await drawnEvent(playwright, baseURL, {
    district: '城东区总工会',
    contest: '城东区钳工技能比武',
    enterprises: ENTERPRISES,
    workers: [['周一', '11010519870202011'], ['吴二', '11010519870202013'], ['郑三', '11010519870202015']],
    seed: 'decade',
    password: PASSWORD,
  })
  eventId = setup.eventId
  await setup.panel(JUDGE, 'judge', ['practical'])
  await setup.panel(CHIEF, 'chief')
  for (const clerk of CLERKS) await setup.panel(clerk, 'clerk')
  await setup.admin.post(`/contests/${setup.contestId}/steps`, { to: 'judging' })
})

const cell = (number: string, code = 'P1') => page.getByTestId(`mark-${number}-${code}`)

async function signIn(username: string): Promise<void> {
  await page.context().clearCookies()
  await login(page, username, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
}

for (const [i, values] of KEYED.entries()) {
  test(`clerk ${i + 1} keys the judge's paper sheet from the keyboard, sees only its own entry, and submits it`, async () => {
    await signIn(CLERKS[i])
    await startKeying(page, '实操', JUDGE)
    await expect(page.getByTestId('keying-round-title')).toContainText(`第${i + 1}次录入`)
    // The second clerk starts on an empty grid: the first clerk's values are nowhere on the page.
    await expect(cell('001')).toHaveValue('')
    await expect(cell('001')).toBeFocused()
    for (const v of values) {
      await page.keyboard.type(v)
      await page.keyboard.press('Enter')
    }
    await expect(page.getByTestId('sheet-unsent')).toHaveText('已全部保存')
    await expect(page.getByTestId('sheet-missing')).toHaveText('全部已评')
    if (i === 1) await shot(page, '46-keying-second-clerk')
    await page.getByTestId('keying-submit').click()
    await page.getByRole('dialog').getByRole('button', { name: '提交录入' }).click()
    await expect(page.getByTestId('keying-round')).toContainText('已提交')
    await expect(cell('001')).toBeDisabled()
    await expect(page.getByTestId(`keying-state-practical-${JUDGE}`)).toHaveText(i === 0 ? '录入中' : '待核对')
    // A clerk who keyed the sheet does not settle it.
    await expect(page.getByTestId(`compare-practical-${JUDGE}`)).toBeHidden()
  })
}

test('the judge finds its sheet kept on paper and cannot mark it online', async () => {
  await signIn(JUDGE)
  await page.goto(`/sheets/${eventId}/practical`)
  await expect(page.getByTestId('sheet-on-paper')).toBeVisible()
  await expect(cell('001')).toBeDisabled()
})

test('a third clerk sees only the differing cell with both values, and settles it from the paper', async () => {
  await signIn(CLERKS[2])
  await page.getByTestId('open-keying').click()
  await page.getByTestId(`compare-practical-${JUDGE}`).click()
  await expect(page.getByTestId('keying-compare')).toBeVisible()
  const rows = page.getByTestId('compare-grid').locator('tbody tr')
  await expect(rows).toHaveCount(1)
  const row = page.getByTestId('difference-002-P1')
  await expect(row.getByTestId('first-value')).toHaveText('85')
  await expect(row.getByTestId('second-value')).toHaveText('86')
  await expect(page.getByTestId('compare-waiting')).toHaveText('待核对 1 处')
  await expect(page.getByTestId('paper-002-P1')).toBeFocused()
  await page.keyboard.type('85.5')
  await shot(page, '47-keying-settle')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('compare-agreed')).toBeVisible()
  await expect(page.getByTestId('paper-002-P1')).toBeDisabled()
})

test('the chief judge finds the sheet submitted on the progress board, its entries agreed', async () => {
  await signIn(CHIEF)
  await page.getByTestId('open-progress').click()
  const practical = page.getByTestId('progress-stage-钳工-实操')
  await expect(practical.getByTestId(`paper-${JUDGE}`)).toHaveText('纸质 · 双录一致')
  await expect(practical.getByText('已提交', { exact: true })).toBeVisible()
  await expect(practical).toContainText('6/6')
  await practical.getByTestId(`view-sheet-${JUDGE}`).click()
  await expect(page.getByTestId('viewed-sheet')).toContainText('85.5')
  await shot(page, '48-keying-progress')
})
