package service

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"leitai/model"
)

// Certificates (获奖证书): each person given an award in an event made final
// has one, printed by the contest's organisers, whose QR code opens a public
// page that tells whether the certificate is genuine. Its code is random
// (128 bits), kept with the award, so it can be neither guessed nor made up;
// the public answer names the winner, the enterprise, the contest, the event,
// the award and the date, and never an ID number.

// Certificate is one award's certificate.
type Certificate struct {
	Code           string    `json:"code"`
	Name           string    `json:"name"`
	EnterpriseName string    `json:"enterprise_name"`
	OrganiserName  string    `json:"organiser_name"`
	ContestName    string    `json:"contest_name"`
	EventName      string    `json:"event_name"`
	Award          string    `json:"award"`
	Rank           int       `json:"rank"`
	Titles         []string  `json:"titles"`
	AwardedAt      time.Time `json:"awarded_at"`
}

func certificateView(w model.AwardWinner) Certificate {
	return Certificate{Code: w.Code, Name: w.Name, EnterpriseName: w.EnterpriseName, OrganiserName: w.OrganiserName,
		ContestName: w.ContestName, EventName: w.EventName, Award: w.Award, Rank: w.RankPlace, Titles: splitTitles(w.Titles),
		AwardedAt: w.AwardedAt}
}

// EventCertificates lists the certificates of an event's award winners, by
// place, for its contest's organisers to print once results are final.
func (s *Service) EventCertificates(ctx context.Context, c Caller, eventID uint) ([]Certificate, error) {
	ev, err := s.loadEvent(ctx, eventID)
	if err != nil {
		return nil, err
	}
	ct, err := s.runContest(ctx, c, ev.ContestID)
	if err != nil {
		return nil, err
	}
	if ct.Status != model.StepFinal && ct.Status != model.StepArchived {
		return nil, &Error{Kind: KindConflict, Code: "results_not_final", Text: T("results_not_final", ct.Name)}
	}
	var rows []model.AwardWinner
	if err := s.conn(ctx).Where("event_id = ?", ev.ID).Order("rank_place, entrant_id, position").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Certificate, len(rows))
	for i, w := range rows {
		out[i] = certificateView(w)
	}
	return out, nil
}

// maxCertificateCode bounds a code looked up: longer is no code of ours.
const maxCertificateCode = 40

// VerifyCertificate tells anyone, without an account, what a certificate
// code certifies; an unknown code is not found.
func (s *Service) VerifyCertificate(ctx context.Context, code string) (Certificate, error) {
	if code == "" || len(code) > maxCertificateCode {
		return Certificate{}, unknownCertificate()
	}
	var w model.AwardWinner
	// Codes are base32, whose letters are one case: a code read back in
	// lower case is the same code, on either database.
	if err := s.conn(ctx).Where("code = ?", strings.ToUpper(code)).Take(&w).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return Certificate{}, unknownCertificate()
		}
		return Certificate{}, err
	}
	return certificateView(w), nil
}

func unknownCertificate() *Error {
	return &Error{Kind: KindNotFound, Code: "certificate_unknown", Text: T("certificate_unknown")}
}
