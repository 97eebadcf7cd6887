package service

import (
	"context"
	"math"
	"net/netip"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"leitai/model"
)

// Failed logins are counted three ways, so that guessing is slow and nobody
// can lock the real owner out (OWASP ASVS 2.2.1):
//   - per account and client address: a few free tries, then a growing wait
//     for that address only; the owner elsewhere still gets in;
//   - per client address across usernames: an address trying many accounts
//     is slowed down as a whole;
//   - per account across all addresses: a much higher ceiling, which only a
//     guesser with many addresses reaches.
//
// The counts live in the database, so that several app servers share them.

// throttleRule says how many failures a counter lets through before it locks,
// and for how long: the first lock, doubled for each further failure, up to max.
// A successful login clears the account's own counters; the address's count
// across usernames stays, or a guesser could clear it by logging in to an
// account of its own.
type throttleRule struct {
	free             int
	first, max       time.Duration
	keyOf            func(account, addr string) string
	clearedOnSuccess bool
}

var throttleRules = []throttleRule{
	{free: 5, first: 30 * time.Second, max: 15 * time.Minute, clearedOnSuccess: true,
		keyOf: func(account, addr string) string { return "acct:" + account + "|addr:" + addr }},
	{free: 30, first: time.Minute, max: 15 * time.Minute,
		keyOf: func(_, addr string) string { return "addr:" + addr }},
	{free: 100, first: 15 * time.Minute, max: 15 * time.Minute, clearedOnSuccess: true,
		keyOf: func(account, _ string) string { return "acct:" + account }},
}

// failureMemory forgets a run of failures after this much quiet.
const failureMemory = time.Hour

// throttleKeys names the counters of one login attempt, in throttleRules' order.
func throttleKeys(username, clientAddr string) []string {
	account := []rune(strings.ToLower(strings.TrimSpace(username)))
	if len(account) > 32 {
		account = account[:32] // no account has a longer name
	}
	addr := clientBlock(clientAddr)
	keys := make([]string, len(throttleRules))
	for i, r := range throttleRules {
		keys[i] = r.keyOf(string(account), addr)
	}
	return keys
}

// clientBlock is the unit an address is throttled by: an IPv4 address, or the
// /64 network of an IPv6 one, since one IPv6 client holds a whole /64.
func clientBlock(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return "unknown"
	}
	ip = ip.Unmap()
	if ip.Is4() {
		return ip.String()
	}
	return netip.PrefixFrom(ip, 64).Masked().String()
}

// throttleWait is how long the login must wait, or 0 when none of its
// counters is locked.
func (s *Service) throttleWait(ctx context.Context, keys []string) (time.Duration, error) {
	var rows []model.LoginThrottle
	if err := s.conn(ctx).Where("throttle_key IN ?", keys).Find(&rows).Error; err != nil {
		return 0, err
	}
	now := s.now()
	var wait time.Duration
	for _, th := range rows {
		if th.LockedUntil != nil && th.LockedUntil.After(now) {
			wait = max(wait, th.LockedUntil.Sub(now))
		}
	}
	return wait, nil
}

// recordFailure counts a wrong password on every counter of the attempt and
// locks those that are over their limit. Each count is one atomic upsert, so
// that failures arriving at once are all counted.
func (s *Service) recordFailure(ctx context.Context, keys []string) error {
	now := s.now()
	forgetBefore := now.Add(-failureMemory)
	return s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		for i, key := range keys {
			// The assignments run in this order on MySQL, each seeing the ones before:
			// failures and locked_until read last_failure_at before it moves on.
			err := tx.Clauses(clause.OnConflict{
				Columns: []clause.Column{{Name: "throttle_key"}},
				DoUpdates: clause.Set{
					{Column: clause.Column{Name: "failures"}, Value: gorm.Expr("CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END", forgetBefore)},
					{Column: clause.Column{Name: "locked_until"}, Value: gorm.Expr("CASE WHEN last_failure_at < ? THEN NULL ELSE locked_until END", forgetBefore)},
					{Column: clause.Column{Name: "last_failure_at"}, Value: now},
				},
			}).Create(&model.LoginThrottle{ThrottleKey: key, Failures: 1, LastFailureAt: now}).Error
			if err != nil {
				return err
			}
			var th model.LoginThrottle
			if err := tx.Where("throttle_key = ?", key).Take(&th).Error; err != nil {
				return err
			}
			rule := throttleRules[i]
			if th.Failures < rule.free {
				continue
			}
			wait := time.Duration(float64(rule.first) * math.Pow(2, float64(th.Failures-rule.free)))
			if wait > rule.max || wait <= 0 {
				wait = rule.max
			}
			if err := tx.Model(&model.LoginThrottle{}).Where("throttle_key = ?", key).Update("locked_until", now.Add(wait)).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// forgetFailures clears the counters a successful login clears, and those
// nobody has touched for a while.
func (s *Service) forgetFailures(ctx context.Context, keys []string) error {
	tx := s.conn(ctx)
	var cleared []string
	for i, r := range throttleRules {
		if r.clearedOnSuccess {
			cleared = append(cleared, keys[i])
		}
	}
	if err := tx.Where("throttle_key IN ?", cleared).Delete(&model.LoginThrottle{}).Error; err != nil {
		return err
	}
	now := s.now()
	return tx.Where("last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?)", now.Add(-failureMemory), now).
		Delete(&model.LoginThrottle{}).Error
}

func tooManyAttempts(wait time.Duration) *Error {
	secs := int(math.Ceil(wait.Seconds()))
	return &Error{Kind: KindTooMany, Code: "too_many_attempts", Text: T("too_many_attempts", secs), RetryAfter: time.Duration(secs) * time.Second}
}
