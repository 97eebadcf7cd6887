package service

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/goccy/go-json"

	"leitai/model"
	"leitai/scoring"
)

// The inputs of an event's results, read from the database as the scoring
// engine takes them.

// resultEntrants are the approved entrants of an event, as the engine
// takes them: absent ones marked so at check-in, vetoed ones with the
// veto's reason.
func (s *Service) resultEntrants(ctx context.Context, eventID uint) ([]scoring.Entrant, error) {
	var rows []struct {
		ID           uint
		EnterpriseID uint
		Attendance   string
	}
	err := s.conn(ctx).Model(&model.Entrant{}).Select("id, enterprise_id, attendance").
		Where("event_id = ? AND status = ?", eventID, EntrantApproved).Order("id").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	vetoes, err := s.entrantVetoes(ctx, eventID)
	if err != nil {
		return nil, err
	}
	out := make([]scoring.Entrant, len(rows))
	for i, r := range rows {
		reason, vetoed := vetoes[r.ID]
		out[i] = scoring.Entrant{ID: r.ID, Enterprise: r.EnterpriseID, Absent: r.Attendance == AttendanceAbsent, Vetoed: vetoed, VetoReason: reason}
	}
	return out, nil
}

// resultMarks are the counting marks of an event: stage by stage, the
// sheets of the judges whose marks count there (judges given the stage and
// those replaced on it; never a trainee), each read row by row (entrant by
// entrant, criterion by criterion), the order the engine places fastest. entrants sizes the
// list for a full event at once.
func (s *Service) resultMarks(ctx context.Context, eventID uint, rules Rules, entrants int) ([]scoring.Mark, error) {
	var marks []scoring.Mark
	for _, st := range rules.Stages {
		judges, err := s.countingJudges(ctx, eventID, st.Code)
		if err != nil {
			return nil, err
		}
		if len(judges) == 0 {
			continue
		}
		var sheets []model.Sheet
		if err := s.conn(ctx).Select("id, judge_id").Where("event_id = ? AND stage = ? AND judge_id IN ?", eventID, st.Code, judgeIDs(judges)).
			Order("id").Find(&sheets).Error; err != nil {
			return nil, err
		}
		codes := criterionCodes(rules, st.Code)
		if marks == nil {
			marks = make([]scoring.Mark, 0, len(sheets)*entrants*len(rules.Criteria))
		}
		for _, sh := range sheets {
			if marks, err = s.appendSheetMarks(ctx, marks, sh, st.Code, codes); err != nil {
				return nil, err
			}
		}
	}
	return marks, nil
}

// criterionCodes are the codes a stage's marks carry, so that reading a
// mark looks its code up instead of allocating it again.
func criterionCodes(rules Rules, stage string) map[string]string {
	codes := map[string]string{scoring.TimeCriterion: scoring.TimeCriterion}
	for _, c := range rules.Criteria {
		if c.Stage == stage {
			codes[c.Code] = c.Code
		}
	}
	return codes
}

// sheetMarksQuery reads one sheet's marks row by row, from the index that
// holds them (ix_marks_sheet_cells) without visiting the table.
const sheetMarksQuery = "SELECT entrant_id, criterion, points FROM marks WHERE sheet_id = ? ORDER BY entrant_id, criterion"

// appendSheetMarks adds one judge's sheet of a stage to marks.
func (s *Service) appendSheetMarks(ctx context.Context, marks []scoring.Mark, sh model.Sheet, stage string, codes map[string]string) ([]scoring.Mark, error) {
	rows, err := s.conn(ctx).Raw(sheetMarksQuery, sh.ID).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		entrant uint
		code    sql.RawBytes
		points  int64
	)
	for rows.Next() {
		if err := rows.Scan(&entrant, &code, &points); err != nil {
			return nil, err
		}
		c, ok := codes[string(code)]
		if !ok {
			return nil, fmt.Errorf("sheet %d: a mark on %q, which stage %q lacks", sh.ID, code, stage)
		}
		marks = append(marks, scoring.Mark{Entrant: entrant, Criterion: c, Stage: stage, Judge: sh.JudgeID, Points: Points(points), Counts: true})
	}
	return marks, rows.Err()
}

// tieDecisions are the chief judge's decisions on an event's ties.
func (s *Service) tieDecisions(ctx context.Context, eventID uint) ([]scoring.Decision, error) {
	var rows []model.TieDecision
	if err := s.conn(ctx).Where("event_id = ?", eventID).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]scoring.Decision, len(rows))
	for i, r := range rows {
		ids, err := parseIDList(r.Entrants)
		if err != nil {
			return nil, fmt.Errorf("tie decision %d: %w", r.ID, err)
		}
		out[i] = scoring.Decision{Entrants: ids}
	}
	return out, nil
}

func parseIDList(s string) ([]uint, error) {
	var out []uint
	for part := range strings.SplitSeq(s, ",") {
		n, err := strconv.ParseUint(part, 10, 64)
		if err != nil {
			return nil, err
		}
		out = append(out, uint(n))
	}
	return out, nil
}

func formatIDList(ids []uint) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatUint(uint64(id), 10)
	}
	return strings.Join(parts, ",")
}

// computeEvent loads an event's inputs and computes its results.
func (s *Service) computeEvent(ctx context.Context, ev model.Event, rules Rules) (scoring.Result, error) {
	entrants, err := s.resultEntrants(ctx, ev.ID)
	if err != nil {
		return scoring.Result{}, err
	}
	marks, err := s.resultMarks(ctx, ev.ID, rules, len(entrants))
	if err != nil {
		return scoring.Result{}, err
	}
	decisions, err := s.tieDecisions(ctx, ev.ID)
	if err != nil {
		return scoring.Result{}, err
	}
	res, err := scoring.Compute(rules, entrants, marks, decisions)
	if err != nil {
		return res, fmt.Errorf("results of event %d: %w", ev.ID, err)
	}
	return res, nil
}

// parseResult reads the stored result of the snapshot id into v.
func parseResult(id uint, stored string, v any) error {
	return decodeResult(id, stored, func(dec *json.Decoder) error { return dec.Decode(v) })
}

// decodeResult reads the stored result of the snapshot id with read. The
// JSON is parsed as it is unpacked, never held whole (a large event's is
// 30 MB), by go-json, which reads a snapshot about four times as fast as
// encoding/json.
func decodeResult(id uint, stored string, read func(*json.Decoder) error) error {
	r, err := model.OpenResult(stored)
	if err == nil {
		err = read(json.NewDecoder(r))
	}
	if err == nil {
		_, err = io.Copy(io.Discard, r) // to the end, where gzip checks its checksum
	}
	if err != nil {
		return fmt.Errorf("result snapshot %d does not parse: %w", id, err)
	}
	return nil
}
