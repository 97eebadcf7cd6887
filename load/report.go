package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// row is one server's line of one scenario in the table.
type row struct {
	scenario string
	server   string
	load     string
	t        *tally
	// stored is "n = m" (answered 201 = stored) for the scenarios that write.
	stored string
	peakKB int
	// cpu is the processor time the server used during the scenario (the
	// database's too on SQLite, which runs inside it; not MySQL's).
	cpu time.Duration
	// ratio is against the baseline, or against the probe alone.
	ratio string
	// logins may be shed with 503 and Retry-After; nothing else may.
	logins bool
}

// percentile is the q-quantile (0 < q ≤ 1) of the tally's latencies.
func (t *tally) percentile(q float64) time.Duration {
	if len(t.latencies) == 0 {
		return 0
	}
	l := slices.Clone(t.latencies)
	slices.Sort(l)
	return l[max(0, int(math.Ceil(q*float64(len(l))))-1)]
}

func (t *tally) okPerSecond() float64 {
	if t.elapsed <= 0 {
		return 0
	}
	return float64(t.ok()) / t.elapsed.Seconds()
}

// statusText is "201×1520 500×4 503×12 (shed) no answer×1".
func (t *tally) statusText() string {
	codes := make([]int, 0, len(t.statuses))
	for s := range t.statuses {
		codes = append(codes, s)
	}
	slices.Sort(codes)
	var parts []string
	for _, s := range codes {
		parts = append(parts, fmt.Sprintf("%d×%d", s, t.statuses[s]))
	}
	if t.shed > 0 {
		parts = append(parts, fmt.Sprintf("503×%d (shed)", t.shed))
	}
	if t.noAnswer > 0 {
		parts = append(parts, fmt.Sprintf("no answer×%d", t.noAnswer))
	}
	return strings.Join(parts, " ")
}

func millis(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
}

func rate(v float64) string {
	if v >= 99.95 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

// printTable writes the rows as a Markdown table.
func printTable(w io.Writer, rows []row) {
	table := [][]string{{"scenario", "server", "load", "answers", "ok/s", "p50", "p99", "statuses", "2xx = stored", "peak MB", "CPU/answer", "ratio"}}
	for _, r := range rows {
		peak := ""
		if r.peakKB > 0 {
			peak = fmt.Sprintf("%.0f", float64(r.peakKB)/1024)
		}
		answers := len(r.t.latencies) + r.t.noAnswer
		perAnswer := ""
		if r.cpu > 0 && answers > 0 {
			perAnswer = fmt.Sprintf("%.2f ms", float64(r.cpu)/float64(answers)/float64(time.Millisecond))
		}
		table = append(table, []string{r.scenario, r.server, r.load, fmt.Sprint(answers), rate(r.t.okPerSecond()),
			millis(r.t.percentile(0.5)), millis(r.t.percentile(0.99)), r.t.statusText(), r.stored, peak, perAnswer, r.ratio})
	}
	widths := make([]int, len(table[0]))
	for _, line := range table {
		for i, cell := range line {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for n, line := range table {
		fmt.Fprint(w, "|")
		for i, cell := range line {
			fmt.Fprintf(w, " %s%s |", cell, strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell)))
		}
		fmt.Fprintln(w)
		if n == 0 {
			fmt.Fprint(w, "|")
			for _, wd := range widths {
				fmt.Fprintf(w, "%s|", strings.Repeat("-", wd+2))
			}
			fmt.Fprintln(w)
		}
	}
}

// goal is one of the goals, as measured.
type goal struct {
	what     string
	measured string
	target   string
	met      bool
}

func printGoals(w io.Writer, goals []goal) {
	for _, g := range goals {
		verdict := "missed"
		if g.met {
			verdict = "met"
		}
		fmt.Fprintf(w, "- %s: %s (goal %s): %s\n", g.what, g.measured, g.target, verdict)
	}
}
