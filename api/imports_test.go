package api_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
	"leitai/service"
	"leitai/service/workbook/workbooktest"
)

// countRows counts a table's rows.
func countRows(t testing.TB, db *gorm.DB, table any) int64 {
	t.Helper()
	var n int64
	if err := db.Model(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// openContestWith opens a technique contest of a union with individual events of the given names.
func (s *server) openContestWith(by *client, organiserID uint, events ...string) (contest, event) {
	s.t.Helper()
	var ct contest
	by.must(201, "POST", "/api/v1/contests", map[string]any{"name": "全市职工技能竞赛", "kind": "skills", "format": "trade", "level": "city",
		"organiser_id": organiserID, "registration_opens_at": s.now.Add(-time.Hour), "registration_closes_at": s.now.Add(7 * 24 * time.Hour)}, &ct)
	var first event
	for i, name := range events {
		var ev event
		by.must(201, "POST", fmt.Sprintf("/api/v1/contests/%d/events", ct.ID), map[string]any{"name": name, "trade": name, "entrant_type": "individual"}, &ev)
		if i == 0 {
			first = ev
		}
	}
	by.must(200, "POST", fmt.Sprintf("/api/v1/contests/%d/steps", ct.ID), map[string]any{"to": "registration_open"}, &ct)
	return ct, first
}

func TestRegistrationImport_ChecksFirstThenImportsAndTheSameFileAgainChangesNothing(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ct, _ := s.openContest(s.admin(), f.district.ID, 0)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		file := fill(t, ent.download(templatePath(ct)), "报名表",
			workerRow("电工", "赵敏", "11010519900202002"),
			workerRow("电工", "钱进", "11010519850505003"),
			workerRow("电工", "王强", "11010519800101001")) // in the register already, from the fixture's entry
		entrants, people := countRows(t, db, &model.Entrant{}), countRows(t, db, &model.Person{})

		j := ent.upload(ct, file)
		if j.Status != "checked" || j.Rows != 3 || j.Created != 3 || j.Updated != 0 || j.Unchanged != 0 || len(j.Problems) != 0 {
			t.Fatalf("dry run: %+v", j)
		}
		if countRows(t, db, &model.Entrant{}) != entrants || countRows(t, db, &model.Person{}) != people {
			t.Fatal("the dry run wrote entries or workers")
		}
		done := ent.commit(j)
		if done.Status != "imported" || done.Created != 3 {
			t.Fatalf("import: %+v", done)
		}
		if got := countRows(t, db, &model.Entrant{}); got != entrants+3 {
			t.Errorf("%d entrants after the import, want %d", got, entrants+3)
		}
		if got := countRows(t, db, &model.Person{}); got != people+2 {
			t.Errorf("%d workers after the import, want %d (王强 was in the register)", got, people+2)
		}
		audited := s.auditEntries()

		again := ent.upload(ct, file)
		if again.Status != "checked" || again.Created != 0 || again.Updated != 0 || again.Unchanged != 3 {
			t.Fatalf("the same file again: %+v", again)
		}
		var before []model.Entrant
		db.Order("id").Find(&before)
		ent.commit(again)
		var after []model.Entrant
		db.Order("id").Find(&after)
		if len(after) != len(before) {
			t.Fatalf("%d entrants after importing the same file again, want %d", len(after), len(before))
		}
		for i := range after {
			if after[i].Version != before[i].Version || after[i].Status != before[i].Status {
				t.Errorf("entrant %d changed: %+v → %+v", after[i].ID, before[i], after[i])
			}
		}
		// Only the second job's check and go-ahead are audited, no entry.
		if got := s.auditEntries(); got != audited+2 {
			t.Errorf("the audit log grew by %d, want 2 (the check and the go-ahead)", got-audited)
		}
	})
}

