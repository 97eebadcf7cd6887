package service

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// The pools are read by union staff and enterprises as the rest of the
// register is: the talent pool (技能人才库) and the achievement library
// (技术成果库) show the unions above a winner's enterprise and that
// enterprise itself what its workers won; the expert pool (技术专家库) is the
// federation's, shared by all its union staff, so that any union may invite
// a judge that another one trained; enterprises and judges do not see it.

// PoolFilter narrows a pool. Q matches a part of a name, Trade a part of a
// trade (for achievements, a category), each through an index of the parts
// (pools_search.go); UnionID keeps the enterprises below that union.
type PoolFilter struct {
	Q       string
	Trade   string
	Year    int
	Award   string
	UnionID uint
}

// Talent is a worker given an award in a skills contest made final.
type Talent struct {
	ID             uint      `json:"id"`
	Name           string    `json:"name"`
	EnterpriseID   uint      `json:"enterprise_id"`
	EnterpriseName string    `json:"enterprise_name"`
	Trade          string    `json:"trade"`
	SkillLevel     string    `json:"skill_level"`
	ContestID      uint      `json:"contest_id"`
	ContestName    string    `json:"contest_name"`
	EventID        uint      `json:"event_id"`
	EventName      string    `json:"event_name"`
	Year           int       `json:"year"`
	Award          string    `json:"award"`
	Rank           int       `json:"rank"`
	Titles         []string  `json:"titles"`
	AwardedAt      time.Time `json:"awarded_at"`
}

func talentView(w model.AwardWinner) Talent {
	return Talent{ID: w.ID, Name: w.Name, EnterpriseID: w.EnterpriseID, EnterpriseName: w.EnterpriseName, Trade: w.Trade,
		SkillLevel: w.SkillLevel, ContestID: w.ContestID, ContestName: w.ContestName, EventID: w.EventID, EventName: w.EventName,
		Year: w.Year, Award: w.Award, Rank: w.RankPlace, Titles: splitTitles(w.Titles), AwardedAt: w.AwardedAt}
}

func splitTitles(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "、")
}

// Achievement is an awarded entry of an innovation (五小) contest made final.
type Achievement struct {
	ID             uint      `json:"id"`
	Title          string    `json:"title"`
	Authors        string    `json:"authors"`
	EnterpriseID   uint      `json:"enterprise_id"`
	EnterpriseName string    `json:"enterprise_name"`
	Category       string    `json:"category"`
	ContestID      uint      `json:"contest_id"`
	ContestName    string    `json:"contest_name"`
	Year           int       `json:"year"`
	Award          string    `json:"award"`
	Rank           int       `json:"rank"`
	AwardedAt      time.Time `json:"awarded_at"`
}

func achievementView(a model.PoolAchievement) Achievement {
	return Achievement{ID: a.ID, Title: a.Title, Authors: a.Authors, EnterpriseID: a.EnterpriseID, EnterpriseName: a.EnterpriseName,
		Category: a.Category, ContestID: a.ContestID, ContestName: a.ContestName, Year: a.Year, Award: a.Award, Rank: a.RankPlace,
		AwardedAt: a.AwardedAt}
}

// poolScope limits a pool's rows to the enterprises the caller sees and,
// when asked, to those below one union.
func (s *Service) poolScope(ctx context.Context, c Caller, q *gorm.DB, column string, unionID uint) (*gorm.DB, error) {
	if c.seesOnlyAssigned() {
		return nil, forbidden()
	}
	q = c.scopeByOrganisation(q, column)
	if unionID == 0 {
		return q, nil
	}
	var union model.Organisation
	if err := s.conn(ctx).Take(&union, unionID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, invalid(field("union_id", "pool_union_unknown", unionID))
	} else if err != nil {
		return nil, err
	}
	return q.Where(column+" IN (?)", q.Session(&gorm.Session{NewDB: true}).Model(&model.Organisation{}).Select("id").
		Where("path LIKE ?", union.Path+"%")), nil
}

// ListTalents pages through the talent pool, newest award first.
func (s *Service) ListTalents(ctx context.Context, c Caller, f PoolFilter, p PageRequest) (Page[Talent], error) {
	q, err := s.talents(ctx, c, f)
	if err != nil {
		return Page[Talent]{}, err
	}
	return paged(q, p, "award_winners.id DESC", talentView)
}

// talents are the rows of the talent pool the caller sees, filtered.
func (s *Service) talents(ctx context.Context, c Caller, f PoolFilter) (*gorm.DB, error) {
	q := s.conn(ctx).Model(&model.AwardWinner{})
	if searchPart(f.Q) == "" {
		// Only the pool's rows have parts (writeTalentParts), so a search
		// keeps to the pool without this, which would lead SQLite to read
		// the pool's index whole instead of the parts found.
		q = q.Where("award_winners.pool = ?", model.PoolTalent)
	}
	q, err := s.poolScope(ctx, c, withPart(q, "award_winners.id", winnerParts, f.Q, "award_winners.name"), "award_winners.enterprise_id", f.UnionID)
	if err != nil {
		return nil, err
	}
	return s.narrowPool(ctx, q, f, "award_winners", "trade")
}

