package service

import (
	"context"

	"leitai/model"
)

// WriteTalentParts writes the search parts of award winners written
// directly, as a contest made final does, for the benchmarks.
func (s *Service) WriteTalentParts(ctx context.Context, winners []model.AwardWinner) error {
	return s.writeTalentParts(ctx, winners)
}
