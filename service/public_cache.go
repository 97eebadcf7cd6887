package service

import (
	"bytes"
	"compress/gzip"
	"sync"
)

// publicCacheSize bounds the contests whose public answer is kept.
const publicCacheSize = 64

// publicCache keeps each contest's rendered public answer for the state it
// was built from, so that the many readers of published results cost a few
// small queries each, not a rebuild. A state is read from the database on
// every request, so several app servers never disagree for long: each
// rebuilds once when the state changes. Builds run one at a time, so that
// the readers arriving together after a change (a reveal on the big
// screen, say) wait for one build instead of each making its own.
type publicCache struct {
	mu      sync.Mutex
	build   sync.Mutex
	answers map[uint]PublicAnswer
}

func newPublicCache() *publicCache {
	return &publicCache{answers: map[uint]PublicAnswer{}}
}

func (pc *publicCache) get(contestID uint, tag string) (PublicAnswer, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	a, ok := pc.answers[contestID]
	return a, ok && a.Tag == tag
}

func (pc *publicCache) put(contestID uint, a PublicAnswer) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if _, ok := pc.answers[contestID]; !ok && len(pc.answers) >= publicCacheSize {
		for id := range pc.answers {
			delete(pc.answers, id) // any one: a dropped answer is only built again
			break
		}
	}
	pc.answers[contestID] = a
}

// answer is the contest's answer for tag, kept or built by build.
func (pc *publicCache) answer(contestID uint, tag string, build func() ([]byte, error)) (PublicAnswer, error) {
	if a, ok := pc.get(contestID, tag); ok {
		return a, nil
	}
	pc.build.Lock()
	defer pc.build.Unlock()
	if a, ok := pc.get(contestID, tag); ok {
		return a, nil
	}
	body, err := build()
	if err != nil {
		return PublicAnswer{}, err
	}
	// Compressed once here rather than for each reader: results compress
	// about thirteenfold (docs/benchmarks.md), which a phone on mobile data feels.
	var packed bytes.Buffer
	zw := gzip.NewWriter(&packed)
	if _, err := zw.Write(body); err != nil {
		return PublicAnswer{}, err
	}
	if err := zw.Close(); err != nil {
		return PublicAnswer{}, err
	}
	a := PublicAnswer{Tag: tag, Body: body, Gzip: packed.Bytes()}
	pc.put(contestID, a)
	return a, nil
}
