import { idNumberCheckChar } from '../src/validation/idNumber'
import { expect, test, type APIRequestContext, type Page } from './fixtures'
import { drawnEvent } from './judging'
import { ADMIN, apiAs, login, shot } from './support'

// Every main page of every role, at a desktop, a tablet and a phone, in Chinese and English:
// a screenshot of each, and a failure where the page runs past the window's right edge, a
// table's header or a tag is cut off, a header or a title breaks inside a word, or an ID
// number or a time breaks over two lines.
const PASSWORD = 'Layout-e2e-2026'
const ORGANISER = 'lay_org'
const JUDGE = 'lay_judge'
const CHECK_IN = 'lay_checkin'
const ENTERPRISES = [
  { name: '高新精密机床制造有限公司', code: '91440300MA5XW0051', user: 'lay_ent1' },
  { name: '高新电力公司', code: '91440300MA5XW0052', user: 'lay_ent2' },
]
const SIZES = [
  { name: '1440', width: 1440, height: 900 },
  { name: '1024', width: 1024, height: 768 },
  { name: '390', width: 390, height: 844 },
] as const
const LANGUAGES = ['zh-CN', 'en'] as const

interface Ref {
  id: number
}

/** A page to look at: where it is, what shows it has loaded, and what to open on it first. */
interface Visit {
  name: string
  path: string
  ready: (page: Page) => ReturnType<Page['getByTestId']>
  open?: (page: Page) => Promise<void>
}

const JUDGING_CONTEST = '高新区钳工技能比武'
const OPEN_CONTEST = '2026年高新区职工职业技能大赛电工焊工综合比武'

/**
 * The scenario's contests and the judging contest's event, looked up by name: each role's
 * test runs on even when an earlier one failed, in a worker that did not run the setup.
 */
async function scenario(request: APIRequestContext) {
  const admin = await apiAs(request, ADMIN.username, ADMIN.password)
  const { items } = await admin.get<{ items: { id: number; name: string }[] }>(`/contests?q=${encodeURIComponent('高新区')}`)
  const id = (name: string) => items.find((c) => c.name === name)?.id ?? 0
  const judgingContest = id(JUDGING_CONTEST)
  const events = await admin.get<{ items: Ref[] }>(`/contests/${judgingContest}/events`)
  return { judgingContest, openContest: id(OPEN_CONTEST), judgingEvent: events.items[0].id }
}

test('a district has a contest at judging with its panel, and a contest open for registration with entries to review', async ({ playwright, baseURL }) => {
  const setup = await drawnEvent(playwright, baseURL, {
    district: '高新区总工会',
    contest: JUDGING_CONTEST,
    enterprises: ENTERPRISES,
    workers: [['赵西一', '11010519880303001'], ['钱西二', '11010519880303003'], ['孙西三', '11010519880303005'], ['李西四', '11010519880303007']],
    seed: 'facade',
    password: PASSWORD,
  })
  await setup.panel(JUDGE, 'judge', ['theory', 'practical'])
  await setup.panel(CHECK_IN, 'checkin')
  await setup.admin.post(`/contests/${setup.contestId}/steps`, { to: 'judging' })

  const { organiser_id: district } = await setup.admin.get<{ organiser_id: number }>(`/contests/${setup.contestId}`)
  await setup.admin.post('/accounts', { username: ORGANISER, display_name: '高新区赛事专员', role: 'organiser', organisation_id: district, password: 'Initial-pass-2026' })
  const organiser = await setup.session(ORGANISER, 'Initial-pass-2026')
  await organiser.post('/auth/password', { old_password: 'Initial-pass-2026', new_password: PASSWORD })

  const now = Date.now()
  const contest = await organiser.post<Ref>('/contests', {
    name: OPEN_CONTEST,
    kind: 'skills',
    format: 'trade',
    level: 'district',
    organiser_id: district,
    registration_opens_at: new Date(now - 3600_000).toISOString(),
    registration_closes_at: new Date(now + 3 * 86400_000).toISOString(),
  })
  const event = await organiser.post<Ref>(`/contests/${contest.id}/events`, { name: '电工', trade: '电工', entrant_type: 'individual' })
  await organiser.post(`/contests/${contest.id}/steps`, { to: 'registration_open' })
  const enterprise = await setup.session(ENTERPRISES[0].user, PASSWORD)
  const entries: Ref[] = []
  for (const [name, first17, gender] of [['周西五', '11010519900404001', 'male'], ['吴西六', '11010519900404002', 'female'], ['郑西七', '11010519900404003', 'male']]) {
    entries.push(
      await enterprise.post<Ref>(`/events/${event.id}/entrants`, {
        person: { name, gender, id_number: first17 + idNumberCheckChar(first17), mobile: '13800138000', trade: '电工', skill_level: '三级/高级工', years_in_trade: 6 },
      }),
    )
  }
  await organiser.post(`/entrants/${entries[2].id}/review`, { decision: 'reject', reason: '工龄证明不清晰，请重新上传', version: 1 })
})

