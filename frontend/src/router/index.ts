import { createRouter, createWebHistory, type RouteRecordRaw, type RouteRecordSingleView } from 'vue-router'
import type { Role } from '@/api/types'
import { useAuthStore } from '@/stores/auth'
import { mayOpen, SECTIONS, sectionRoles, type SectionName } from './sections'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    roles?: readonly Role[]
    titleKey?: string
    /** The menu entry a page below a section belongs to. */
    menuPath?: string
  }
}

const views: Record<SectionName, RouteRecordSingleView['component']> = {
  home: () => import('@/views/HomeView.vue'),
  contests: () => import('@/views/ContestsView.vue'),
  entries: () => import('@/views/ContestsView.vue'),
  organisations: () => import('@/views/OrganisationsView.vue'),
  ownOrganisation: () => import('@/views/OwnOrganisationView.vue'),
  accounts: () => import('@/views/AccountsView.vue'),
  people: () => import('@/views/PeopleView.vue'),
  pools: () => import('@/views/PoolsView.vue'),
}

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true, titleKey: 'login.title' } },
  // Published results and the venue's big screen: anybody, logged in or not.
  { path: '/public', name: 'publicContests', component: () => import('@/views/PublicContestsView.vue'), meta: { public: true, titleKey: 'public.title' } },
  {
    path: '/public/contests/:id(\\d+)',
    name: 'publicResults',
    component: () => import('@/views/PublicResultsView.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { public: true, titleKey: 'public.title' },
  },
  {
    path: '/public/contests/:id(\\d+)/screen',
    name: 'screen',
    component: () => import('@/views/ScoreboardView.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { public: true, titleKey: 'screen.title' },
  },
  {
    // A certificate's QR code opens this page, for anyone, without logging in.
    path: '/public/certificates/:code',
    name: 'verifyCertificate',
    component: () => import('@/views/VerifyCertificateView.vue'),
    props: (route) => ({ code: String(route.params.code) }),
    meta: { public: true, titleKey: 'verify.title' },
  },
  {
    // Printed on its own, without the menu: one A4 page per certificate.
    path: '/events/:eventId(\\d+)/certificates',
    name: 'certificates',
    component: () => import('@/views/CertificatesView.vue'),
    props: (route) => ({ eventId: Number(route.params.eventId) }),
    meta: { roles: ['admin', 'organiser'], titleKey: 'certificates.title' },
  },
  {
    path: '/',
    component: () => import('@/views/AppLayout.vue'),
    children: [
      ...SECTIONS.map((s): RouteRecordRaw => ({
        path: s.path,
        name: s.name,
        component: views[s.name],
        meta: { roles: s.roles, titleKey: s.titleKey },
      })),
      {
        path: '/contests/:id(\\d+)',
        name: 'contest',
        component: () => import('@/views/ContestView.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { roles: sectionRoles('contests'), titleKey: 'contests.detailTitle', menuPath: '/contests' },
      },
      {
        path: '/enter/:contestId(\\d+)',
        name: 'enter',
        component: () => import('@/views/EnterView.vue'),
        props: (route) => ({ contestId: Number(route.params.contestId) }),
        meta: { roles: sectionRoles('entries'), titleKey: 'contests.entriesTitle', menuPath: '/entries' },
      },
      {
        path: '/contests/:id(\\d+)/progress',
        name: 'progress',
        component: () => import('@/views/ProgressView.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { roles: ['admin', 'organiser', 'judge'], titleKey: 'progress.title', menuPath: '/contests' },
      },
      {
        path: '/sheets/:eventId(\\d+)/:stage',
        name: 'sheet',
        component: () => import('@/views/SheetView.vue'),
        props: (route) => ({ eventId: Number(route.params.eventId), stage: String(route.params.stage) }),
        meta: { roles: ['judge'], titleKey: 'sheet.title', menuPath: '/' },
      },
      {
        path: '/check-in/:eventId(\\d+)',
        name: 'checkIn',
        component: () => import('@/views/CheckInView.vue'),
        props: (route) => ({ eventId: Number(route.params.eventId) }),
        // A judge reaches it from its home page; the server lets in only the event's check-in clerks and chief judge.
        meta: { roles: ['admin', 'organiser', 'judge'], titleKey: 'checkIn.title', menuPath: '/' },
      },
      {
        path: '/appeals/:contestId(\\d+)',
        name: 'appeals',
        component: () => import('@/views/AppealsView.vue'),
        props: (route) => ({ contestId: Number(route.params.contestId) }),
        // An enterprise appeals for its own entrants, the arbitration panel rules, the organisers read along (the server checks).
        meta: { roles: ['admin', 'organiser', 'enterprise', 'judge'], titleKey: 'appeals.title', menuPath: '/' },
      },
      {
        path: '/events/:eventId(\\d+)/results',
        name: 'results',
        component: () => import('@/views/ResultsView.vue'),
        props: (route) => ({ eventId: Number(route.params.eventId) }),
        // Organisers compute and decode; the event's chief judge reads them and decides ties (the server checks).
        meta: { roles: ['admin', 'organiser', 'judge'], titleKey: 'results.title', menuPath: '/contests' },
      },
      {
        path: '/contests/:id(\\d+)/reveal',
        name: 'reveal',
        component: () => import('@/views/RevealView.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        // The contest's organisers step the reveal at the ceremony (the server checks).
        meta: { roles: ['admin', 'organiser'], titleKey: 'reveal.title', menuPath: '/contests' },
      },
      {
        path: '/events/:eventId(\\d+)/encryption',
        name: 'encryption',
        component: () => import('@/views/EncryptionView.vue'),
        props: (route) => ({ eventId: Number(route.params.eventId) }),
        // A judge reaches it from its home page; the server lets in the event's encryption judge and chief judge.
        meta: { roles: ['judge'], titleKey: 'encryption.title', menuPath: '/' },
      },
      {
        path: '/keying/:eventId(\\d+)',
        name: 'keying',
        component: () => import('@/views/KeyingView.vue'),
        props: (route) => ({ eventId: Number(route.params.eventId) }),
        // A clerk or chief judge reaches it from its home page; the server decides who keys and who settles.
        meta: { roles: ['admin', 'organiser', 'judge'], titleKey: 'keying.title', menuPath: '/' },
      },
      {
        path: '/keying/:eventId(\\d+)/:stage/:judge(\\d+)',
        name: 'keyingCompare',
        component: () => import('@/views/KeyingCompareView.vue'),
        props: (route) => ({ eventId: Number(route.params.eventId), stage: String(route.params.stage), judge: Number(route.params.judge) }),
        meta: { roles: ['judge'], titleKey: 'keying.compare', menuPath: '/' },
      },
      { path: '/password', name: 'password', component: () => import('@/views/PasswordView.vue'), meta: { titleKey: 'password.title' } },
      { path: '/:pathMatch(.*)*', name: 'notFound', component: () => import('@/views/NotFoundView.vue'), meta: { titleKey: 'notFound.title' } },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
})

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  await auth.restore()
  const account = auth.account
  if (to.meta.public) {
    return account && to.name === 'login' ? { name: 'home' } : true
  }
  if (!account) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  if (account.must_change_password && to.name !== 'password') {
    return { name: 'password' }
  }
  if (!mayOpen(account.role, to.meta.roles)) {
    return { name: 'home' }
  }
  return true
})
