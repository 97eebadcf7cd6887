import type { Role } from '@/api/types'

export type SectionName = 'home' | 'contests' | 'entries' | 'organisations' | 'ownOrganisation' | 'accounts' | 'people' | 'pools'

export interface Section {
  name: SectionName
  path: string
  /** i18n key of the menu entry and page title. */
  titleKey: string
  icon: 'HomeFilled' | 'Trophy' | 'EditPen' | 'OfficeBuilding' | 'School' | 'User' | 'Postcard' | 'Medal'
  roles: readonly Role[]
}

/** The signed-in pages, in menu order, with the roles that may open each. */
export const SECTIONS: readonly Section[] = [
  { name: 'home', path: '/', titleKey: 'menu.home', icon: 'HomeFilled', roles: ['admin', 'organiser', 'enterprise', 'judge'] },
  { name: 'contests', path: '/contests', titleKey: 'menu.contests', icon: 'Trophy', roles: ['admin', 'organiser'] },
  { name: 'entries', path: '/entries', titleKey: 'menu.entries', icon: 'EditPen', roles: ['enterprise'] },
  { name: 'organisations', path: '/organisations', titleKey: 'menu.organisations', icon: 'OfficeBuilding', roles: ['admin', 'organiser'] },
  { name: 'ownOrganisation', path: '/organisation', titleKey: 'menu.ownOrganisation', icon: 'School', roles: ['enterprise'] },
  { name: 'accounts', path: '/accounts', titleKey: 'menu.accounts', icon: 'User', roles: ['admin', 'organiser'] },
  { name: 'people', path: '/people', titleKey: 'menu.people', icon: 'Postcard', roles: ['admin', 'organiser', 'enterprise'] },
  { name: 'pools', path: '/pools', titleKey: 'menu.pools', icon: 'Medal', roles: ['admin', 'organiser', 'enterprise'] },
]

export function menuFor(role: Role): Section[] {
  return SECTIONS.filter((section) => section.roles.includes(role))
}

export function sectionRoles(name: SectionName): readonly Role[] {
  return SECTIONS.find((section) => section.name === name)?.roles ?? []
}

export function mayOpen(role: Role, roles: readonly Role[] | undefined): boolean {
  return roles === undefined || roles.includes(role)
}
