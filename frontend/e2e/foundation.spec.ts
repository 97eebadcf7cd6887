import { expect, test, type Page } from './fixtures'
import { ADMIN, changeFirstPassword, formItem, login, logout, menu, pick, shot, treeNode } from './support'

const DISTRICT = '清河区总工会'
const ENTERPRISE = '清河精密机械有限公司'
const CREDIT_CODE = '91350100M000100Y43'
const ENT_USER = { username: 'ent_qh01', password: 'Init-pass-2026', newPassword: 'Ent-new-2026' }

test.describe.configure({ mode: 'serial' })

let page: Page

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
})

test.afterAll(async () => {
  await page.close()
})

test('the app comes gzip-compressed to a browser that takes it', async () => {
  const assets: { url: string; encoding?: string }[] = []
  page.on('response', (r) => {
    if (/\/assets\/(index|vendor)-[^/]+\.(js|css)$/.test(r.url())) assets.push({ url: r.url(), encoding: r.headers()['content-encoding'] })
  })
  await page.goto('/')
  await expect(page.getByText('擂台 Leitai')).toBeVisible()
  expect(assets.length).toBeGreaterThanOrEqual(3)
  for (const a of assets) expect(a, a.url).toMatchObject({ encoding: 'gzip' })
  page.removeAllListeners('response')
})

test('the login page speaks Chinese and shows the server error', async () => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.getByText('擂台 Leitai')).toBeVisible()
  await expect(page.getByText('职工技能竞赛平台')).toBeVisible()
  await shot(page, '01-login')
  await login(page, ADMIN.username, 'wrong-password-1')
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误')
})

test('an admin sees the full menu and the organisation tree', async () => {
  await login(page, ADMIN.username, ADMIN.password)
  await expect(page).toHaveURL(/\/$/)
  await expect(menu(page)).toHaveText(['首页', '竞赛管理', '组织机构', '账号管理', '职工名册', '人才库'])
  await expect(page.getByTestId('current-user')).toContainText('系统管理员')
  await shot(page, '02-admin-home')

  const { items } = (await (await page.request.get('/api/v1/organisations/tree')).json()) as { items: { name: string }[] }
  await menu(page).filter({ hasText: '组织机构' }).click()
  await expect(page).toHaveURL(/\/organisations$/)
  await expect(treeNode(page, items[0].name)).toBeVisible()
  await expect(page.getByTestId('organisation-details')).toContainText(items[0].name)
})

test('an admin creates a district union under the root', async () => {
  await page.getByTestId('organisation-tree').locator('.el-tree-node__content').first().click()
  await page.getByTestId('add-child').click()
  const dialog = page.getByRole('dialog', { name: '新增下级机构' })
  await pick(page, formItem(dialog, '类型'), '区(县)总工会')
  await formItem(dialog, '名称').locator('input').fill(DISTRICT)
  await formItem(dialog, '所在地区').locator('input').fill('清河区')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  await expect(treeNode(page, DISTRICT)).toBeVisible()
  await expect(page.getByTestId('organisation-details')).toContainText(DISTRICT)
})

test('an enterprise needs a valid credit code', async () => {
  await treeNode(page, DISTRICT).click()
  await page.getByTestId('add-child').click()
  const dialog = page.getByRole('dialog', { name: '新增下级机构' })
  await pick(page, formItem(dialog, '类型'), '企业')
  await formItem(dialog, '名称').locator('input').fill(ENTERPRISE)
  await formItem(dialog, '所属行业').locator('input').fill('装备制造')
  const code = formItem(dialog, '统一社会信用代码')
  await code.locator('input').fill('91350100M000100Y44')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(code.locator('.el-form-item__error')).toHaveText('统一社会信用代码校验位不正确')
  await shot(page, '03-credit-code-error')

  await code.locator('input').fill(CREDIT_CODE)
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  await expect(treeNode(page, ENTERPRISE)).toBeVisible()
  await expect(page.getByTestId('organisation-details')).toContainText(CREDIT_CODE)
  await shot(page, '04-organisations')
})

test('the server refuses a credit code already in use, under the field', async () => {
  await treeNode(page, DISTRICT).click()
  await page.getByTestId('add-child').click()
  const dialog = page.getByRole('dialog', { name: '新增下级机构' })
  await pick(page, formItem(dialog, '类型'), '企业')
  await formItem(dialog, '名称').locator('input').fill('重复代码公司')
  const code = formItem(dialog, '统一社会信用代码')
  await code.locator('input').fill(CREDIT_CODE)
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(code.locator('.el-form-item__error')).toContainText(CREDIT_CODE)
  await dialog.getByRole('button', { name: '取消' }).click()
  await expect(dialog).toBeHidden()
})

test('an admin moves, renames and deletes an organisation', async () => {
  await treeNode(page, DISTRICT).click()
  await page.getByTestId('add-child').click()
  const create = page.getByRole('dialog', { name: '新增下级机构' })
  await pick(page, formItem(create, '类型'), '基层工会')
  await formItem(create, '名称').locator('input').fill('临时基层工会')
  await create.getByRole('button', { name: '保存' }).click()
  await expect(create).toBeHidden()

  const { items } = (await (await page.request.get('/api/v1/organisations/tree')).json()) as { items: { name: string }[] }
  await page.getByTestId('edit-organisation').click()
  const edit = page.getByRole('dialog', { name: '编辑机构' })
  await pick(page, formItem(edit, '上级机构'), items[0].name)
  await formItem(edit, '名称').locator('input').fill('临时基层工会(已改名)')
  await edit.getByRole('button', { name: '保存' }).click()
  await expect(edit).toBeHidden()
  const moved = page.getByTestId('organisation-tree').locator('.el-tree-node', { hasText: items[0].name }).first()
  await expect(moved.locator(':scope > .el-tree-node__children > .el-tree-node > .el-tree-node__content', { hasText: '临时基层工会(已改名)' })).toBeVisible()

  await page.getByTestId('delete-organisation').click()
  await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
  await expect(treeNode(page, '临时基层工会')).toHaveCount(0)
  await expect(page.getByTestId('organisation-details')).toContainText(items[0].name)
})