const tableHeader = (page: Page) => page.locator('.el-table__header-wrapper').first()

const VISITS: Record<string, Visit[]> = {
  organiser: [
    { name: 'home', path: '/', ready: (p) => p.getByTestId('todo-reviews') },
    { name: 'contests', path: '/contests', ready: (p) => p.getByTestId('contests-table').locator('tbody tr').first() },
    { name: 'contest', path: '/contests/{open}', ready: (p) => p.getByTestId('contest-steps') },
    { name: 'events', path: '/contests/{open}?tab=events', ready: (p) => p.getByTestId('contest-tabs') },
    {
      name: 'review',
      path: '/contests/{open}',
      ready: (p) => p.getByTestId('review-table').locator('tbody tr').first(),
      open: async (p) => {
        // The fourth tab, 报名审核 (Review entries), opened as a clerk opens it.
        await p.getByTestId('contest-tabs').locator('.el-tabs__item').nth(3).click()
      },
    },
    { name: 'draw', path: '/contests/{judging}?tab=draw', ready: (p) => p.getByTestId('contest-tabs') },
    { name: 'organisations', path: '/organisations', ready: (p) => p.getByTestId('organisation-tree') },
    { name: 'accounts', path: '/accounts', ready: (p) => p.getByTestId('accounts-table').locator('tbody tr').first() },
    {
      name: 'people',
      path: '/people',
      ready: (p) => p.locator('.el-drawer .el-table__body tr').first(),
      open: async (p) => {
        await p.getByTestId('people-table').locator('tbody tr').first().waitFor()
        await p.getByTestId('people-table').locator('tbody tr').filter({ hasText: '周西五' }).locator('button').first().click()
      },
    },
  ],
  enterprise: [
    { name: 'home', path: '/', ready: (p) => p.getByTestId('todo-rejected') },
    { name: 'entries', path: '/entries', ready: (p) => p.getByTestId('contests-table').locator('tbody tr').first() },
    { name: 'enter', path: '/enter/{open}', ready: (p) => tableHeader(p) },
    { name: 'organisation', path: '/organisation', ready: (p) => p.locator('.el-descriptions').first() },
    { name: 'people', path: '/people', ready: (p) => p.getByTestId('people-table').locator('tbody tr').first() },
  ],
  judge: [
    { name: 'home', path: '/', ready: (p) => p.getByTestId('todo-sheets') },
    { name: 'sheet', path: '/sheets/{event}/practical', ready: (p) => p.getByTestId('sheet-grid') },
  ],
  checkIn: [
    { name: 'home', path: '/', ready: (p) => p.getByTestId('duties') },
    { name: 'check-in', path: '/check-in/{event}', ready: (p) => p.locator('.el-card').first() },
  ],
}

const ACCOUNTS: Record<string, string> = { organiser: ORGANISER, enterprise: ENTERPRISES[0].user, judge: JUDGE, checkIn: CHECK_IN }

