package service

import (
	"context"
	"fmt"
	"time"

	"leitai/model"
)

// DemoPassword is the password of every demo account.
const DemoPassword = "Demo2026!"

// demoRootName marks a database the demo has been loaded into.
const demoRootName = "示范市总工会"

type demoOrg struct {
	key, parent, kind, name, region, industry, codeBase string
}

var demoOrgs = []demoOrg{
	{"qh", "", model.KindDistrictUnion, "清河区总工会", "清河区", "", ""},
	{"jb", "", model.KindDistrictUnion, "江北区总工会", "江北区", "", ""},
	{"jx", "", model.KindIndustryUnion, "市机械冶金工会", "", "机械冶金", ""},
	{"e1", "qh", model.KindEnterprise, "清河机床集团有限公司", "清河区", "装备制造", "91320102MA1QH0001"},
	{"e2", "qh", model.KindEnterprise, "清河电力设备有限公司", "清河区", "电力", "91320102MA1QH0002"},
	{"e3", "jb", model.KindEnterprise, "江北化工股份有限公司", "江北区", "化工", "91320111MA1JB0003"},
	{"e4", "jb", model.KindEnterprise, "江北建设工程有限公司", "江北区", "建筑", "91320111MA1JB0004"},
	{"e5", "jx", model.KindEnterprise, "市重型机械厂", "清河区", "装备制造", "91320100MA1JX0005"},
	{"e6", "jx", model.KindEnterprise, "市钢铁有限责任公司", "江北区", "冶金", "91320100MA1JX0006"},
}

type demoAccount struct{ username, name, role, org string }

var demoAccounts = []demoAccount{
	{"org_qh", "清河区总工会 王主任", model.RoleOrganiser, "qh"},
	{"org_jb", "江北区总工会 李主任", model.RoleOrganiser, "jb"},
	{"org_jx", "市机械冶金工会 赵部长", model.RoleOrganiser, "jx"},
	{"ent_1", "清河机床 工会 周", model.RoleEnterprise, "e1"},
	{"ent_2", "清河电力 人力资源部 吴", model.RoleEnterprise, "e2"},
	{"ent_3", "江北化工 工会 郑", model.RoleEnterprise, "e3"},
	{"ent_4", "江北建设 工会 孙", model.RoleEnterprise, "e4"},
	{"ent_5", "重型机械厂 工会 钱", model.RoleEnterprise, "e5"},
	{"ent_6", "市钢铁 人力资源部 冯", model.RoleEnterprise, "e6"},
	{"judge_1", "裁判 陈国强", model.RoleJudge, ""},
	{"judge_2", "裁判 刘建华", model.RoleJudge, ""},
	{"judge_3", "裁判 黄志明", model.RoleJudge, "e5"},
	{"judge_4", "裁判 杨秀英", model.RoleJudge, "e3"},
}

var (
	demoSurnames = []string{"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"}
	// demoGiven are given names by the gender they are usual for.
	demoGiven = map[string][]string{
		"male":   {"伟", "建国", "志强", "海涛", "明", "立新"},
		"female": {"芳", "秀兰", "丽娟", "静", "晓燕", "桂英"},
	}
	demoTrades  = []string{"电工", "焊工", "钳工", "车工", "数控车工"}
	demoRegions = []string{"320102", "320111", "320104", "320106"}
)