func TestRegistrationImport_ACorrectedFileUpdatesItsEntriesInPlace(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		ct, ev := s.openContest(a, f.district.ID, 0)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		rows := []entryRow{workerRow("电工", "赵敏", "11010519900202002"), workerRow("电工", "钱进", "11010519850505003")}
		ent.commit(ent.upload(ct, fill(t, ent.download(templatePath(ct)), "报名表", rows...)))
		var zhao, qian model.Entrant
		db.Preload("People").Where("event_id = ? AND person_id = (SELECT id FROM people WHERE name = ?)", ev.ID, "赵敏").Take(&zhao)
		db.Preload("People").Where("event_id = ? AND person_id = (SELECT id FROM people WHERE name = ?)", ev.ID, "钱进").Take(&qian)
		// The organiser rejects 钱进's entry; the corrected file sends it back for review.
		a.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/review", qian.ID), map[string]any{"decision": "reject", "reason": "手机号码有误",
			"version": qian.Version}, nil)

		rows[0]["手机号码"] = "13700000000"
		rows[1]["手机号码"] = "13600000000"
		rows[1]["师傅姓名"], rows[1]["师傅性别"], rows[1]["师傅身份证号码"], rows[1]["师傅手机号码"] = "孙师傅", "男", idNumber("11010519700303005"), "13500000000"
		j := ent.upload(ct, fill(t, ent.download(templatePath(ct)), "报名表", rows...))
		if j.Status != "checked" || j.Updated != 2 || j.Created != 0 {
			t.Fatalf("the corrected file: %+v", j)
		}
		if fields := j.Actions[1].Fields; !slices.Contains(fields, "mobile") || !slices.Contains(fields, "master") {
			t.Errorf("the update of row 4 changes %q, want the mobile and the master", fields)
		}
		ent.commit(j)
		var after model.Entrant
		db.Preload("People").Take(&after, zhao.ID)
		if after.Version != zhao.Version+1 || after.Status != "pending" || after.People[0].Mobile != "13700000000" {
			t.Errorf("赵敏's entry after the corrected file: %+v", after)
		}
		after = model.Entrant{}
		db.Preload("People", func(q *gorm.DB) *gorm.DB { return q.Order("id") }).Take(&after, qian.ID)
		if after.Status != "pending" || after.RejectReason != "" || after.MasterPersonID == nil || len(after.People) != 2 ||
			after.People[0].Mobile != "13600000000" || after.People[1].Name != "孙师傅" {
			t.Errorf("钱进's rejected entry after the corrected file: %+v", after)
		}
		var p model.Person
		db.Where("name = ?", "钱进").Take(&p)
		if p.Mobile != "13600000000" || p.Version != 2 {
			t.Errorf("the register's 钱进 after the corrected file: %+v", p)
		}
		// An approved entry changes only once withdrawn.
		a.must(200, "POST", fmt.Sprintf("/api/v1/entrants/%d/review", zhao.ID), map[string]any{"decision": "approve", "version": zhao.Version + 1}, nil)
		rows[0]["手机号码"] = "13711111111"
		refused := ent.upload(ct, fill(t, ent.download(templatePath(ct)), "报名表", rows...))
		if refused.Status != "invalid" {
			t.Fatalf("a change to an approved entry: %+v", refused)
		}
		mustContain(t, "the problem", problemAt(t, refused, 3, "").Message, "赵敏", "已审核通过", "撤回")
	})
}

