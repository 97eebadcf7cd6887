package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type poolQuery struct {
	listQuery
	Trade   string `form:"trade" validate:"max=64"`
	Year    int    `form:"year" validate:"omitempty,gte=2000,lte=2999"`
	Award   string `form:"award" validate:"omitempty,allowed=ResultAward"`
	UnionID uint   `form:"union_id"`
}

func (q poolQuery) filter() service.PoolFilter {
	return service.PoolFilter{Q: q.Q, Trade: q.Trade, Year: q.Year, Award: q.Award, UnionID: q.UnionID}
}

// listPool answers a page of one pool, filtered.
func listPool[T any](h *handlers, list func(context.Context, service.Caller, service.PoolFilter, service.PageRequest) (service.Page[T], error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		var q poolQuery
		if !h.bindQuery(c, &q) {
			return
		}
		page, err := list(c.Request.Context(), caller(c), q.filter(), q.pageRequest())
		respond(h, c, http.StatusOK, page, err)
	}
}