// LoadDemo fills a new database with a small city federation: three unions
// under the city union, six enterprises, forty workers, accounts for each role
// with the password DemoPassword, and three contests. It is one transaction: a
// failure leaves the database as it was, and the next run starts again. A
// database that has the demo already is left alone; one that has anything
// else than its first start made is refused, so that a real federation never
// gets demo accounts with a published password.
func (s *Service) LoadDemo(ctx context.Context) error {
	hash, err := s.hashPassword(ctx, DemoPassword)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		var root model.Organisation
		if err := tx.Where("parent_id IS NULL").Take(&root).Error; err != nil {
			return fmt.Errorf("demo needs the city union; start once without --demo first: %w", err)
		}
		if root.Name == demoRootName {
			return nil
		}
		var orgCount, accountCount int64
		if err := tx.Model(&model.Organisation{}).Count(&orgCount).Error; err != nil {
			return err
		}
		if err := tx.Model(&model.Account{}).Count(&accountCount).Error; err != nil {
			return err
		}
		if orgCount != 1 || accountCount != 1 {
			return fmt.Errorf("the demo loads only into a new database, and this one has %d organisations and %d accounts; give the demo its own, as --db sqlite:./data/demo.db", orgCount, accountCount)
		}
		if err := tx.Model(&root).Updates(map[string]any{"name": demoRootName, "version": root.Version + 1}).Error; err != nil {
			return err
		}
		orgs := map[string]model.Organisation{"": root}
		for _, d := range demoOrgs {
			parent := orgs[d.parent]
			o := model.Organisation{ParentID: &parent.ID, Kind: d.kind, Name: d.name, Region: d.region, Industry: d.industry, Version: 1}
			if d.codeBase != "" {
				check, _ := CreditCodeCheck(d.codeBase)
				code := d.codeBase + string(check)
				o.CreditCode = &code
			}
			if err := tx.Create(&o).Error; err != nil {
				return err
			}
			o.Path = fmt.Sprintf("%s%d/", parent.Path, o.ID)
			if err := tx.Model(&o).Update("path", o.Path).Error; err != nil {
				return err
			}
			orgs[d.key] = o
		}
		for _, a := range demoAccounts {
			acc := model.Account{Username: a.username, UsernameKey: a.username, DisplayName: a.name, Role: a.role,
				OrganisationID: orgs[a.org].ID, PasswordHash: hash, Version: 1}
			if err := tx.Omit("Organisation").Create(&acc).Error; err != nil {
				return err
			}
		}
		if err := tx.Create(demoPeople(orgs)).Error; err != nil {
			return err
		}
		return s.loadDemoContests(ctx)
	})
}

// demoCaller acts as a demo account, as its session would.
func (s *Service) demoCaller(ctx context.Context, username string) (Caller, error) {
	var a model.Account
	if err := s.conn(ctx).Preload("Organisation").Where("username_key = ?", username).Take(&a).Error; err != nil {
		return Caller{}, err
	}
	return Caller{AccountID: a.ID, Username: a.Username, Role: a.Role, OrganisationID: a.OrganisationID, OrganisationName: a.Organisation.Name,
		OrgPath: a.Organisation.Path}, nil
}