test('an admin creates an enterprise account', async () => {
  await menu(page).filter({ hasText: '账号管理' }).click()
  await expect(page).toHaveURL(/\/accounts$/)
  await expect(page.getByTestId('accounts-table')).toContainText('admin')
  await page.getByTestId('create-account').click()
  const dialog = page.getByRole('dialog', { name: '新建账号' })
  await formItem(dialog, '用户名').locator('input').fill(ENT_USER.username)
  await formItem(dialog, '姓名').locator('input').fill('清河精密管理员')
  await pick(page, formItem(dialog, '角色'), '企业')
  await pick(page, formItem(dialog, '所属单位'), ENTERPRISE)
  await formItem(dialog, '初始密码').locator('input').fill(ENT_USER.password)
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  const row = page.getByTestId('accounts-table').locator('tr', { hasText: ENT_USER.username })
  await expect(row).toContainText('企业')
  await expect(row).toContainText(ENTERPRISE)
  await shot(page, '05-accounts')
})

test('an admin disables, enables and resets an account', async () => {
  const row = page.getByTestId('accounts-table').locator('tr', { hasText: ENT_USER.username })
  await row.locator('.el-switch').click()
  await expect(page.getByText('账号已停用')).toBeVisible()
  await expect(row.locator('.el-switch')).not.toHaveClass(/is-checked/)
  await row.locator('.el-switch').click()
  await expect(page.getByText('账号已启用')).toBeVisible()
  await expect(row.locator('.el-switch')).toHaveClass(/is-checked/)

  await row.getByRole('button', { name: '重置密码' }).click()
  const dialog = page.getByRole('dialog', { name: `重置“${ENT_USER.username}”的密码` })
  await dialog.locator('input').fill('short')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog.locator('.el-form-item__error')).toHaveText('8–64 个字符，须同时包含字母和数字，不能与用户名相同或过于常见')
  await dialog.locator('input').fill(ENT_USER.password)
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('密码已重置')).toBeVisible()
})

test('a deep link survives a reload, saying it loads while the session is restored', async () => {
  // Hold the session's answer back: the page says it is loading instead of staying blank.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/v1/auth/me', async (route) => {
    await held
    await route.continue()
  })
  const reloaded = page.goto('/accounts')
  await expect(page.getByTestId('app-loading')).toContainText('正在加载')
  release()
  await reloaded
  await page.unroute('**/api/v1/auth/me')
  await expect(page).toHaveURL(/\/accounts$/)
  await expect(page.getByTestId('accounts-table')).toContainText(ENT_USER.username)
})

test('the interface switches to English and remembers it', async () => {
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await expect(menu(page)).toHaveText(['Home', 'Contests', 'Organisations', 'Accounts', 'Workers', 'Pools'])
  await expect(page.getByRole('button', { name: 'New account' })).toBeVisible()
  await page.reload()
  await expect(menu(page)).toHaveText(['Home', 'Contests', 'Organisations', 'Accounts', 'Workers', 'Pools'])
  await shot(page, '06-accounts-english')
  await page.getByTestId('language-switch').click()
  await page.getByRole('menuitem', { name: '中文' }).click()
  await expect(menu(page)).toHaveText(['首页', '竞赛管理', '组织机构', '账号管理', '职工名册', '人才库'])
})

test('a new enterprise account changes its password first', async () => {
  await logout(page)
  await login(page, ENT_USER.username, ENT_USER.password)
  await changeFirstPassword(page, ENT_USER.password, ENT_USER.newPassword)
  await expect(menu(page)).toHaveText(['首页', '竞赛报名', '本单位', '职工名册', '人才库'])
  await expect(page.getByTestId('current-user')).toContainText(ENTERPRISE)
})

test('an enterprise is kept out of organisations and accounts', async () => {
  for (const path of ['/organisations', '/accounts']) {
    await page.goto(path)
    await expect(page).toHaveURL(/\/$/)
    await expect(menu(page)).toHaveText(['首页', '竞赛报名', '本单位', '职工名册', '人才库'])
  }
})

test('an enterprise sees its own organisation and its workers', async () => {
  await menu(page).filter({ hasText: '本单位' }).click()
  await expect(page.getByTestId('organisation-details')).toContainText(ENTERPRISE)
  await expect(page.getByTestId('organisation-details')).toContainText(CREDIT_CODE)
  await shot(page, '07-own-organisation')
  await menu(page).filter({ hasText: '职工名册' }).click()
  await expect(page.getByTestId('people-table')).toBeVisible()
  await shot(page, '08-people')
})

test('an unknown address shows the not-found page', async () => {
  await page.goto('/no-such-page')
  await expect(page.getByText('页面不存在', { exact: true })).toBeVisible()
})
