package workbook

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Column is a column a sheet is read for: its key, the header texts it goes
// by in any language (the first of each language is what templates write),
// and whether a sheet must have it.
type Column struct {
	Key      string
	Headers  []string
	Required bool
}

// Layout is where a sheet has the columns it is read for.
type Layout struct {
	// HeaderRow is the header's row number.
	HeaderRow int
	// Index is each found column's place in a row, from 0.
	Index map[string]int
	// Missing are the keys of required columns the header lacks.
	Missing []string
	// Repeated are the keys of columns the header names more than once.
	Repeated []string
}

// HeaderKey is a header's text as headers are compared: full-width letters,
// digits and brackets as their ASCII twins, in lower case, without any
// space or line break, and without the asterisk that marks a required column.
func HeaderKey(s string) string {
	s = strings.ToLower(width.Fold.String(s))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// MatchHeader finds the expected columns in a row of headers, in any order.
func MatchHeader(row Row, columns []Column) Layout {
	keyOf := map[string]string{}
	for _, c := range columns {
		for _, h := range c.Headers {
			keyOf[HeaderKey(h)] = c.Key
		}
	}
	l := Layout{HeaderRow: row.Number, Index: map[string]int{}}
	for i, cell := range row.Cells {
		key, ok := keyOf[HeaderKey(cell)]
		if !ok {
			continue
		}
		if _, seen := l.Index[key]; seen {
			l.Repeated = append(l.Repeated, key)
			continue
		}
		l.Index[key] = i
	}
	for _, c := range columns {
		if _, ok := l.Index[c.Key]; c.Required && !ok {
			l.Missing = append(l.Missing, c.Key)
		}
	}
	return l
}

// Cell is the text of a row's cell in the column key, cleaned (see Clean);
// "" when the sheet lacks the column or the row stops before it.
func (l Layout) Cell(row Row, key string) string {
	i, ok := l.Index[key]
	if !ok || i >= len(row.Cells) {
		return ""
	}
	return Clean(row.Cells[i])
}

// ColumnOf is the column number (1 for A) of key, 0 when the sheet lacks it.
func (l Layout) ColumnOf(key string) int {
	i, ok := l.Index[key]
	if !ok {
		return 0
	}
	return i + 1
}
