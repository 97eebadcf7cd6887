package api_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/service"
)

type exportJob struct {
	ID       uint   `json:"id"`
	Kind     string `json:"kind"`
	Status   string `json:"status"`
	FullIDs  bool   `json:"full_ids"`
	Rows     int    `json:"rows"`
	RowsDone int    `json:"rows_done"`
	FileName string `json:"file_name"`
	Error    string `json:"error"`
}

// exportOf is an access case's export request; contest names the fixture's
// contest in braces, or nothing.
func exportOf(kind, contest string, full bool) func(accessFixture, actor) any {
	return func(f accessFixture, _ actor) any {
		body := map[string]any{"kind": kind, "full_ids": full}
		if contest != "" {
			var id uint
			_, _ = fmt.Sscan(f.expand(contest), &id)
			body["contest_id"] = id
		}
		return body
	}
}

// export asks for an export that is written at once, and reads its sheet
// back, checking on the way that no cell holds a formula.
func (c *client) export(body map[string]any) (exportJob, [][]string) {
	c.s.t.Helper()
	var job exportJob
	c.must(201, "POST", "/api/v1/exports", body, &job)
	if job.Status != "done" {
		c.s.t.Fatalf("export %v: %+v", body, job)
	}
	return job, c.exportRows(job)
}

func (c *client) exportRows(job exportJob) [][]string {
	c.s.t.Helper()
	f := c.download(fmt.Sprintf("/api/v1/exports/%d/file", job.ID))
	sheet := f.GetSheetName(0)
	rows, err := f.GetRows(sheet)
	if err != nil {
		c.s.t.Fatal(err)
	}
	for r := range rows {
		for col := range rows[r] {
			cell, _ := excelize.CoordinatesToCellName(col+1, r+1)
			if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
				c.s.t.Errorf("%s holds the formula %q", cell, formula)
			}
		}
	}
	return rows
}

// column is the cells under a header, in the rows from first on (3 below
// a one-row header, 4 below a two-row one).
func column(t testing.TB, rows [][]string, first int, header string) []string {
	t.Helper()
	for h := first - 1; h >= 2; h-- {
		if i := slices.Index(rows[h], header); i >= 0 {
			var out []string
			for _, r := range rows[first:] {
				if i < len(r) {
					out = append(out, r[i])
				} else {
					out = append(out, "")
				}
			}
			return out
		}
	}
	t.Fatalf("no column %q in %q", header, rows[:min(first, len(rows))])
	return nil
}