func TestRegistrationImport_OneBadRowWritesNothingAndComesBackMarkedRed(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ct, _ := s.openContest(s.admin(), f.district.ID, 0)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		bad := workerRow("电工", "钱进", "11010519850505003")
		bad["手机号码"] = "2391234567"
		file := fill(t, ent.download(templatePath(ct)), "报名表", workerRow("电工", "赵敏", "11010519900202002"), bad,
			workerRow("焊工", "孙丽", "11010519920808004"))
		entrants, people, audited := countRows(t, db, &model.Entrant{}), countRows(t, db, &model.Person{}), s.auditEntries()

		j := ent.upload(ct, file)
		if j.Status != "invalid" || j.ProblemsTotal != 2 || len(j.Problems) != 2 {
			t.Fatalf("a file with bad rows: %+v", j)
		}
		mobile := problemAt(t, j, 4, "E")
		if mobile.Sheet != "报名表" || mobile.Header != "手机号码" || mobile.Value != "2391234567" {
			t.Errorf("the mobile's problem: %+v", mobile)
		}
		mustContain(t, "the mobile's problem", mobile.Message, "11位")
		mustContain(t, "the event's problem", problemAt(t, j, 5, "A").Message, "焊工")
		ent.mustFail(409, "conflict", "", "POST", importPath(j, "/commit"), map[string]int{"version": j.Version})
		if countRows(t, db, &model.Entrant{}) != entrants || countRows(t, db, &model.Person{}) != people || s.auditEntries() != audited+1 {
			t.Fatal("a file with a bad row wrote something")
		}

		// The report is the file with the bad cells red and commented, and a column of problems.
		report := ent.download(importPath(j, "/report"))
		for _, cell := range []string{"E4", "A5"} {
			style, _ := report.GetCellStyle("报名表", cell)
			st, _ := report.GetStyle(style)
			if len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FF9999" {
				t.Errorf("%s is not red: %+v", cell, st.Fill)
			}
		}
		if style, _ := report.GetCellStyle("报名表", "E3"); style != 0 {
			if st, _ := report.GetStyle(style); len(st.Fill.Color) > 0 && st.Fill.Color[0] == "FF9999" {
				t.Error("a good cell is red")
			}
		}
		comments, _ := report.GetComments("报名表")
		if len(comments) != 2 {
			t.Errorf("comments %+v, want one on each bad cell", comments)
		}
		rows, _ := report.GetRows("报名表")
		width := len(rows[0])
		if rows[0][width-1] != "错误说明" || !strings.Contains(rows[3][width-1], "11位") || len(rows[2]) >= width {
			t.Errorf("the problems column: header %q, row 4 %q, row 3 %q", rows[0][width-1], rows[3], rows[2])
		}
		ent.lang = "en"
		en := ent.download(importPath(j, "/report"))
		rows, _ = en.GetRows("报名表")
		if rows[0][len(rows[0])-1] != "Problems" {
			t.Errorf("English report's problems column is headed %q", rows[0][len(rows[0])-1])
		}
		var again importJob
		ent.must(200, "GET", importPath(j, ""), nil, &again)
		mustContain(t, "the English problem", problemAt(t, again, 4, "E").Message, "11 digits")
	})
}

// TestRegistrationImport_AnythingChangedSinceTheCheckStopsTheWholeImport: the
// import checks the file again in its transaction; one row now over the quota
// keeps every row out.
func TestRegistrationImport_AnythingChangedSinceTheCheckStopsTheWholeImport(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		// 电工 takes 3 entries per enterprise; the fixture's 王强 holds one.
		j := ent.upload(f.contest, fill(t, ent.download(templatePath(f.contest)), "报名表",
			workerRow("电工", "赵敏", "11010519900202002"), workerRow("电工", "钱进", "11010519850505003")))
		if j.Status != "checked" || j.Created != 2 {
			t.Fatalf("dry run: %+v", j)
		}
		ent.must(201, "POST", entrantsPath(f.event), worker("孙丽", idNumber("11010519920808004"), "female"), nil)
		entrants, people := countRows(t, db, &model.Entrant{}), countRows(t, db, &model.Person{})
		e := ent.mustFail(409, "conflict", "", "POST", importPath(j, "/commit"), map[string]int{"version": j.Version})
		mustContain(t, "the refusal", e.Error.Message, "重新上传")
		if countRows(t, db, &model.Entrant{}) != entrants || countRows(t, db, &model.Person{}) != people {
			t.Fatal("an import that no longer fits wrote some of its rows")
		}
		again := ent.upload(f.contest, fill(t, ent.download(templatePath(f.contest)), "报名表",
			workerRow("电工", "赵敏", "11010519900202002"), workerRow("电工", "钱进", "11010519850505003")))
		mustContain(t, "the quota's problem", problemAt(t, again, 4, "A").Message, "最多报名 3 个")
	})
}

