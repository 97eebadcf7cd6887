package api_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"gorm.io/gorm"

	"leitai/model"
	"leitai/model/modeltest"
)

// TestRegistration_ConcurrentEntriesRespectTheQuota sends many registrations
// of one enterprise at once into an event with room for three: exactly the
// room is taken, whatever the interleaving.
func TestRegistration_ConcurrentEntriesRespectTheQuota(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		f := s.fixture()
		_, ev := s.openContest(s.admin(), f.district.ID, 3)
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		const tries = 8
		codes := make([]int, tries)
		var wg sync.WaitGroup
		for i := 0; i < tries; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				c := &client{s: s, cookie: ent.cookie, csrf: ent.csrf}
				codes[i] = c.do("POST", entrantsPath(ev), worker(fmt.Sprintf("职工%d", i), idNumber(fmt.Sprintf("1101051986010100%d", i)), []string{"female", "male"}[i%2])).Code
			}(i)
		}
		wg.Wait()
		created, refused := 0, 0
		for _, code := range codes {
			switch code {
			case http.StatusCreated:
				created++
			case http.StatusConflict:
				refused++
			}
		}
		var n int64
		db.Model(&model.Entrant{}).Where("event_id = ? AND status = ?", ev.ID, "pending").Count(&n)
		if created != 3 || refused != tries-3 || n != 3 {
			t.Errorf("answers %v: %d created, %d refused, %d stored; want 3, %d, 3", codes, created, refused, n, tries-3)
		}
	})
}