// TestExport_RegistrationsEachEnterpriseItsOwnOrganisersAll: two enterprises
// of the district enter the contest; each exports its own entries only, the
// organiser all of them; ID numbers are masked unless asked for in full, and
// a trade typed as a formula stays text.
func TestExport_RegistrationsEachEnterpriseItsOwnOrganisersAll(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		var second org
		a.must(201, "POST", "/api/v1/organisations", map[string]any{"parent_id": f.district.ID, "kind": "enterprise", "name": "清河二厂",
			"credit_code": creditCode("91320102MA1QH0009")}, &second)
		secondAcc := s.newAccount(a, "ex_ent_second", "enterprise", second.ID)
		ent2 := s.login(secondAcc.Username, fixturePwd)
		body := worker("陈静", idNumber("11010519900202002"), "female")
		body["person"].(map[string]any)["trade"] = "=HYPERLINK(\"http://example.com\",\"x\")"
		ent2.must(201, "POST", fmt.Sprintf("/api/v1/events/%d/entrants", f.event.ID), body, nil)

		ask := map[string]any{"kind": "registrations", "contest_id": f.contest.ID}
		org := s.login(f.organiser.Username, fixturePwd)
		_, rows := org.export(ask)
		if rows[0][0] != "全区电工技能竞赛 报名名单" || !strings.Contains(rows[1][0], "清河区总工会") {
			t.Errorf("title %q, issuer %q", rows[0], rows[1])
		}
		if got := column(t, rows, 3, "姓名"); !slices.Equal(got, []string{"王强", "陈静"}) {
			t.Errorf("the organiser's export lists %q", got)
		}
		if got := column(t, rows, 3, "工种"); got[1] != "=HYPERLINK(\"http://example.com\",\"x\")" {
			t.Errorf("the trade typed as a formula reads %q", got[1])
		}
		if ids := column(t, rows, 3, "身份证号码"); !strings.Contains(ids[0], "*") || !strings.Contains(ids[1], "*") {
			t.Errorf("ID numbers not masked: %q", ids)
		}
		ask["full_ids"] = true
		job, rows := org.export(ask)
		if ids := column(t, rows, 3, "身份证号码"); !job.FullIDs || ids[0] != idNumber("11010519800101001") || ids[1] != idNumber("11010519900202002") {
			t.Errorf("ID numbers asked for in full: %q", ids)
		}

		for _, tc := range []struct {
			c    *client
			want string
		}{{s.login(f.enterpriseAcc.Username, fixturePwd), "王强"}, {ent2, "陈静"}} {
			_, rows := tc.c.export(ask)
			if got := column(t, rows, 3, "姓名"); !slices.Equal(got, []string{tc.want}) {
				t.Errorf("an enterprise's export lists %q, want its own %q only", got, tc.want)
			}
			if got := column(t, rows, 3, "单位"); len(got) != 1 || got[0] == "" {
				t.Errorf("enterprise column %q", got)
			}
		}
		// In English, headers and labels too.
		var job2 exportJob
		org.must(201, "POST", "/api/v1/exports?lang=en", map[string]any{"kind": "registrations", "contest_id": f.contest.ID, "event_id": f.event.ID}, &job2)
		rows = org.exportRows(job2)
		if got := column(t, rows, 3, "Status"); !slices.Equal(got, []string{"Pending", "Pending"}) {
			t.Errorf("statuses in English %q", got)
		}
	})
}

// TestExport_PeopleMaskedForUnionsInFullForTheirOwnEnterprise: the register
// is masked for union staff, who may not ask for it in full; an enterprise
// gets its own workers, in full when it asks.
func TestExport_PeopleMaskedForUnionsInFullForTheirOwnEnterprise(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		org := s.login(f.organiser.Username, fixturePwd)
		_, rows := org.export(map[string]any{"kind": "people"})
		names, ids := column(t, rows, 3, "姓名"), column(t, rows, 3, "身份证号码")
		if !slices.Contains(names, "张伟") || !slices.Contains(names, "王强") || slices.Contains(names, "李娜") {
			t.Errorf("the organiser's register lists %q", names)
		}
		for _, id := range ids {
			if !strings.Contains(id, "*") {
				t.Errorf("an ID number in the organiser's register is not masked: %q", id)
			}
		}
		e := org.mustFail(403, "forbidden", "", "POST", "/api/v1/exports", map[string]any{"kind": "people", "full_ids": true})
		mustContain(t, "message", e.Error.Message, "身份证号码")

		ent := s.login(f.otherEnterpriseAcc.Username, fixturePwd)
		_, rows = ent.export(map[string]any{"kind": "people", "full_ids": true})
		if names, ids := column(t, rows, 3, "姓名"), column(t, rows, 3, "身份证号码"); !slices.Equal(names, []string{"李娜"}) || ids[0] != "110105194912310029" {
			t.Errorf("the enterprise's register in full: %q %q", names, ids)
		}
	})
}

