package service

import (
	"bytes"
	"context"
	"strings"

	"leitai/model"
	"leitai/service/workbook"
)

// The printed lists of an event's contest day: the check-in list (检录表),
// which the desk ticks and the entrants sign, and the draw list (抽签表),
// which links the numbers to the entrants and so stays with the organisers.

// CheckInWorkbook is an event's check-in list to print, in number order:
// for those who do its check-in, once the event is drawn. ID numbers are
// masked, as the desk sees them.
func (s *Service) CheckInWorkbook(ctx context.Context, c Caller, eventID uint, lang Lang) (File, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return File{}, err
	}
	ct, err := s.checksIn(ctx, c, ev)
	if err != nil {
		return File{}, err
	}
	if err := checkInOpen(ct, ev); err != nil {
		return File{}, err
	}
	var rows []model.Entrant
	if err := entrantsWithPeople(s.conn(ctx)).Where("event_id = ? AND status = ? AND draw_number <> ''", ev.ID, EntrantApproved).
		Order("draw_number").Find(&rows).Error; err != nil {
		return File{}, err
	}
	p := workbook.PrintSheet{Sheet: T("sheet_check_in").In(lang), Title: T("check_in_title", ev.Name).In(lang),
		Lines: []string{T("check_in_line", ct.Name, ev.Name).In(lang)}, Signatures: []string{T("sign_check_in").In(lang), T("sign_chief").In(lang)},
		PageText: T("page_of").In(lang)}
	p.Columns = append(p.Columns, drawColumns(ev, lang)...)
	p.Columns = append(p.Columns, workbook.PrintColumn{Header: T("col_id_number").In(lang), Width: 22, Text: true},
		workbook.PrintColumn{Header: T("col_attendance").In(lang), Width: 10}, workbook.PrintColumn{Header: T("col_signature").In(lang), Width: 16},
		workbook.PrintColumn{Header: T("col_note").In(lang), Width: 14})
	for _, e := range rows {
		var ids []string
		for _, person := range e.People {
			if person.Role == model.ParticipantCompetitor {
				ids = append(ids, MaskIDNumber(person.IDNumber))
			}
		}
		attendance := ""
		if e.Attendance != "" {
			attendance = T("attendance_" + e.Attendance).In(lang)
		}
		row := append(drawCells(ev, e), strings.Join(ids, "\n"), attendance)
		p.Rows = append(p.Rows, row)
	}
	return printFile(p, T("check_in_file", ev.Name).In(lang))
}

// DrawWorkbook is an event's draw to print: each number with its entrant,
// and the seed that lets anyone run the draw again; for its organisers.
func (s *Service) DrawWorkbook(ctx context.Context, c Caller, eventID uint, lang Lang) (File, error) {
	d, err := s.GetDraw(ctx, c, eventID)
	if err != nil {
		return File{}, err
	}
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return File{}, err
	}
	ct, err := s.loadContest(ctx, ev.ContestID)
	if err != nil {
		return File{}, err
	}
	var rows []model.Entrant
	if err := entrantsWithPeople(s.conn(ctx)).Where("event_id = ? AND draw_number <> ''", ev.ID).Order("draw_number").Find(&rows).Error; err != nil {
		return File{}, err
	}
	p := workbook.PrintSheet{Sheet: T("sheet_draw").In(lang), Title: T("draw_title", ev.Name).In(lang),
		Lines:   []string{T("draw_line", ct.Name, ev.Name).In(lang), T("draw_record", d.DrawnAt.In(beijing).Format("2006-01-02 15:04"), d.DrawnBy, d.Seed).In(lang)},
		Columns: drawColumns(ev, lang), Signatures: []string{T("sign_drawer").In(lang), T("sign_supervisor").In(lang)}, PageText: T("page_of").In(lang)}
	for _, e := range rows {
		p.Rows = append(p.Rows, drawCells(ev, e))
	}
	return printFile(p, T("draw_file", ev.Name).In(lang))
}

// drawColumns are the columns both lists start with: the number, the
// station and session where the event has stations, the entrant and its enterprise.
func drawColumns(ev model.Event, lang Lang) []workbook.PrintColumn {
	cols := []workbook.PrintColumn{{Header: T("col_draw_number").In(lang), Width: 10, Text: true}}
	if ev.Stations > 0 {
		cols = append(cols, workbook.PrintColumn{Header: T("col_station").In(lang), Width: 8}, workbook.PrintColumn{Header: T("col_session").In(lang), Width: 8})
	}
	return append(cols, workbook.PrintColumn{Header: T("col_entrant").In(lang), Width: 22}, workbook.PrintColumn{Header: T("col_enterprise").In(lang), Width: 28})
}

func drawCells(ev model.Event, e model.Entrant) []any {
	row := []any{e.DrawNumber}
	if ev.Stations > 0 {
		row = append(row, e.Station, e.Session)
	}
	return append(row, entrantName(e), e.EnterpriseName)
}

func printFile(p workbook.PrintSheet, name string) (File, error) {
	var buf bytes.Buffer
	if err := workbook.WritePrint(&buf, p); err != nil {
		return File{}, err
	}
	return File{Name: name, Content: buf.Bytes()}, nil
}