// loadDemoContests adds a city technique contest open for registration with
// three trades and entries from the enterprises, a 五比一创 labour contest and
// a 五小 innovation evaluation, through the same rules as the API.
func (s *Service) loadDemoContests(ctx context.Context) error {
	admin, err := s.demoCaller(ctx, "admin")
	if err != nil {
		return err
	}
	now := s.now()
	opens, closes := now.Add(-24*time.Hour), now.Add(30*24*time.Hour)
	str := func(v string) *string { return &v }
	skills, err := s.CreateContest(ctx, admin, ContestInput{Name: str("2026年全市职工职业技能竞赛"), Kind: str(KindSkills), Format: str("trade"),
		Level: str("city"), Description: str("电工、焊工、钳工三个工种，理论考试占30%，实操考核占70%。"), RegistrationOpensAt: &opens, RegistrationClosesAt: &closes})
	if err != nil {
		return err
	}
	var events []Event
	for _, trade := range []string{"电工", "焊工", "钳工"} {
		quota, stations := 5, 10
		ev, err := s.CreateEvent(ctx, admin, skills.ID, EventInput{Name: str(trade), Trade: str(trade), QuotaPerEnterprise: &quota, Stations: &stations})
		if err != nil {
			return err
		}
		events = append(events, ev)
	}
	if _, err := s.MoveContest(ctx, admin, skills.ID, model.StepRegistrationOpen, "方案已审定"); err != nil {
		return err
	}
	var people []model.Person
	if err := s.conn(ctx).Preload("Organisation").Order("id").Find(&people).Error; err != nil {
		return err
	}
	for i, p := range people[:18] {
		ent, err := s.demoCaller(ctx, fmt.Sprintf("ent_%d", 1+i%6))
		if err != nil {
			return err
		}
		in := PersonInput{Version: p.Version, Name: p.Name, Gender: p.Gender, IDNumber: p.IDNumber, Mobile: p.Mobile, Trade: events[i%3].Name, SkillLevel: p.SkillLevel, YearsInTrade: 3 + i%15}
		e, err := s.Register(ctx, ent, events[i%3].ID, Registration{Person: &in})
		if err != nil {
			return fmt.Errorf("demo registration of %s: %w", p.Name, err)
		}
		if i%3 != 2 {
			if _, err := s.Review(ctx, admin, e.ID, "approve", "", e.Version); err != nil {
				return err
			}
		}
	}
	// The 电工 event's panel: a chief judge, two judges (one of 市重型机械厂, whose
	// entrants it never sees) and a check-in clerk.
	for _, m := range []struct {
		username, duty string
		stages         []string
	}{{"judge_1", DutyChief, nil}, {"judge_2", DutyJudge, []string{"theory", "practical"}}, {"judge_3", DutyJudge, []string{"practical"}},
		{"judge_4", DutyCheckIn, nil}} {
		var acc model.Account
		if err := s.conn(ctx).Where("username = ?", m.username).Take(&acc).Error; err != nil {
			return err
		}
		if _, err := s.AddPanelMember(ctx, admin, events[0].ID, PanelInput{AccountID: acc.ID, Duty: m.duty, Stages: m.stages}); err != nil {
			return fmt.Errorf("demo panel: %w", err)
		}
	}
	// The 五小 evaluation is the district's own, so that its organiser has one to run.
	district, err := s.demoCaller(ctx, "org_qh")
	if err != nil {
		return err
	}
	for _, c := range []ContestInput{
		{Name: str("2026年“五比一创”劳动竞赛"), Kind: str(KindLabour), Level: str("city"), Description: str("比学习、比技术、比安全、比质量、比效益，创一流。")},
		{Name: str("2026年清河区“五小”创新成果评选"), Kind: str(KindInnovation), Level: str("district"), OrganiserID: &district.OrganisationID,
			Description: str("小发明、小创造、小革新、小设计、小建议。")},
	} {
		c.RegistrationOpensAt, c.RegistrationClosesAt = &opens, &closes
		if _, err := s.CreateContest(ctx, admin, c); err != nil {
			return err
		}
	}
	return nil
}

// demoPeople makes forty workers with valid, made-up ID numbers, spread over
// the six enterprises.
func demoPeople(orgs map[string]model.Organisation) []model.Person {
	people := make([]model.Person, 0, 40)
	for i := 0; i < 40; i++ {
		gender := "male"
		if i%3 == 1 {
			gender = "female"
		}
		seq := 100 + i*2
		if gender == "male" {
			seq++ // the 17th digit is odd for men, even for women
		}
		first17 := fmt.Sprintf("%s%04d%02d%02d%03d", demoRegions[i%len(demoRegions)], 1970+i%28, 1+i%12, 1+(i*7)%28, seq)
		check, _ := IDNumberCheck(first17)
		org := orgs[fmt.Sprintf("e%d", 1+i%6)]
		people = append(people, model.Person{
			OrganisationID: org.ID,
			Name:           demoSurnames[i%len(demoSurnames)] + demoGiven[gender][(i*5)%len(demoGiven[gender])],
			Gender:         gender,
			IDNumber:       first17 + string(check),
			Mobile:         fmt.Sprintf("139%08d", 12340000+i*7919),
			Trade:          demoTrades[i%len(demoTrades)],
			SkillLevel:     SkillLevels[i%len(SkillLevels)],
			Version:        1,
		})
	}
	return people
}