// TestExport_ScoresEveryJudgesMarksNamesForOrganisersOnly: the organiser's
// score sheet has a column per judge under each criterion, with names; the
// chief judge's has numbers only, and names no entrant anywhere.
func TestExport_ScoresEveryJudgesMarksNamesForOrganisersOnly(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.judgingFixture()
		judge := s.login(f.judge.Username, fixturePwd)
		judge.must(200, "PUT", sheetPath(f.fitter, "practical", "/marks"), mark(f.numberC, "P1", 42.5, 0), nil)
		ask := map[string]any{"kind": "scores", "event_id": f.fitter.ID, "stage": "practical"}

		org := s.login(f.organiser.Username, fixturePwd)
		_, rows := org.export(ask)
		if !strings.Contains(rows[0][0], "钳工") || !slices.Contains(rows[3], "judge_a") || !slices.Contains(rows[3], "judge_recused") {
			t.Errorf("title %q, judges %q", rows[0], rows[3])
		}
		names := column(t, rows, 4, "姓名")
		if !slices.Contains(names, "孙立") || !slices.Contains(names, "赵强") {
			t.Errorf("the organiser's names %q", names)
		}
		judgeCol := slices.Index(rows[3], "judge_a")
		for _, r := range rows[4:] {
			if r[1] == f.numberC && r[judgeCol] != "42.50" {
				t.Errorf("judge_a's mark of %s reads %q", f.numberC, r[judgeCol])
			}
		}

		chief := s.login(f.chief.Username, fixturePwd)
		_, rows = chief.export(ask)
		if slices.Contains(rows[2], "姓名") || slices.Contains(rows[3], "姓名") {
			t.Errorf("the chief judge's export has names: %q", rows[2])
		}
		for _, r := range rows {
			for _, cell := range r {
				if strings.Contains(cell, "孙立") || strings.Contains(cell, "清河电力") {
					t.Errorf("the chief judge's export names an entrant: %q", r)
				}
			}
		}
		if got := column(t, rows, 4, "号码"); !slices.Contains(got, f.numberC) || len(got) != 3 {
			t.Errorf("numbers %q", got)
		}
		judge.mustFail(403, "forbidden", "", "POST", "/api/v1/exports", ask)
	})
}

// TestExport_LargeExportRunsAsAJobWithProgress: above the bound an export
// is written in the background; the job is followed to done and its
// workbook downloaded; a job a restart cut short is failed.
func TestExport_LargeExportRunsAsAJobWithProgress(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServerWith(t, db, func(o *service.Options) { o.BackgroundExportRows = 1 })
		f := s.fixture()
		org := s.login(f.organiser.Username, fixturePwd)
		var job exportJob
		org.must(201, "POST", "/api/v1/exports", map[string]any{"kind": "people"}, &job)
		if job.Status != "running" || job.Rows != 2 {
			t.Fatalf("a large export answered %+v", job)
		}
		s.svc.WaitForImports()
		org.must(200, "GET", fmt.Sprintf("/api/v1/exports/%d", job.ID), nil, &job)
		if job.Status != "done" || job.RowsDone != job.Rows {
			t.Fatalf("after the background: %+v", job)
		}
		if names := column(t, org.exportRows(job), 3, "姓名"); !slices.Equal(names, []string{"张伟", "王强"}) {
			t.Errorf("names %q", names)
		}
		// Another account of the same union does not see the job.
		other := s.newAccount(s.admin(), "ex_org_second", "organiser", f.district.ID)
		s.login(other.Username, fixturePwd).mustFail(403, "forbidden", "", "GET", fmt.Sprintf("/api/v1/exports/%d/file", job.ID), nil)

		cut := model.ExportJob{Kind: service.ExportPeople, OrganisationID: f.district.ID, AccountID: f.organiser.ID, Status: service.ExportRunning,
			Version: 1, CreatedAt: time.Now(), UpdatedAt: time.Now()}
		if err := db.Create(&cut).Error; err != nil {
			t.Fatal(err)
		}
		if err := s.svc.FailInterruptedExports(t.Context()); err != nil {
			t.Fatal(err)
		}
		org.must(200, "GET", fmt.Sprintf("/api/v1/exports/%d", cut.ID), nil, &job)
		if job.Status != "failed" || !strings.Contains(job.Error, "重新导出") {
			t.Errorf("a job cut short: %+v", job)
		}
		org.mustFail(409, "conflict", "", "GET", fmt.Sprintf("/api/v1/exports/%d/file", cut.ID), nil)
	})
}
