package scoring

import "slices"

// places counts the places of each prize in a ranked field of n. By counts,
// the rule's numbers; by shares, each prize covers share(percent, n) places.
// 优胜奖 reaches down to place share(Honourable, n) in both modes.
func places(a Awards, n int) Places {
	p := Places{First: a.First, Second: a.Second, Third: a.Third, HonourableTo: share(a.Honourable, n)}
	if a.Mode == AwardShares {
		p.First, p.Second, p.Third = share(a.First, n), share(a.Second, n), share(a.Third, n)
	}
	return p
}

// share is percent of a field of n, rounded down, but at least one place
// when the percentage and the field are not zero: 10 % of 15 is 1, 10 % of
// 5 is 1 too, so a small field still has its first prize.
func share(percent, n int) int {
	if percent <= 0 || n == 0 {
		return 0
	}
	return max(1, percent*n/100)
}

// at is the award of a place, before min_total.
func (p Places) at(place int) Award {
	switch {
	case place <= p.First:
		return AwardFirst
	case place <= p.First+p.Second:
		return AwardSecond
	case place <= p.First+p.Second+p.Third:
		return AwardThird
	case place <= p.HonourableTo:
		return AwardHonourable
	}
	return ""
}

// giveAwards ranks the entrants of one group, who share the places first …
// first+len(members)-1, and gives them their award and titles. A group
// across the boundary of two awards all get the better one with SharedTop,
// so a prize may go over its count; without it they all get the lesser one.
// Titles follow the same place. A total below min_total gets neither.
func giveAwards(r Rules, p Places, lines []EntrantResult, members []int, first int) {
	last := first + len(members) - 1
	place := last
	if r.Awards.SharedTop {
		place = first
	}
	award := p.at(place)
	var titles []string
	for _, t := range r.Titles {
		if t.From <= place && place <= t.To {
			titles = append(titles, t.Name)
		}
	}
	titles = slices.Clip(titles)
	var boundary []Note // the same sentence for every member
	if better, lesser := p.at(first), p.at(last); better != lesser && award != "" {
		boundary = []Note{note("shared_boundary", first, awardNote(better), awardNote(lesser), awardNote(award))}
	} else if better != lesser {
		boundary = []Note{note("shared_boundary_none", first, awardNote(better), awardNote(lesser))}
	}
	for _, i := range members {
		line := &lines[i]
		line.Rank = first
		if line.Total < r.Awards.MinTotal {
			if award != "" || titles != nil {
				line.Notes = append(line.Notes, note("below_min_total", line.Total, r.Awards.MinTotal))
			}
			continue
		}
		line.Award, line.Titles = award, titles
		line.Notes = append(line.Notes, boundary...)
	}
}
