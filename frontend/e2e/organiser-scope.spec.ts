import { expect, test } from './fixtures'
import { ADMIN, apiAs, changeFirstPassword, login, menu, treeNode } from './support'

interface Org {
  id: number
  name: string
}

test('an organiser sees only its own union and what lies below it', async ({ page, request }) => {
  const admin = await apiAs(request, ADMIN.username, ADMIN.password)
  const { items } = await admin.get<{ items: Org[] }>('/organisations/tree')
  const root = items[0]
  const own = await admin.post<Org>('/organisations', { parent_id: root.id, kind: 'industry_union', name: '市机械冶金工会', credit_code: '', region: '', industry: '机械' })
  const other = await admin.post<Org>('/organisations', { parent_id: root.id, kind: 'district_union', name: '江北区总工会', credit_code: '', region: '江北区', industry: '' })
  const member = await admin.post<Org>('/organisations', { parent_id: own.id, kind: 'grassroots_union', name: '重型机器厂工会', credit_code: '', region: '', industry: '' })
  await admin.post('/accounts', { username: 'org_jx', display_name: '机械冶金工会', role: 'organiser', organisation_id: own.id, password: 'Init-pass-2026' })

  await login(page, 'org_jx', 'Init-pass-2026')
  await changeFirstPassword(page, 'Init-pass-2026', 'Org-new-2026')
  await expect(menu(page)).toHaveText(['首页', '竞赛管理', '组织机构', '账号管理', '职工名册', '人才库'])
  await menu(page).filter({ hasText: '组织机构' }).click()

  await expect(treeNode(page, own.name)).toBeVisible()
  await expect(treeNode(page, member.name)).toBeVisible()
  await expect(treeNode(page, other.name)).toHaveCount(0)
  await expect(treeNode(page, root.name)).toHaveCount(0)
  // Its own union is the top of its scope: it may add below it but not change it.
  await expect(page.getByTestId('add-child')).toBeEnabled()
  await expect(page.getByTestId('edit-organisation')).toBeDisabled()
  await expect(page.getByTestId('delete-organisation')).toBeDisabled()
})