// ListAchievements pages through the achievement library, newest award first.
func (s *Service) ListAchievements(ctx context.Context, c Caller, f PoolFilter, p PageRequest) (Page[Achievement], error) {
	q, err := s.poolScope(ctx, c, s.conn(ctx).Model(&model.PoolAchievement{}), "pool_achievements.enterprise_id", f.UnionID)
	if err != nil {
		return Page[Achievement]{}, err
	}
	q, err = s.narrowPool(ctx, withPart(q, "pool_achievements.id", achievementParts, f.Q, "pool_achievements.title", "pool_achievements.authors"),
		f, "pool_achievements", "category")
	if err != nil {
		return Page[Achievement]{}, err
	}
	return paged(q, p, "pool_achievements.id DESC", achievementView)
}

// narrowPool keeps a pool's rows of the filter's trade (a part of the
// column named), year and award, which the pool's indexes serve.
func (s *Service) narrowPool(ctx context.Context, q *gorm.DB, f PoolFilter, table, tradeColumn string) (*gorm.DB, error) {
	if searchPart(f.Trade) != "" {
		terms, err := s.termsHolding(ctx, f.Trade)
		if err != nil {
			return nil, err
		}
		q = q.Where(table+"."+tradeColumn+" IN ?", terms)
	}
	if f.Year != 0 {
		q = q.Where(table+".year = ?", f.Year)
	}
	if f.Award != "" {
		q = q.Where(table+".award = ?", f.Award)
	}
	return q, nil
}

// Expert is a judge of contests made final, with the trades and contests
// judged; its id is the judge's account.
type Expert struct {
	ID               uint         `json:"id"`
	Name             string       `json:"name"`
	OrganisationName string       `json:"organisation_name"`
	Trades           []string     `json:"trades"`
	Duties           []ExpertDuty `json:"duties"`
}

// ExpertDuty is one event an expert judged.
type ExpertDuty struct {
	ContestID   uint   `json:"contest_id"`
	ContestName string `json:"contest_name"`
	EventName   string `json:"event_name"`
	Trade       string `json:"trade"`
	Duty        string `json:"duty"`
	Year        int    `json:"year"`
}

// ListExperts pages through the expert pool, by judge, the one who judged
// most recently first; union staff only.
func (s *Service) ListExperts(ctx context.Context, c Caller, f PoolFilter, p PageRequest) (Page[Expert], error) {
	if !c.mayBrowseTree() {
		return Page[Expert]{}, forbidden()
	}
	db := s.conn(ctx)
	q := withPart(db.Model(&model.PoolExpert{}), "pool_experts.id", expertParts, f.Q, "pool_experts.name")
	// Experts have no award to filter by.
	q, err := s.narrowPool(ctx, q, PoolFilter{Trade: f.Trade, Year: f.Year}, "pool_experts", "trade")
	if err != nil {
		return Page[Expert]{}, err
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Distinct("account_id").Count(&total).Error; err != nil {
		return Page[Expert]{}, err
	}
	var ids []uint
	if err := p.apply(q.Session(&gorm.Session{})).Select("account_id").Group("account_id").Order("MAX(id) DESC").Pluck("account_id", &ids).Error; err != nil {
		return Page[Expert]{}, err
	}
	var rows []model.PoolExpert
	if err := db.Where("account_id IN ?", append(ids, 0)).Order("id DESC").Find(&rows).Error; err != nil {
		return Page[Expert]{}, err
	}
	byAccount := map[uint]*Expert{}
	for _, r := range rows {
		e, ok := byAccount[r.AccountID]
		if !ok {
			e = &Expert{ID: r.AccountID, Name: r.Name, OrganisationName: r.OrganisationName, Trades: []string{}, Duties: []ExpertDuty{}}
			byAccount[r.AccountID] = e
		}
		if r.Trade != "" && !slices.Contains(e.Trades, r.Trade) {
			e.Trades = append(e.Trades, r.Trade)
		}
		e.Duties = append(e.Duties, ExpertDuty{ContestID: r.ContestID, ContestName: r.ContestName, EventName: r.EventName, Trade: r.Trade, Duty: r.Duty, Year: r.Year})
	}
	items := make([]Expert, 0, len(ids))
	for _, id := range ids {
		items = append(items, *byAccount[id])
	}
	return Page[Expert]{Items: items, Total: total, Page: p.Page, PageSize: p.PageSize}, nil
}