/**
 * What is wrong with the layout as the window shows it now: the page wider than the window,
 * table headers and tags cut off, words (and in Chinese, headers) broken over lines, titles
 * broken down to a character or two a line, long numbers and times broken over two lines.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const root = document.documentElement
    if (root.scrollWidth > root.clientWidth) problems.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`)
    // From a tablet up, every column of a table is in view: none hides under the fixed 操作 column.
    if (root.clientWidth >= 1024) {
      for (const body of document.querySelectorAll('.el-table__body-wrapper .el-scrollbar__wrap')) {
        const header = body.closest('.el-table')?.querySelector('.el-table__header th')?.textContent?.trim()
        if (body.scrollWidth > body.clientWidth + 1) problems.push(`the table headed “${header}” scrolls sideways: ${body.scrollWidth} px in ${body.clientWidth} px`)
      }
    }
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect()
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
    }
    const cjk = /[\u3400-\u9fff]/
    /** The lines each whitespace-separated token of an element's text takes. */
    const tokenLines = (el: Element) => {
      const out: { token: string; lines: number }[] = []
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(node, m.index)
          range.setEnd(node, m.index + m[0].length)
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
          out.push({ token: m[0], lines: tops.size })
        }
      }
      return out
    }
    for (const cell of document.querySelectorAll('.el-table__header th .cell')) {
      if (!visible(cell)) continue
      const text = cell.textContent?.trim() ?? ''
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`table header “${text}” is cut off`)
      for (const { token, lines } of tokenLines(cell)) if (lines > 1) problems.push(`table header “${text}” breaks “${token}” over ${lines} lines`)
    }
    for (const cell of document.querySelectorAll('.el-table__body td .cell')) {
      if (!visible(cell)) continue
      for (const { token, lines } of tokenLines(cell)) {
        if (lines > 1 && /^[\d*X:\-/]{6,}$/.test(token)) problems.push(`the number “${token}” breaks over ${lines} lines`)
      }
    }
    for (const tag of document.querySelectorAll('.el-tag__content')) {
      if (visible(tag) && tag.scrollWidth > tag.clientWidth + 1) problems.push(`tag “${tag.textContent?.trim()}” is cut off`)
    }
    const titles = '.card-header, .contest-title, .el-dialog__title, .el-drawer__title, .el-step__title, .el-tabs__item, .el-descriptions__label, .el-form-item__label, .el-menu-item'
    for (const title of document.querySelectorAll(titles)) {
      if (!visible(title)) continue
      for (const { token, lines } of tokenLines(title)) {
        if (lines < 2) continue
        const chars = [...token].length
        if (!cjk.test(token) || chars / lines < 3) problems.push(`“${token}” in “${title.textContent?.trim().slice(0, 40)}” breaks over ${lines} lines`)
      }
    }
    return [...new Set(problems)]
  })
}

async function setLanguage(page: Page, language: string): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('leitai.locale', l), language)
}

for (const [role, visits] of Object.entries(VISITS)) {
  test(`every page of the ${role} fits a desktop, a tablet and a phone, in Chinese and English`, async ({ page, request }) => {
    // Six looks at each page, each a full-page screenshot, on a shared two-core machine.
    test.setTimeout(visits.length * 6 * 20_000)
    const { judgingContest, openContest, judgingEvent } = await scenario(request)
    await page.setViewportSize({ width: 1440, height: 900 })
    await login(page, ACCOUNTS[role], PASSWORD)
    await expect(page).toHaveURL(/\/$/)
    const found: string[] = []
    for (const language of LANGUAGES) {
      await setLanguage(page, language)
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height })
        for (const visit of visits) {
          const path = visit.path.replace('{open}', String(openContest)).replace('{judging}', String(judgingContest)).replace('{event}', String(judgingEvent))
          await page.goto(path)
          await visit.open?.(page)
          await expect(visit.ready(page)).toBeVisible({ timeout: 30_000 })
          await expect(page.locator('.el-loading-mask:visible')).toHaveCount(0)
          for (const problem of await layoutProblems(page)) found.push(`${role} ${visit.name} at ${size.name} in ${language}: ${problem}`)
          await shot(page, `layout-${role}-${visit.name}-${size.name}-${language}`)
        }
      }
    }
    expect(found).toEqual([])
  })
}

test('on a phone the menu is a drawer behind the header button, and logging out is in reach', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await login(page, ORGANISER, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId('side-menu')).toBeHidden()
  await page.getByTestId('menu-toggle').click()
  await page.getByTestId('side-menu').getByText('竞赛管理').click()
  await expect(page).toHaveURL(/\/contests$/)
  await expect(page.getByTestId('side-menu')).toBeHidden()
  await expect(page.getByTestId('logout')).toBeInViewport()
  await page.getByTestId('logout').click()
  await expect(page).toHaveURL(/\/login$/)
})

