package api_test

import (
	"testing"
	"time"

	"gorm.io/gorm"

	"leitai/model/modeltest"
)

// The date of birth in an ID number lies from 1900-01-01 to today, and today
// is the service's, not the wall clock's.
func TestRegistration_BirthDateIsNeitherFutureNorBefore1900(t *testing.T) {
	modeltest.Each(t, func(t *testing.T, db *gorm.DB) {
		s := newServer(t, db)
		s.now = time.Date(2040, 3, 1, 23, 30, 0, 0, time.UTC)
		f := s.fixture()
		ent := s.login(f.enterpriseAcc.Username, fixturePwd)
		path := entrantsPath(f.event)
		ent.mustFail(422, "validation_failed", "person.id_number", "POST", path, worker("明日", idNumber("11010520400302001"), "male"))
		ent.mustFail(422, "validation_failed", "person.id_number", "POST", path, worker("百岁", idNumber("11010518991231001"), "male"))
		withMaster := worker("徒弟", idNumber("11010519900101001"), "male")
		withMaster["master"] = worker("师傅", idNumber("11010520410101001"), "male")["person"]
		ent.mustFail(422, "validation_failed", "master.id_number", "POST", path, withMaster)
		ent.must(201, "POST", path, worker("今日", idNumber("11010520400301003"), "male"), nil)
		ent.must(201, "POST", path, worker("元年", idNumber("11010519000101005"), "male"), nil)
	})
}
