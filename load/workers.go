package main

import (
	"fmt"
	"sync/atomic"
	"time"

	"leitai/service"
)

// workerInput is a worker as a registration names them (docs/openapi.yaml, PersonInput).
type workerInput struct {
	Name         string `json:"name"`
	Gender       string `json:"gender"`
	IDNumber     string `json:"id_number"`
	Mobile       string `json:"mobile"`
	Trade        string `json:"trade"`
	SkillLevel   string `json:"skill_level"`
	YearsInTrade int    `json:"years_in_trade"`
}

// registration is the body of POST /api/v1/events/{id}/entrants for one worker.
type registration struct {
	Person workerInput `json:"person"`
}

// workers hands out new workers, each with a resident ID number no other
// worker of the run has, so that every registration is one the server must accept.
type workers struct{ next atomic.Int64 }

const (
	surnames    = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
	givenNames  = "伟芳娜敏静强磊军洋勇艳杰涛明超秀英华丽平刚桂兰"
	perBirthDay = 500 // three-digit sequence numbers, odd for men, even for women
)

// worker is the n-th worker: born on the (n/500)-th day after 1970-01-01 in
// 北京市朝阳区 (110105), with a GB 11643 check character and a gender that
// matches the 17th digit.
func worker(n int64) workerInput {
	male := n%2 == 1
	seq := n%perBirthDay*2 + n%2
	birth := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n/perBirthDay))
	first17 := "110105" + birth.Format("20060102") + fmt.Sprintf("%03d", seq)
	check, _ := service.IDNumberCheck(first17)
	sn, gn := []rune(surnames), []rune(givenNames)
	gender := "female"
	if male {
		gender = "male"
	}
	return workerInput{
		Name:         string(sn[n%int64(len(sn))]) + string(gn[n/int64(len(sn))%int64(len(gn))]) + string(gn[n%int64(len(gn))]),
		Gender:       gender,
		IDNumber:     first17 + string(check),
		Mobile:       fmt.Sprintf("139%08d", n%100_000_000),
		Trade:        "电工",
		SkillLevel:   "三级/高级工",
		YearsInTrade: int(1 + n%30),
	}
}

// registration is a new worker's entry.
func (w *workers) registration() registration {
	return registration{Person: worker(w.next.Add(1))}
}

// creditCode is the i-th enterprise's unified social credit code, with its
// GB 32100 check character.
func creditCode(i int) string {
	first17 := fmt.Sprintf("91110000MA%07d", i)
	check, _ := service.CreditCodeCheck(first17)
	return first17 + string(check)
}