func TestRegistrationImport_TheRulesOfTheRegisterAndOfEntriesHold(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		// A contest of the city union, which both districts' enterprises enter.
		ct, ev := s.openContestWith(s.admin(), f.root.ID, "电工", "焊工")
		other := s.newAccount(s.admin(), "ent_jb", "enterprise", f.otherEnterprise.ID)
		s.login(other.Username, fixturePwd).must(201, "POST", entrantsPath(ev), worker("周杰", idNumber("11010519880808001"), "male"), nil)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		differs := workerRow("电工", "赵敏", "11010519900202002")
		differs["手机号码"] = "13700000000"
		master := workerRow("电工", "钱进", "11010519850505003")
		master["师傅姓名"], master["师傅性别"], master["师傅身份证号码"], master["师傅手机号码"] = "赵敏", "女", idNumber("11010519900202002"), "13912345678"
		master["师傅工种"], master["师傅技能等级"], master["师傅本工种工龄（年）"] = "电工", "三级/高级工", "8"
		self := workerRow("电工", "孙丽", "11010519920808004")
		self["师傅姓名"], self["师傅性别"], self["师傅身份证号码"], self["师傅手机号码"] = "孙丽", "女", idNumber("11010519920808004"), "13912345678"
		welder := workerRow("焊工", "赵敏", "11010519900202002")
		welder["手机号码"] = "13600000000"
		noEvent := workerRow("", "吴芳", "11010519960606006")
		j := ent.upload(ct, fill(t, ent.download(templatePath(ct)), "报名表",
			workerRow("电工", "赵敏", "11010519900202002"), // row 3
			workerRow("电工", "周杰", "11010519880808001"), // row 4: 江北化工's worker
			differs, // row 5: 赵敏 again into the same event
			master,  // row 6: 赵敏 as a master, as in row 3: fine
			self,    // row 7: one's own master
			welder,  // row 8: 赵敏 into another event with another mobile
			noEvent, // row 9: into no event, where the contest has two
		))
		if j.Status != "invalid" {
			t.Fatalf("%+v", j)
		}
		mustContain(t, "another enterprise's worker", problemAt(t, j, 4, "D").Message, "不在本单位职工名册中")
		mustContain(t, "a worker entered twice", problemAt(t, j, 5, "D").Message, "与第 3 行重复")
		mustContain(t, "one's own master", problemAt(t, j, 7, "K").Message, "师傅不能是参赛者本人")
		mustContain(t, "one worker with two sets of details", problemAt(t, j, 8, "D").Message, "与第 3 行", "不一致")
		mustContain(t, "the event is required", problemAt(t, j, 9, "A").Message, "必填")
		cells := map[string]bool{}
		for _, p := range j.Problems {
			if p.Row == 6 || p.Row == 3 {
				t.Errorf("a good row has a problem: %+v", p)
			}
			if strings.Contains(p.Message, "江北") || strings.Contains(p.Message, "周杰") {
				t.Errorf("the refusal gives the other enterprise's worker away: %+v", p)
			}
			if cell := fmt.Sprint(p.Column, p.Row); cells[cell] {
				t.Errorf("two problems at %s: %+v", cell, j.Problems)
			}
			cells[fmt.Sprint(p.Column, p.Row)] = true
			if p.Column != "" && p.Header == "" {
				t.Errorf("a problem without its column's header: %+v", p)
			}
		}
		ent.lang = "en"
		var en importJob
		ent.must(200, "GET", importPath(j, ""), nil, &en)
		mustContain(t, "in English", problemAt(t, en, 7, "K").Message, "the master cannot be the entrant")
	})
}

