package service

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	mrand "math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// Assignment is what the draw gives one entrant: an anonymous number and,
// where the event has stations, a station and a session.
type Assignment struct {
	EntrantID  uint   `json:"entrant_id"`
	DrawNumber string `json:"draw_number"`
	Station    int    `json:"station"`
	Session    int    `json:"session"`
}

// DrawNumbers shuffles the entrants with a generator seeded by seed, so the
// same seed and the same entrants always give the same numbers. Numbers are
// 001, 002 …; with stations, entrants fill stations 1..n of session 1, then of
// session 2, and so on.
func DrawNumbers(entrantIDs []uint, seed uint64, stations int) []Assignment {
	ids := slices.Clone(entrantIDs)
	slices.Sort(ids)
	rng := seededRand(seed)
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	out := make([]Assignment, len(ids))
	for i, id := range ids {
		a := Assignment{EntrantID: id, DrawNumber: entrantNumber(i, len(ids))}
		if stations > 0 {
			a.Station, a.Session = i%stations+1, i/stations+1
		}
		out[i] = a
	}
	return out
}

// entrantNumber is the number of the i-th (from 0) of n entrants: 001, 002 …,
// wider where there are more than 999.
func entrantNumber(i, n int) string {
	return fmt.Sprintf("%0*d", max(3, len(strconv.Itoa(n))), i+1)
}

// seededRand is the generator of every recorded draw: the same seed gives
// the same sequence, which is what lets anyone holding the seed run a draw
// again and check it.
func seededRand(seed uint64) *mrand.Rand {
	return mrand.New(mrand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// formatSeed is how a draw's seed is recorded and shown.
func formatSeed(seed uint64) string { return fmt.Sprintf("%016x", seed) }

// Draw is the record of an event's draw.
type Draw struct {
	EventID     uint         `json:"event_id"`
	Seed        string       `json:"seed"`
	DrawnAt     time.Time    `json:"drawn_at"`
	DrawnBy     string       `json:"drawn_by"`
	Assignments []Assignment `json:"assignments"`
}

func parseSeed(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return 0, err
		}
		return binary.BigEndian.Uint64(b[:]), nil
	}
	v, err := strconv.ParseUint(s, 16, 64)
	if err != nil {
		return 0, invalid(field("seed", "seed_format"))
	}
	return v, nil
}

// RunDraw draws the approved entrants of an event once registration has
// closed. Every entry must have been reviewed first.
func (s *Service) RunDraw(ctx context.Context, c Caller, eventID uint, seedText string) (Draw, error) {
	seed, err := parseSeed(seedText)
	if err != nil {
		return Draw{}, err
	}
	err = s.tx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		ev, ct, err := s.runLockedEvent(ctx, c, eventID)
		if err != nil {
			return err
		}
		if ct.Status != model.StepRegistrationClosed {
			return wrongStep(ct.Status)
		}
		if numbersWithoutDraw(ct.Kind) {
			return conflict("numbered_without_draw")
		}
		if ev.DrawnAt != nil {
			return conflict("already_drawn", ev.Name)
		}
		var pending int64
		if err := tx.Model(&model.Entrant{}).Where("event_id = ? AND status = ?", ev.ID, EntrantPending).Count(&pending).Error; err != nil {
			return err
		}
		if pending > 0 {
			return conflict("pending_before_draw", pending)
		}
		var ids []uint
		if err := tx.Model(&model.Entrant{}).Where("event_id = ? AND status = ?", ev.ID, EntrantApproved).Pluck("id", &ids).Error; err != nil {
			return err
		}
		if len(ids) == 0 {
			return conflict("nobody_to_draw")
		}
		assignments := DrawNumbers(ids, seed, ev.Stations)
		for _, a := range assignments {
			// The status condition holds against a review that landed after the read above.
			res := tx.Model(&model.Entrant{}).Where("id = ? AND status = ?", a.EntrantID, EntrantApproved).Updates(map[string]any{
				"draw_number": a.DrawNumber, "station": a.Station, "session": a.Session, "version": gorm.Expr("version + 1")})
			if err := versionedResult(res); err != nil {
				return err
			}
		}
		now := s.now()
		if err := s.updateVersioned(ctx, &model.Event{}, ev.ID, ev.Version, map[string]any{"drawn_at": now}); err != nil {
			return err
		}
		d := model.Draw{EventID: ev.ID, Seed: formatSeed(seed), DrawnBy: c.AccountID, EntrantCount: len(ids), CreatedAt: now}
		if err := tx.Create(&d).Error; err != nil {
			return err
		}
		return s.audit(ctx, c, "event.draw", "event", ev.ID, nil, map[string]any{"seed": d.Seed, "entrants": len(ids)})
	})
	if err != nil {
		return Draw{}, err
	}
	return s.GetDraw(ctx, c, eventID)
}

// GetDraw shows an event's draw to its organisers.
func (s *Service) GetDraw(ctx context.Context, c Caller, eventID uint) (Draw, error) {
	db := s.conn(ctx)
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return Draw{}, err
	}
	if _, err := s.runContest(ctx, c, ev.ContestID); err != nil {
		return Draw{}, err
	}
	var d model.Draw
	if err := db.Where("event_id = ?", ev.ID).Take(&d).Error; err != nil {
		return Draw{}, notFoundOr(err, "draw")
	}
	var by model.Account
	if err := db.Select("display_name").Take(&by, d.DrawnBy).Error; err != nil {
		return Draw{}, fmt.Errorf("draw of event %d: who drew it: %w", ev.ID, err)
	}
	var rows []model.Entrant
	if err := db.Where("event_id = ? AND draw_number <> ''", ev.ID).Order("draw_number").Find(&rows).Error; err != nil {
		return Draw{}, err
	}
	out := Draw{EventID: ev.ID, Seed: d.Seed, DrawnAt: d.CreatedAt, DrawnBy: by.DisplayName, Assignments: make([]Assignment, len(rows))}
	for i, e := range rows {
		out.Assignments[i] = Assignment{EntrantID: e.ID, DrawNumber: e.DrawNumber, Station: e.Station, Session: e.Session}
	}
	return out, nil
}
