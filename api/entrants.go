package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leitai/service"
)

type personRequest struct {
	// Version is the register's version of the worker the details were read from.
	Version      int    `json:"version" validate:"gte=0"`
	Name         string `json:"name"`
	Gender       string `json:"gender"`
	IDNumber     string `json:"id_number"`
	Mobile       string `json:"mobile"`
	Trade        string `json:"trade"`
	SkillLevel   string `json:"skill_level"`
	YearsInTrade int    `json:"years_in_trade"`
}

func (p personRequest) input() service.PersonInput {
	return service.PersonInput{Version: p.Version, Name: p.Name, Gender: p.Gender, IDNumber: p.IDNumber, Mobile: p.Mobile, Trade: p.Trade,
		SkillLevel: p.SkillLevel, YearsInTrade: p.YearsInTrade}
}

type registrationRequest struct {
	Person    *personRequest  `json:"person"`
	Master    *personRequest  `json:"master"`
	TeamName  string          `json:"team_name" validate:"max=100"`
	Members   []personRequest `json:"members" validate:"max=20"`
	Statement string          `json:"statement" validate:"max=20000"`
}

type reviewRequest struct {
	Decision string `json:"decision" validate:"required,allowed=ReviewDecision"`
	Reason   string `json:"reason" validate:"max=255"`
	Version  int    `json:"version" validate:"required,gte=1"`
}

type approveAllRequest struct {
	IDs []uint `json:"ids" validate:"required,min=1,max=1000"`
}

type rejectAllRequest struct {
	IDs    []uint `json:"ids" validate:"required,min=1,max=1000"`
	Reason string `json:"reason" validate:"max=255"`
}

type entrantListQuery struct {
	listQuery
	Status       string `form:"status" validate:"omitempty,allowed=EntrantStatus"`
	EnterpriseID uint   `form:"enterprise_id"`
}

func (h *handlers) listEntrants(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var q entrantListQuery
	if !h.bindQuery(c, &q) {
		return
	}
	page, err := h.svc.ListEntrants(c.Request.Context(), caller(c), id, service.EntrantFilter{Status: q.Status, Q: q.Q, EnterpriseID: q.EnterpriseID}, q.pageRequest())
	respond(h, c, http.StatusOK, page, err)
}

func (h *handlers) register(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req registrationRequest
	if !h.bindJSON(c, &req) {
		return
	}
	r := service.Registration{TeamName: req.TeamName, Statement: req.Statement}
	if req.Person != nil {
		p := req.Person.input()
		r.Person = &p
	}
	if req.Master != nil {
		m := req.Master.input()
		r.Master = &m
	}
	for _, m := range req.Members {
		r.Members = append(r.Members, m.input())
	}
	e, err := h.svc.Register(c.Request.Context(), caller(c), id, r)
	respond(h, c, http.StatusCreated, e, err)
}

func (h *handlers) withdraw(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	e, err := h.svc.Withdraw(c.Request.Context(), caller(c), id)
	respond(h, c, http.StatusOK, e, err)
}

func (h *handlers) review(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req reviewRequest
	if !h.bindJSON(c, &req) {
		return
	}
	e, err := h.svc.Review(c.Request.Context(), caller(c), id, req.Decision, req.Reason, req.Version)
	respond(h, c, http.StatusOK, e, err)
}

func (h *handlers) approveAll(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req approveAllRequest
	if !h.bindJSON(c, &req) {
		return
	}
	n, err := h.svc.ApproveAll(c.Request.Context(), caller(c), id, req.IDs)
	respond(h, c, http.StatusOK, gin.H{"approved": n}, err)
}

func (h *handlers) rejectAll(c *gin.Context) {
	id, ok := h.pathID(c)
	if !ok {
		return
	}
	var req rejectAllRequest
	if !h.bindJSON(c, &req) {
		return
	}
	n, err := h.svc.RejectAll(c.Request.Context(), caller(c), id, req.IDs, req.Reason)
	respond(h, c, http.StatusOK, gin.H{"rejected": n}, err)
}