func TestRegistrationImport_AnIDNumberTurnedIntoANumberIsRefusedSayingHowToFixIt(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ct, _ := s.openContest(s.admin(), f.district.ID, 0)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		tpl := ent.download(templatePath(ct))
		file := fill(t, tpl, "报名表", workerRow("电工", "赵敏", "11010519900202002"), workerRow("电工", "钱进", "11010519850505003"))
		book, _ := excelize.OpenReader(bytes.NewReader(file))
		// As a spreadsheet stores an ID number typed into a General cell, and a mobile beside it.
		_ = book.SetCellFloat("报名表", "D3", 110105199002020026, -1, 64)
		_ = book.SetCellValue("报名表", "E4", 13912345678)
		general, _ := book.NewStyle(&excelize.Style{NumFmt: 0})
		_ = book.SetCellStyle("报名表", "D3", "E4", general)
		var buf bytes.Buffer
		_, _ = book.WriteTo(&buf)
		j := ent.upload(ct, buf.Bytes())
		if j.ProblemsTotal != 1 {
			t.Fatalf("problems %+v", j.Problems)
		}
		mustContain(t, "the ID number's problem", problemAt(t, j, 3, "D").Message, "转成了数字", "文本格式")
	})
}

func TestRegistrationImport_BadFilesAreRefusedAtOnceAndKeepNoJob(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		legacy, err := os.ReadFile("../service/workbook/testdata/legacy.xls")
		if err != nil {
			t.Fatal(err)
		}
		encrypted := func() []byte {
			book := ent.download(templatePath(f.contest))
			var buf bytes.Buffer
			_ = book.Write(&buf, excelize.Options{Password: "secret"})
			return buf.Bytes()
		}()
		bomb := func() []byte {
			var buf bytes.Buffer
			z := zip.NewWriter(&buf)
			_, _ = z.Create("xl/workbook.xml")
			w, _ := z.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CompressedSize64: 1, UncompressedSize64: 40 << 30})
			_, _ = w.Write([]byte{0})
			_ = z.Close()
			return buf.Bytes()
		}()
		for _, tc := range []struct {
			name    string
			content []byte
			status  int
			code    string
			says    string
		}{
			{"an .xls workbook", legacy, 415, "legacy_xls", ".xlsx"},
			{"an image", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 415, "not_spreadsheet", "Excel"},
			{"a workbook with a password", encrypted, 400, "encrypted_file", "密码"},
			{"a zip bomb", bomb, 413, "too_large", "MB"},
			{"a damaged workbook", []byte("PK\x03\x04\x14\x00garbage"), 400, "corrupt_file", "损坏"},
			{"a file over 10 MB", bytes.Repeat([]byte("a,b\n"), 3<<20), 413, "too_large", ""},
		} {
			e := ent.mustFail(tc.status, tc.code, "", "POST", importsPath(f.contest), tc.content)
			mustContain(t, tc.name, e.Error.Message, tc.says)
		}
		if n := countRows(t, db, &model.ImportJob{}); n != 0 {
			t.Errorf("%d jobs kept for files that could not be read", n)
		}
	})
}

func TestRegistrationImport_CSVFilesInUTF8AndGB18030AreReadToo(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ct, _ := s.openContest(s.admin(), f.district.ID, 0)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		text := "姓名,性别,身份证号码,手机号码,项目\r\n赵敏,女," + idNumber("11010519900202002") + ",13912345678,电工\r\n" +
			"钱进,男,=\"" + idNumber("11010519850505003") + "\",13912345678,\r\n"
		gb, _ := simplifiedchinese.GB18030.NewEncoder().String(text)
		for name, content := range map[string][]byte{"UTF-8 with BOM": append([]byte("\xEF\xBB\xBF"), text...), "GB18030": []byte(gb)} {
			j := ent.upload(ct, content)
			if j.Status != "checked" || j.Created != 2 {
				t.Errorf("%s: %+v", name, j)
			}
		}
		bad := strings.Replace(text, "13912345678,电工", "1391234567,电工", 1)
		j := ent.upload(ct, []byte(bad))
		p := problemAt(t, j, 2, "D")
		if p.Sheet != "" || p.Header != "手机号码" || p.Value != "1391234567" {
			t.Errorf("a CSV file's problem: %+v", p)
		}
		report := ent.download(importPath(j, "/report"))
		rows, _ := report.GetRows("报名表")
		if len(rows) != 3 || rows[0][5] != "错误说明" || rows[2][2] != "="+`"`+idNumber("11010519850505003")+`"` {
			t.Errorf("a CSV file's report: %q", rows)
		}
	})
}

