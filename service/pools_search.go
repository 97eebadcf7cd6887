package service

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"leitai/model"
)

// The pools are searched by a part of a name through tables of parts
// (0018_pool_search.sql): each searched text is kept cut into all its
// substrings of up to partLength characters, so that a search is an equality
// on an index. A search longer than that is looked up by its first
// partLength characters, and every search is then checked whole, as LIKE
// does, on the few rows found: the answers are those of a scan.

// partLength is the longest part kept; a Chinese name (2 to 4 characters)
// is kept whole.
const partLength = 4

// The tables of the pools' parts, each keyed by its pool's row (model.PoolPart).
const (
	winnerParts      = "award_winner_parts"
	achievementParts = "pool_achievement_parts"
	expertParts      = "pool_expert_parts"
)

// textParts lists once each substring of up to partLength characters of
// the texts, ASCII letters in lower case, as LIKE compares them.
func textParts(texts ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, text := range texts {
		r := []rune(asciiLower(text))
		for i := range r {
			for n := 1; n <= partLength && i+n <= len(r); n++ {
				if p := string(r[i : i+n]); !seen[p] {
					seen[p] = true
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// rowParts are the parts of one pool row's texts, for its parts table.
func rowParts(rowID uint, texts ...string) []model.PoolPart {
	parts := textParts(texts...)
	rows := make([]model.PoolPart, len(parts))
	for i, p := range parts {
		rows[i] = model.PoolPart{RowID: rowID, Part: p}
	}
	return rows
}

func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// searchPart is the part a search is looked up by: its first partLength
// characters, spaces around it dropped.
func searchPart(text string) string {
	r := []rune(asciiLower(strings.TrimSpace(text)))
	return string(r[:min(len(r), partLength)])
}

// withPart keeps the pool rows (idColumn) whose parts table holds the
// search's part and one of whose columns holds the whole search.
func withPart(q *gorm.DB, idColumn, parts, text string, columns ...string) *gorm.DB {
	part := searchPart(text)
	if part == "" {
		return q
	}
	fresh := q.Session(&gorm.Session{NewDB: true})
	whole := fresh.Where(contains(columns[0], text))
	for _, c := range columns[1:] {
		whole = whole.Or(contains(c, text))
	}
	return q.Where(idColumn+" IN (?)", fresh.Table(parts).Select("row_id").Where("part = ?", part)).Where(whole)
}

// termsHolding lists the trades and categories in the pools that hold the
// text, found by their parts: a pool is then read by its trade index, for
// one trade as for a whole name.
func (s *Service) termsHolding(ctx context.Context, text string) ([]string, error) {
	terms := []string{}
	err := s.conn(ctx).Model(&model.PoolTermPart{}).Distinct("term").Where("part = ?", searchPart(text)).
		Where(contains("term", text)).Pluck("term", &terms).Error
	return terms, err
}

// writeTalentParts writes the parts of the talents' names and trades among
// award winners just written.
func (s *Service) writeTalentParts(ctx context.Context, winners []model.AwardWinner) error {
	var parts []model.PoolPart
	var terms []string
	for _, w := range winners {
		if w.Pool == model.PoolTalent {
			parts = append(parts, rowParts(w.ID, w.Name)...)
			terms = append(terms, w.Trade)
		}
	}
	if err := s.writeParts(ctx, winnerParts, parts); err != nil {
		return err
	}
	return s.writeTerms(ctx, terms...)
}

// writeAchievementParts writes the parts of achievements just written: of
// their titles and authors, and of their categories.
func (s *Service) writeAchievementParts(ctx context.Context, achievements []model.PoolAchievement) error {
	var parts []model.PoolPart
	var terms []string
	for _, a := range achievements {
		parts = append(parts, rowParts(a.ID, a.Title, a.Authors)...)
		terms = append(terms, a.Category)
	}
	if err := s.writeParts(ctx, achievementParts, parts); err != nil {
		return err
	}
	return s.writeTerms(ctx, terms...)
}

// writeParts writes pool rows' parts into their parts table.
func (s *Service) writeParts(ctx context.Context, table string, rows []model.PoolPart) error {
	if len(rows) == 0 {
		return nil
	}
	return s.conn(ctx).Table(table).CreateInBatches(&rows, 1000).Error
}

// writeTerms writes the parts of the trades and categories not yet in the
// pools.
func (s *Service) writeTerms(ctx context.Context, terms ...string) error {
	db := s.conn(ctx)
	seen := map[string]bool{}
	var rows []model.PoolTermPart
	for _, term := range terms {
		if strings.TrimSpace(term) == "" || seen[term] {
			continue
		}
		seen[term] = true
		var n int64
		if err := db.Model(&model.PoolTermPart{}).Where("part = ? AND term = ?", searchPart(term), term).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		for _, p := range textParts(term) {
			rows = append(rows, model.PoolTermPart{Part: p, Term: term})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return db.CreateInBatches(&rows, 1000).Error
}
