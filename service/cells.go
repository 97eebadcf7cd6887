package service

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leitai/model"
)

// A cell is one entrant's value on one criterion, versioned: a judge's mark,
// or a clerk's keyed value of a paper sheet. Every kind is saved the one way
// writeCell says, so that a judge and a clerk find the same rules.

// storedCell is a cell as a write finds and leaves it.
type storedCell struct {
	ID      uint
	Points  int64
	Note    string
	Version int
}

// cellRows is the table a kind of cell lives in, narrowed to one owner (a
// judge's sheet, a round of a paper sheet).
type cellRows interface {
	// insert stores a new cell; gorm.ErrDuplicatedKey when it is there already.
	insert(ctx context.Context, entrantID uint, in MarkInput) (uint, error)
	// locked reads a cell, holding it until the transaction ends.
	locked(ctx context.Context, entrantID uint, criterion string) (storedCell, error)
	// update changes a cell read at version.
	update(ctx context.Context, id uint, version int, in MarkInput) error
}

// writeCell saves in over the cell existing (nil when there is none yet).
// Sending the value a cell holds changes nothing, so a resent cell is
// harmless; a cell changed since the version the writer names answers 409
// mark_changed with what it holds (view shows it); a new cell sent twice at
// once is created once. It tells the cell after the write and, when the
// write changed a cell that was there, the cell before it.
func (s *Service) writeCell(ctx context.Context, rows cellRows, entrantID uint, existing *storedCell, in MarkInput,
	view func(storedCell) SheetMark) (after storedCell, before *storedCell, changed bool, err error) {
	if existing == nil && in.Version == 0 {
		id, err := rows.insert(ctx, entrantID, in)
		if err == nil {
			return storedCell{ID: id, Points: int64(in.Points), Note: in.Note, Version: 1}, nil, true, nil
		}
		if !errors.Is(err, gorm.ErrDuplicatedKey) {
			return after, nil, false, err
		}
		// The same new cell sent twice at once (a retry racing its original): this one finds the other's.
		cur, err := rows.locked(ctx, entrantID, in.Criterion)
		if err != nil {
			return after, nil, false, err
		}
		existing = &cur
	}
	if existing == nil {
		return after, nil, false, staleVersion()
	}
	cur := *existing
	if cur.Points == int64(in.Points) && cur.Note == in.Note {
		return cur, nil, false, nil
	}
	if cur.Version != in.Version {
		v := view(cur)
		return after, nil, false, &Error{Kind: KindConflict, Code: "mark_changed", Text: T("mark_changed", v.Number, in.Criterion, v.Points), Current: v}
	}
	if err := rows.update(ctx, cur.ID, cur.Version, in); err != nil {
		return after, nil, false, err
	}
	return storedCell{ID: cur.ID, Points: int64(in.Points), Note: in.Note, Version: cur.Version + 1}, &cur, true, nil
}

// cellView shows a cell as the one who keyed it sees it.
func cellView(number, criterion string, c storedCell) SheetMark {
	return SheetMark{Number: number, Criterion: criterion, Points: Points(c.Points), Note: c.Note, Version: c.Version}
}

// judgeMarks are the marks of one judge's sheet, written by one account.
type judgeMarks struct {
	s     *Service
	sheet model.Sheet
	by    uint
}

func (r judgeMarks) insert(ctx context.Context, entrantID uint, in MarkInput) (uint, error) {
	now := r.s.now()
	m := model.Mark{SheetID: r.sheet.ID, EntrantID: entrantID, JudgeID: r.sheet.JudgeID, Criterion: in.Criterion, Points: int64(in.Points), Note: in.Note,
		Version: 1, UpdatedBy: r.by, CreatedAt: now, UpdatedAt: now}
	err := r.s.conn(ctx).Create(&m).Error
	return m.ID, err
}

func (r judgeMarks) locked(ctx context.Context, entrantID uint, criterion string) (storedCell, error) {
	var m model.Mark
	err := r.s.conn(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Where("entrant_id = ? AND criterion = ? AND judge_id = ?",
		entrantID, criterion, r.sheet.JudgeID).Take(&m).Error
	return storedCell{ID: m.ID, Points: m.Points, Note: m.Note, Version: m.Version}, err
}

func (r judgeMarks) update(ctx context.Context, id uint, version int, in MarkInput) error {
	return r.s.updateVersioned(ctx, &model.Mark{}, id, version, map[string]any{
		"points": in.Points, "note": in.Note, "updated_by": r.by, "updated_at": r.s.now()})
}