// TestRegistrationImport_AWorkbookOfAnotherWriterWithItsOwnHeaders: openpyxl
// writes strings inline; the clerk's headers are shuffled, full-width, with
// spaces and line breaks, under a title row; the mobile is a number.
func TestRegistrationImport_AWorkbookOfAnotherWriterWithItsOwnHeaders(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		ct, ev := s.openContest(s.admin(), f.district.ID, 0)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		content := workbooktest.Openpyxl(t, fmt.Sprintf(`
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "职工报名"
ws.append(["清河机床2026年职工技能竞赛报名汇总"])
ws.append(["序号", "手机\n号码", "身份证号", " 姓　名 ", "性别", "本工种工龄（年）", "备注", "ＥＶＥＮＴ"])
ws.append([1, 13912345678, "%s", "赵敏", "女", 8.0, "", "电工"])
ws.append([2, 13700000000, "%s", "钱进", "男", "12", "夜班", "电工"])
`, idNumber("11010519900202002"), idNumber("11010519850505003")))
		j := ent.upload(ct, content)
		if j.Status != "checked" || j.Created != 2 {
			t.Fatalf("%+v", j)
		}
		ent.commit(j)
		var people []model.EventParticipant
		db.Where("event_id = ?", ev.ID).Order("id").Find(&people)
		if len(people) != 2 || people[0].Name != "赵敏" || people[0].Mobile != "13912345678" || people[0].YearsInTrade != 8 ||
			people[1].YearsInTrade != 12 {
			t.Errorf("entered %+v", people)
		}
	})
}

func TestRegistrationTemplate_PerContestOrEventInChineseOrEnglishAndReadBack(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		ct, _ := s.openContestWith(a, f.district.ID, "电工", "钳工")
		var events struct {
			Items []event `json:"items"`
		}
		a.must(200, "GET", fmt.Sprintf("/api/v1/contests/%d/events", ct.ID), nil, &events)
		fitter := events.Items[1]
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		zh := ent.download(templatePath(ct))
		if got := zh.GetSheetList(); !slices.Equal(got, []string{"报名表", "说明"}) {
			t.Errorf("sheets %q", got)
		}
		header, _ := zh.GetRows("报名表")
		if !slices.Equal(header[0][:8], []string{"*项目", "*姓名", "*性别", "*身份证号码", "*手机号码", "工种", "技能等级", "本工种工龄（年）"}) ||
			header[0][8] != "师傅姓名" {
			t.Errorf("header %q", header[0])
		}
		dvs, _ := zh.GetDataValidations("报名表")
		lists := map[string]string{}
		for _, dv := range dvs {
			lists[dv.Sqref] = dv.Formula1
		}
		if lists["A2:A50001"] != `"电工,钳工"` || lists["C2:C50001"] != `"男,女"` || !strings.Contains(lists["G2:G50001"], "三级/高级工") {
			t.Errorf("drop-down lists %q", lists)
		}
		help, _ := zh.GetRows("说明")
		mustContain(t, "the instructions", fmt.Sprint(help), "全市职工技能竞赛", "报名时间", "1.10105E+17")

		// One event's template, in English, read back as it is filled in.
		ent.lang = "en"
		en := ent.download(templatePath(ct) + fmt.Sprintf("?event_id=%d", fitter.ID))
		header, _ = en.GetRows("Registration")
		if header[0][0] != "Event" || header[0][1] != "*Name" || header[0][8] != "Master: Name" || header[1][2] != "Male" {
			t.Errorf("English header and example %q", header[:2])
		}
		j := ent.upload(ct, fill(t, en, "Registration", entryRow{"Name": "赵敏", "Gender": "Female", "ID number": idNumber("11010519900202002"),
			"Mobile": "13912345678", "Skill level": "Level 3 / senior worker"}))
		if j.Status != "checked" || j.Created != 1 || j.Actions[0].Event != "钳工" {
			t.Fatalf("an English sheet of one event naming none: %+v", j)
		}
		if res := ent.do("GET", templatePath(ct)+"?event_id=999999", nil); res.Code != 404 {
			t.Errorf("an event the contest lacks: %d", res.Code)
		}
		var team event
		a.must(201, "POST", "/api/v1/contests", map[string]any{"name": "班组赛", "kind": "skills", "format": "trade", "level": "district", "organiser_id": f.district.ID}, &ct)
		a.must(201, "POST", fmt.Sprintf("/api/v1/contests/%d/events", ct.ID), map[string]any{"name": "班组协作", "entrant_type": "team", "team_size": 3}, &team)
		a.mustFail(409, "conflict", "", "GET", templatePath(ct), nil)
	})
}

