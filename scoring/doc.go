// Package scoring computes a contest event's results from its rules, its
// entrants and the judges' marks: combined marks, stage scores, totals,
// ranks, awards, titles, team and enterprise standings and medal tables,
// each with the reasons in words. It is pure: no database, clock or I/O, and
// the same input always gives the same result, whatever its order.
//
// The rules it applies, in one place (docs/user-guide.*.md, "How results are
// computed", says the same to users):
//
//   - Combining: per entrant and criterion, the counting judges' marks
//     (trainees never count) make one by the event's method: the mean; the
//     mean without one highest and one lowest once there are
//     trim_min_judges judges (and at least 3), the plain mean below that; or
//     the median (of an even count, the mean of the middle two). The time
//     used on a timed stage is the median of the judges' times.
//   - Exactness and the one rounding: every figure shown (a criterion's
//     combined mark, a stage score, the total, a time) is its exact value
//     rounded once, half up, to hundredths. A stage score adds the exact
//     criterion marks, the total weighs the exact stage scores (weights in
//     percent); nothing is computed from a rounded figure, and there is no
//     floating point anywhere.
//   - Ranking compares the totals as shown, then the event's tie-breaks in
//     order (a stage's score as shown, higher first; the time used over all
//     timed stages, shorter first). Entrants still equal share a rank (1, 2,
//     2, 4), whether or not the chain ends in "shared".
//   - Absent entrants are listed without a score or rank; entrants missing a
//     mark are listed as incomplete, without a total or rank; vetoed entrants
//     keep their scores but get no rank and no award.
//   - Awards: by counts, or by shares of the ranked field, each
//     floor(share × field ÷ 100) places but at least one; a shared rank
//     across the boundary of two awards gets the better one with shared_top,
//     else the lesser; 优胜奖 goes to those without a prize within the top
//     honourable percent; titles follow the same place; below min_total, no
//     award and no title. With no_shared_medals, a shared rank on a prize
//     place is reported as a Tie until a Decision of the chief judge orders it.
//   - Teams and enterprises: the sum of their ranked members' totals as
//     published, all or the best N. Medal tables count first, second and third
//     prizes as gold, silver and bronze, per enterprise and per union through
//     the organisation tree.
//
// Compute makes an event's Result; TeamStandings, EnterpriseStandings,
// EnterpriseMedals and UnionMedals are made from results.
package scoring
