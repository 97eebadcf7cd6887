package service

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// The supervision and arbitration panel (监督仲裁组): the organisers of a
// contest name existing accounts to it (judge or union staff accounts of
// their subtree); its members review appeals and rule on them, and their
// ruling is final.

// Arbitrator is a member of a contest's arbitration panel.
type Arbitrator struct {
	ID               uint      `json:"id"`
	ContestID        uint      `json:"contest_id"`
	AccountID        uint      `json:"account_id"`
	Username         string    `json:"username"`
	DisplayName      string    `json:"display_name"`
	Role             string    `json:"role"`
	OrganisationName string    `json:"organisation_name"`
	NamedAt          time.Time `json:"named_at"`
}

func arbitratorView(a model.Arbitrator) Arbitrator {
	return Arbitrator{ID: a.ID, ContestID: a.ContestID, AccountID: a.AccountID, Username: a.Account.Username, DisplayName: a.Account.DisplayName,
		Role: a.Account.Role, OrganisationName: a.Account.Organisation.Name, NamedAt: a.NamedAt}
}

// arbitrates tells whether the caller is on a contest's arbitration panel.
func (s *Service) arbitrates(ctx context.Context, c Caller, contestID uint) (bool, error) {
	var n int64
	err := s.conn(ctx).Model(&model.Arbitrator{}).Where("contest_id = ? AND account_id = ?", contestID, c.AccountID).Count(&n).Error
	return n > 0, err
}

// ListArbitrators lists a contest's arbitration panel: for its organisers
// and the panel's members.
func (s *Service) ListArbitrators(ctx context.Context, c Caller, contestID uint) ([]Arbitrator, error) {
	ct, err := s.loadContest(ctx, contestID)
	if err != nil {
		return nil, err
	}
	if !c.runs(ct) {
		member, err := s.arbitrates(ctx, c, ct.ID)
		if err != nil {
			return nil, err
		}
		if !member {
			return nil, forbidden()
		}
	}
	var rows []model.Arbitrator
	if err := s.conn(ctx).Preload("Account.Organisation").Where("contest_id = ?", ct.ID).Order("id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Arbitrator, len(rows))
	for i, r := range rows {
		out[i] = arbitratorView(r)
	}
	return out, nil
}

// arbitrationContest loads a contest whose panel the caller forms: its
// organisers, until it is final.
func (s *Service) arbitrationContest(ctx context.Context, c Caller, contestID uint) (model.Contest, error) {
	ct, err := s.runContest(ctx, c, contestID)
	if err != nil {
		return ct, err
	}
	if stepOrder(ct.Status, model.StepFinal) >= 0 {
		return ct, wrongStep(ct.Status)
	}
	return ct, nil
}

// NameArbitrator names an account to a contest's arbitration panel: a judge
// or union staff account, enabled, of an organisation the organiser sees.
func (s *Service) NameArbitrator(ctx context.Context, c Caller, contestID, accountID uint) (Arbitrator, error) {
	var out Arbitrator
	err := s.tx(ctx, func(ctx context.Context) error {
		ct, err := s.arbitrationContest(ctx, c, contestID)
		if err != nil {
			return err
		}
		acc, err := s.loadAccount(ctx, accountID)
		var se *Error
		if errors.As(err, &se) && se.Kind == KindNotFound {
			return invalid(field("account_id", "arbitrator_account"))
		}
		if err != nil {
			return err
		}
		if (acc.Role != model.RoleJudge && acc.Role != model.RoleOrganiser) || acc.Disabled || !c.sees(acc.Organisation.Path) {
			return invalid(field("account_id", "arbitrator_account"))
		}
		row := model.Arbitrator{ContestID: ct.ID, AccountID: acc.ID, NamedBy: c.AccountID, NamedAt: s.now()}
		if err := s.conn(ctx).Omit("Account").Create(&row).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return duplicate("account_id", "arbitrator_exists", acc.DisplayName)
			}
			return err
		}
		row.Account = acc
		out = arbitratorView(row)
		return s.audit(ctx, c, "arbitration.name", "contest", ct.ID, nil, out)
	})
	return out, err
}

// RemoveArbitrator takes an account off a contest's arbitration panel.
func (s *Service) RemoveArbitrator(ctx context.Context, c Caller, id uint) error {
	return s.tx(ctx, func(ctx context.Context) error {
		var row model.Arbitrator
		if err := s.conn(ctx).Preload("Account.Organisation").Take(&row, id).Error; err != nil {
			return notFoundOr(err, "arbitrator")
		}
		ct, err := s.arbitrationContest(ctx, c, row.ContestID)
		if err != nil {
			return err
		}
		if err := s.conn(ctx).Delete(&model.Arbitrator{}, row.ID).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "arbitration.remove", "contest", ct.ID, arbitratorView(row), nil)
	})
}

// ArbitratedContest is a contest whose arbitration panel the caller is on,
// with how many of its appeals wait for a ruling.
type ArbitratedContest struct {
	ContestID   uint   `json:"contest_id"`
	ContestName string `json:"contest_name"`
	Status      string `json:"status"`
	OpenAppeals int64  `json:"open_appeals"`
}

// ArbitratedContests lists the contests whose arbitration panel the caller
// is on: where a panel member finds its queue.
func (s *Service) ArbitratedContests(ctx context.Context, c Caller) ([]ArbitratedContest, error) {
	out := []ArbitratedContest{}
	err := s.conn(ctx).Table("arbitrators").
		Select("contests.id AS contest_id, contests.name AS contest_name, contests.status AS status, "+
			"(SELECT COUNT(*) FROM appeals WHERE appeals.contest_id = contests.id AND appeals.open_key IS NOT NULL) AS open_appeals").
		Joins("JOIN contests ON contests.id = arbitrators.contest_id").
		Where("arbitrators.account_id = ?", c.AccountID).Order("contests.id DESC").Scan(&out).Error
	return out, err
}