// TestRegistrationImport_LargeFilesRunInTheBackgroundAndARestartFailsTheirJobs:
// a job answered while it runs ends as it would have in the request; one that
// a stop of the server cut short is failed at the next start, having written
// nothing.
func TestRegistrationImport_LargeFilesRunInTheBackgroundAndARestartFailsTheirJobs(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServerWith(t, db, func(o *service.Options) { o.BackgroundImportBytes = 1 })
		f := s.fixture()
		ct, _ := s.openContest(s.admin(), f.district.ID, 0)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		file := fill(t, ent.download(templatePath(ct)), "报名表", workerRow("电工", "赵敏", "11010519900202002"), workerRow("电工", "钱进", "11010519850505003"))
		j := ent.upload(ct, file)
		if j.Status != "checking" {
			t.Fatalf("a large file's job as it starts: %+v", j)
		}
		s.svc.WaitForImports()
		ent.must(200, "GET", importPath(j, ""), nil, &j)
		if j.Status != "checked" || j.Created != 2 || j.Version != 2 {
			t.Fatalf("a large file's job, checked: %+v", j)
		}
		entrants := countRows(t, db, &model.Entrant{})
		var started importJob
		ent.must(200, "POST", importPath(j, "/commit"), map[string]int{"version": j.Version}, &started)
		if started.Status != "importing" {
			t.Fatalf("a large file's import as it starts: %+v", started)
		}
		ent.mustFail(409, "stale_version", "", "POST", importPath(j, "/commit"), map[string]int{"version": j.Version})
		s.svc.WaitForImports()
		ent.must(200, "GET", importPath(j, ""), nil, &j)
		if j.Status != "imported" || countRows(t, db, &model.Entrant{}) != entrants+2 {
			t.Fatalf("a large file's job, imported: %+v", j)
		}

		// A server stops while it imports the corrected file: its transaction is rolled back.
		rows := []entryRow{workerRow("电工", "赵敏", "11010519900202002"), workerRow("电工", "钱进", "11010519850505003")}
		rows[0]["手机号码"] = "13700000000"
		cut := ent.upload(ct, fill(t, ent.download(templatePath(ct)), "报名表", rows...))
		s.svc.WaitForImports()
		if err := db.Model(&model.ImportJob{}).Where("id = ?", cut.ID).Updates(map[string]any{"status": "importing", "version": 3}).Error; err != nil {
			t.Fatal(err)
		}
		restarted := newServer(t, db)
		if err := restarted.svc.FailInterruptedImports(t.Context()); err != nil {
			t.Fatal(err)
		}
		again := restarted.login(f.enterpriseAcc.Username, fixturePwd)
		again.must(200, "GET", importPath(cut, ""), nil, &cut)
		var failed struct {
			Error string `json:"error"`
		}
		again.must(200, "GET", importPath(cut, ""), nil, &failed)
		if cut.Status != "failed" || !strings.Contains(failed.Error, "重新启动") {
			t.Errorf("a job cut short by a restart: %+v, %q", cut, failed.Error)
		}
		again.mustFail(409, "conflict", "", "POST", importPath(cut, "/commit"), map[string]int{"version": cut.Version})
		var p model.Person
		db.Where("name = ?", "赵敏").Take(&p)
		if p.Mobile != "13912345678" || countRows(t, db, &model.Entrant{}) != entrants+2 {
			t.Errorf("a job cut short wrote something: %+v", p)
		}
	})
}