test('a list that fails to load says why and loads again on 重试', async ({ page }) => {
  await login(page, ORGANISER, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  let fail = true
  // The venue's network drops while the list loads.
  await page.route((url) => url.pathname === '/api/v1/contests', (route) => (fail ? route.abort('internetdisconnected') : route.fallback()))
  await page.goto('/contests')
  const error = page.getByTestId('load-error')
  await expect(error).toContainText('数据加载失败')
  await expect(error).toContainText('无法连接服务器')
  await expect(page.getByTestId('contests-table')).toHaveCount(0)
  await shot(page, 'layout-load-error')
  fail = false
  await error.getByRole('button', { name: '重试' }).click()
  await expect(error).toHaveCount(0)
  await expect(page.getByTestId('contests-table')).toContainText(OPEN_CONTEST)
})

test('the organisation tree, a judge\'s sheet and the check-in list that fail to load say why and load again on 重试', async ({ page, request }) => {
  const { judgingEvent } = await scenario(request)
  const pages = [
    { user: ORGANISER, path: '/organisations', api: '/api/v1/organisations/tree', ready: page.getByTestId('organisation-tree') },
    { user: JUDGE, path: `/sheets/${judgingEvent}/practical`, api: `/api/v1/events/${judgingEvent}/sheets/practical`, ready: page.getByTestId('sheet-grid') },
    { user: CHECK_IN, path: `/check-in/${judgingEvent}`, api: `/api/v1/events/${judgingEvent}/check-in`, ready: page.getByTestId('check-in-list') },
  ]
  for (const p of pages) {
    await login(page, p.user, PASSWORD)
    await expect(page).toHaveURL(/\/$/)
    let fail = true
    await page.route((url) => url.pathname === p.api, (route) => (fail ? route.abort('internetdisconnected') : route.fallback()))
    await page.goto(p.path)
    const error = page.getByTestId('load-error')
    await expect(error, p.path).toContainText('无法连接服务器')
    await expect(p.ready).toHaveCount(0)
    fail = false
    await error.getByRole('button', { name: '重试' }).click()
    await expect(error).toHaveCount(0)
    await expect(p.ready).toBeVisible()
    await page.unrouteAll()
    await page.getByTestId('logout').click()
    await expect(page).toHaveURL(/\/login$/)
  }
})

test('the to-do items lead to where each is done', async ({ page, request }) => {
  const { openContest, judgingEvent } = await scenario(request)
  await login(page, ORGANISER, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  const reviews = page.getByTestId('todo-reviews')
  await expect(reviews).toContainText('2 条报名待审核')
  await reviews.getByTestId('todo-item').click()
  await expect(page).toHaveURL(new RegExp(`/contests/${openContest}\\?tab=review$`))
  await expect(page.getByTestId('review-table').locator('tbody tr')).toHaveCount(3)
  // Landing on the tab directly, as from a bookmark or a reload, shows the same queue every time.
  for (let i = 0; i < 3; i++) {
    await page.goto(`/contests/${openContest}?tab=review`)
    await expect(page.getByTestId('review-table').locator('tbody tr')).toHaveCount(3)
  }
  await page.getByTestId('logout').click()

  await login(page, ENTERPRISES[0].user, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId('todo-rejected')).toContainText('郑西七')
  await expect(page.getByTestId('todo-rejected')).toContainText('工龄证明不清晰')
  await expect(page.getByTestId('todo-windows')).toContainText('已报 2 条')
  await page.getByTestId('todo-rejected').getByTestId('todo-item').click()
  await expect(page).toHaveURL(new RegExp(`/enter/${openContest}$`))
  await page.getByTestId('logout').click()

  await login(page, JUDGE, PASSWORD)
  await expect(page).toHaveURL(/\/$/)
  const sheets = page.getByTestId('todo-sheets').getByTestId('todo-item')
  await expect(sheets).toHaveCount(2)
  await expect(sheets.first()).toContainText('还剩')
  await sheets.filter({ hasText: '实操' }).click()
  await expect(page).toHaveURL(new RegExp(`/sheets/${judgingEvent}/practical$`))
})
