/**
 * The limits the server sets on what people type, each with the rule that sets it. Lengths
 * are in characters, as the server counts them; docs/openapi.yaml gives the same numbers
 * as maxLength and maximum. Fields not listed here have no limit on the server.
 */
export const LIMITS = {
  /** api listQuery: q max=64 */
  search: 64,
  /** api organisation requests: name max=128 */
  organisationName: 128,
  /** service creditcode.go: 18 characters (GB 32100-2015) */
  creditCode: 18,
  /** api organisation requests: region max=64, industry max=64 */
  region: 64,
  industry: 64,
  /** service accounts.go usernamePattern: 3 to 32 characters */
  username: 32,
  /** api account requests: display_name max=64 */
  displayName: 64,
  /** api contestRequest: name max=200, description max=10000 */
  contestName: 200,
  contestDescription: 10000,
  /** api stepRequest and reviewRequest: reason max=255 */
  reason: 255,
  /** api eventRequest: name max=100, trade max=64 */
  eventName: 100,
  trade: 64,
  /** service events.go checkEvent: a team has 2 to 20 members */
  teamSizeMin: 2,
  teamSizeMax: 20,
  /** service rules.go: stations 0 to 1000, quota per enterprise 0 to 10000 */
  stations: 1000,
  quota: 10000,
  /** service rules.go: a trimmed mean needs 3 to 100 judges */
  trimJudgesMin: 3,
  trimJudgesMax: 100,
  /** service rules.go: award shares 0 to 100 (percent), award counts 0 to 100000 */
  awardShare: 100,
  awardCount: 100000,
  /** service rules.go: stage weights are percentages */
  weight: 100,
  /** service rules.go maxTimeLimit: a timed stage lasts at most 24 hours, in minutes */
  timeLimit: 1440,
  /** service registration.go: a worker's name at most 32 characters (the trade at most 64) */
  personName: 32,
  /** service idnumber.go: 17 digits and a check character (GB 11643-1999) */
  idNumber: 18,
  /** service idnumber.go checkMobile: 11 digits */
  mobile: 11,
  /** service registration.go: years in the trade 0 to 60 */
  yearsInTrade: 60,
  /** api registrationRequest: team_name max=100, statement max=20000 */
  teamName: 100,
  statement: 20000,
  /** api drawRequest: seed max=16 (hexadecimal digits) */
  seed: 16,
  /** api panelMemberRequest: stages max=20 */
  panelStages: 20,
  /** api checkInQuery: number max=16 */
  drawNumber: 16,
  /** service points.go ParsePoints: at most 12 digits, a point and two decimals */
  pointsText: 15,
} as const