// TestRegistrationImport_OrganisersImportForTheEnterprisesOfTheirSubtree:
// each row names its enterprise, by name or credit code; an enterprise
// outside the organiser's union is none it may name.
func TestRegistrationImport_OrganisersImportForTheEnterprisesOfTheirSubtree(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		a := s.admin()
		org := s.login(f.organiser.Username, fixturePwd)

		// The district's organiser: its own enterprise only.
		tpl := org.download(templatePath(f.contest) + "?enterprises=true")
		header, _ := tpl.GetRows("报名表")
		if header[0][1] != "*单位" || header[1][1] != "清河机床" {
			t.Errorf("the organisers' workbook: %q", header[:2])
		}
		dvs, _ := tpl.GetDataValidations("报名表")
		for _, dv := range dvs {
			if dv.Sqref == "B2:B50001" && dv.Formula1 != `"清河机床"` {
				t.Errorf("the enterprises' list: %q", dv.Formula1)
			}
		}
		ours := workerRow("电工", "赵敏", "11010519900202002")
		ours["单位"] = "清河机床"
		theirs := workerRow("电工", "钱进", "11010519850505003")
		theirs["单位"] = codeB
		j := org.upload(f.contest, fill(t, tpl, "报名表", ours, theirs))
		if j.Status != "invalid" || j.ProblemsTotal != 1 {
			t.Fatalf("%+v", j)
		}
		mustContain(t, "another district's enterprise", problemAt(t, j, 4, "B").Message, codeB, "没有")
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		ent.mustFail(403, "forbidden", "", "GET", importPath(j, ""), nil)
		// Not even the city union's admin enters 江北化工 into a contest of 清河区, which 江北化工 does not enter.
		j = a.upload(f.contest, fill(t, a.download(templatePath(f.contest)+"?enterprises=true"), "报名表", theirs))
		mustContain(t, "an enterprise outside the contest", problemAt(t, j, 3, "B").Message, codeB, "没有")

		// The city union's admin: both districts' enterprises, by name or by code.
		ct, ev := s.openContest(a, f.root.ID, 0)
		tpl = a.download(templatePath(ct) + "?enterprises=true")
		theirs["单位"] = codeB
		stranger := workerRow("电工", "王强", "11010519800101001") // 清河机床's worker, named as 江北化工's
		stranger["单位"] = "江北化工"
		j = a.upload(ct, fill(t, tpl, "报名表", ours, theirs, stranger))
		mustContain(t, "a worker of another enterprise's register", problemAt(t, j, 5, "E").Message, "不在本单位职工名册中")
		j = a.upload(ct, fill(t, a.download(templatePath(ct)+"?enterprises=true"), "报名表", ours, theirs))
		if j.Status != "checked" || j.Created != 2 {
			t.Fatalf("%+v", j)
		}
		a.commit(j)
		var entrants []model.Entrant
		db.Where("event_id = ?", ev.ID).Order("id").Find(&entrants)
		if len(entrants) != 2 || entrants[0].EnterpriseID != f.enterprise.ID || entrants[0].EnterpriseName != "清河机床" ||
			entrants[1].EnterpriseID != f.otherEnterprise.ID || entrants[1].EnterpriseName != "江北化工" {
			t.Errorf("entrants %+v", entrants)
		}
		var qian model.Person
		db.Where("name = ?", "钱进").Take(&qian)
		if qian.OrganisationID != f.otherEnterprise.ID {
			t.Errorf("钱进 joined the register of %d, not 江北化工's", qian.OrganisationID)
		}
		// Each enterprise sees its own entry, made for it.
		var page struct {
			Items []entrant `json:"items"`
		}
		ent.must(200, "GET", entrantsPath(ev), nil, &page)
		if len(page.Items) != 1 || page.Items[0].Person.Name != "赵敏" {
			t.Errorf("清河机床 sees %+v", page.Items)
		}
	})
}
