package scoring

import (
	"fmt"
	"strings"
)

// Note is a sentence of an entrant's explanation: a message key and its
// arguments, put into words only when shown, in Chinese or in English. An
// argument that is a Note, or a list of them, is put into words in the same
// language.
type Note struct {
	Key  string `json:"key"`
	Args []any  `json:"args"`
}

func note(key string, args ...any) Note { return Note{Key: key, Args: args} }

// In puts the note into words: in English for a language that starts with
// "en", in Chinese otherwise. An unknown key shows as itself.
func (n Note) In(lang string) string {
	english := strings.HasPrefix(strings.ToLower(lang), "en")
	format, ok := noteFormat(n.Key, english)
	if !ok {
		return n.Key
	}
	args := make([]any, len(n.Args))
	for i, a := range n.Args {
		switch v := a.(type) {
		case Note:
			args[i] = v.In(lang)
		case []Note:
			words := make([]string, len(v))
			for k, w := range v {
				words[k] = w.In(lang)
			}
			sep := "、"
			if english {
				sep = ", "
			}
			args[i] = strings.Join(words, sep)
		default:
			args[i] = a
		}
	}
	return fmt.Sprintf(format, args...)
}

// noteFormat holds every sentence the results use: Chinese, then English.
func noteFormat(key string, english bool) (string, bool) {
	var pair [2]string
	switch key {
	case "absent":
		pair = [2]string{"缺赛，不参加排名", "absent: not ranked"}
	case "vetoed":
		pair = [2]string{"一票否决：%s；不参加排名和评奖", "vetoed (一票否决): %s; not ranked, no award"}
	case "incomplete":
		pair = [2]string{"缺少评分：%s；评分齐全前不排名", "marks missing: %s; not ranked until they are in"}
	case "criterion":
		pair = [2]string{"%s", "%s"}
	case "time_of":
		pair = [2]string{"%s用时", "the time used in %s"}
	case "ahead_stage":
		pair = [2]string{"与下一名总分同为 %s，%s成绩较高（%s 对 %s），列其前", "same total %s as the next entrant, ahead on a higher %s score (%s to %s)"}
	case "behind_stage":
		pair = [2]string{"与上一名总分同为 %s，%s成绩较低（%s 对 %s），列其后", "same total %s as the entrant above, behind on a lower %s score (%s to %s)"}
	case "ahead_time":
		pair = [2]string{"与下一名总分同为 %s，用时较短（%s 对 %s），列其前", "same total %s as the next entrant, ahead on a shorter time used (%s to %s)"}
	case "behind_time":
		pair = [2]string{"与上一名总分同为 %s，用时较长（%s 对 %s），列其后", "same total %s as the entrant above, behind on a longer time used (%s to %s)"}
	case "shared":
		pair = [2]string{"与另外 %d 名参赛者总分同为 %s，同分排序各项也相同，并列第 %d 名", "equal with %d other entrant(s) on the total %s and on every tie-break: shares place %d"}
	case "decided":
		pair = [2]string{"与另外 %d 名参赛者总分及同分排序各项均相同，由裁判长决定列第 %d 名", "equal with %d other entrant(s) on the total and every tie-break: placed %d by the chief judge's decision"}
	case "tie_pending":
		pair = [2]string{"与另外 %d 名参赛者并列第 %d 名；获奖名次不设并列，待裁判长决定名次", "tied with %d other entrant(s) for place %d, a prize place that may not be shared: awaiting the chief judge's decision"}
	case "below_min_total":
		pair = [2]string{"总分 %s 低于获奖最低总分 %s，不获奖", "total %s is below the minimum total of %s for an award: no award"}
	case "shared_boundary":
		pair = [2]string{"并列第 %d 名跨越%s与%s的分界，按规则均获%s", "the shared place %d spans the boundary of %s and %s: by the rule all get %s"}
	case "shared_boundary_none":
		pair = [2]string{"并列第 %d 名跨越%s与%s的分界，按规则均不获奖", "the shared place %d spans the boundary of %s and %s: by the rule none gets an award"}
	case "award_first":
		pair = [2]string{"一等奖", "first prize"}
	case "award_second":
		pair = [2]string{"二等奖", "second prize"}
	case "award_third":
		pair = [2]string{"三等奖", "third prize"}
	case "award_honourable":
		pair = [2]string{"优胜奖", "honourable mention"}
	case "award_none":
		pair = [2]string{"无奖项", "no award"}
	default:
		return "", false
	}
	if english {
		return pair[1], true
	}
	return pair[0], true
}

// awardNote names an award.
func awardNote(a Award) Note {
	if a == "" {
		return note("award_none")
	}
	return note("award_" + string(a))
}

// missingNote lists what an entrant still lacks: criteria by code, times by
// their stage's name.
func missingNote(r Rules, missing []MissingMark) Note {
	items := make([]Note, len(missing))
	for i, m := range missing {
		items[i] = note("criterion", m.Criterion)
		if m.Criterion == TimeCriterion {
			items[i] = note("time_of", stageName(r, m.Stage))
		}
	}
	return note("incomplete", items)
}

func stageName(r Rules, code string) string {
	for _, s := range r.Stages {
		if s.Code == code {
			return s.Name
		}
	}
	return code
}

// explainTieBreak notes on two neighbours with equal totals the tie-break
// that put a ahead of b, with the figures it compared.
func explainTieBreak(r Rules, a, b *EntrantResult, k tieBreak) {
	if k.time {
		a.Notes = append(a.Notes, note("ahead_time", a.Total, clock(a.Time), clock(b.Time)))
		b.Notes = append(b.Notes, note("behind_time", b.Total, clock(b.Time), clock(a.Time)))
		return
	}
	name := r.Stages[k.stage].Name
	sa, sb := a.Stages[k.stage].Score, b.Stages[k.stage].Score
	a.Notes = append(a.Notes, note("ahead_stage", a.Total, name, sa, sb))
	b.Notes = append(b.Notes, note("behind_stage", b.Total, name, sb, sa))
}

// clock shows a time used, kept in hundredths of a second, as minutes and
// seconds (12:05, or 12:05.5 for a median between two whole seconds).
type clock Points

func (c clock) String() string {
	s, f := int64(c)/100, int64(c)%100
	out := fmt.Sprintf("%d:%02d", s/60, s%60)
	if f != 0 {
		out += strings.TrimRight(fmt.Sprintf(".%02d", f), "0")
	}
	return out
}
