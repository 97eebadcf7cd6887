package service

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"

	"leitai/model"
)

// checkedRows are the rows of a checked file as they passed the rules of an
// entry, kept with its job, compressed, so that importing it does not read
// the file again. Importing checks them again, against its events, the
// register and the entries as they are then.
type checkedRows struct {
	Columns sheetColumns `json:"columns"`
	Rows    []checkedRow `json:"rows"`
}

type checkedRow struct {
	Number     int          `json:"n"`
	Event      uint         `json:"e"`
	Enterprise uint         `json:"o"`
	Person     PersonInput  `json:"p"`
	Master     *PersonInput `json:"m,omitempty"`
}

// packRows keeps the rows that passed, written one at a time.
func packRows(rows []importRow, cols sheetColumns) ([]byte, error) {
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	enc := json.NewEncoder(z)
	head, err := json.Marshal(cols)
	if err != nil {
		return nil, err
	}
	if _, err := fmt.Fprintf(z, `{"columns":%s,"rows":[`, head); err != nil {
		return nil, err
	}
	for i, r := range rows {
		if i > 0 {
			if _, err := z.Write([]byte(",")); err != nil {
				return nil, err
			}
		}
		if err := enc.Encode(checkedRow{Number: r.number, Event: r.event.ID, Enterprise: r.enterprise.ID, Person: *r.reg.Person, Master: r.reg.Master}); err != nil {
			return nil, err
		}
	}
	if _, err := z.Write([]byte("]}")); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// unpackRows reads a job's checked rows back, each with its event and its
// enterprise as they are now: an event drawn since the check takes no more
// rows, an enterprise that left the importer's subtree no more entries, and
// result's problems say so.
func (s *Service) unpackRows(ctx context.Context, j model.ImportJob, im importer, result *importResult) ([]importRow, sheetColumns, error) {
	if err := s.conn(ctx).Model(&model.ImportJob{}).Select("checked_rows").Where("id = ?", j.ID).Take(&j).Error; err != nil {
		return nil, sheetColumns{}, err
	}
	z, err := gzip.NewReader(bytes.NewReader(j.CheckedRows))
	if err != nil {
		return nil, sheetColumns{}, err
	}
	var kept checkedRows
	if err := json.NewDecoder(z).Decode(&kept); err != nil {
		return nil, sheetColumns{}, err
	}
	var events []model.Event
	if err := s.conn(ctx).Where("contest_id = ?", j.ContestID).Find(&events).Error; err != nil {
		return nil, sheetColumns{}, err
	}
	byID := map[uint]*model.Event{}
	for i := range events {
		byID[events[i].ID] = &events[i]
	}
	rows := make([]importRow, 0, len(kept.Rows))
	for i := range kept.Rows {
		r := &kept.Rows[i]
		ev, ok := byID[r.Event]
		bad := func(key string, t Text) {
			column := kept.Columns.Event
			if key == colEnterprise {
				column = kept.Columns.Enterprise
			}
			result.add(sheetProblem{Row: r.Number, Column: column, Header: kept.Columns.header(column), Text: bothOf(t)})
		}
		if !ok {
			bad(colEvent, T("not_found", T("thing_event")))
			continue
		}
		if !eventTakesRows(ev, bad) {
			continue
		}
		ent, ok := im.byID[r.Enterprise]
		if !ok {
			bad(colEnterprise, T("forbidden"))
			continue
		}
		rows = append(rows, importRow{number: r.Number, event: ev, enterprise: ent, reg: Registration{Person: &r.Person, Master: r.Master}})
	}
	return rows, kept.Columns, nil
}
