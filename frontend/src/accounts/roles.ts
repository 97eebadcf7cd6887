import type { OrgKind, Role } from '@/api/types'
import { ROLES } from '@/api/types'
import { isUnion } from '@/organisations/tree'

/** The roles a caller may give to new accounts. */
export function creatableRoles(caller: Role | undefined): readonly Role[] {
  if (caller === 'admin') return ROLES
  if (caller === 'organiser') return ['enterprise', 'judge']
  return []
}

/** Whether a caller may change (enable, disable, reset) an account of the given role. */
export function mayManage(caller: Role | undefined, target: Role): boolean {
  return creatableRoles(caller).includes(target)
}

/** Whether an organisation of this kind may hold an account of this role. */
export function orgFitsRole(role: Role | '', kind: OrgKind): boolean {
  if (role === 'enterprise') return kind === 'enterprise'
  if (role === 'organiser') return isUnion(kind)
  if (role === 'admin') return kind === 'city_union'
  return true
}
