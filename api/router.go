// Package api is Leitai's HTTP layer: routes, middleware, request and response
// shapes, and the one mapping from service errors to statuses. It knows no SQL.
package api

import (
	"io/fs"
	"log/slog"
	"net/netip"

	"github.com/gin-gonic/gin"
	"github.com/go-playground/validator/v10"

	"leitai/service"
)

// MaxBodyBytes bounds every JSON request body.
const MaxBodyBytes = 1 << 20

type handlers struct {
	svc      *service.Service
	log      *slog.Logger
	validate *validator.Validate
	// proxies are the trusted reverse proxies, whose forwarded headers are believed.
	proxies []netip.Prefix
}

// Options are the router's settings.
type Options struct {
	// TrustedProxies are the reverse proxies (addresses or CIDR ranges) whose
	// X-Forwarded-For header names the client. Nobody else's is believed.
	TrustedProxies []string
}

// NewRouter wires every route. spa is the built single-page app (index.html and
// its assets); the API answers under /api/v1 and everything else is the app.
func NewRouter(svc *service.Service, log *slog.Logger, spa fs.FS, opts Options) (*gin.Engine, error) {
	proxies, err := parseProxies(opts.TrustedProxies)
	if err != nil {
		return nil, err
	}
	h := &handlers{svc: svc, log: log, validate: newValidator(), proxies: proxies}
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.ContextWithFallback = true
	r.RemoteIPHeaders = []string{"X-Forwarded-For"}
	if err := r.SetTrustedProxies(opts.TrustedProxies); err != nil {
		return nil, err
	}
	r.Use(requestID(), h.accessLog(), h.recovery(), securityHeaders(), noStore())

	r.GET("/healthz", h.healthz)
	r.GET("/readyz", h.readyz)

	v1 := r.Group("/api/v1", limitBody(MaxBodyBytes), h.sameOrigin())
	v1.POST("/auth/login", h.login)
	v1.GET("/public/certificates/:code", h.verifyCertificate)

	// Published results, for anybody: no session, and cacheable (noStore
	// leaves this group alone; see public.go).
	public := v1.Group(publicPrefix, publicNoStore())
	public.GET("/contests", h.publicContests)
	public.GET("/contests/:id/results", h.publicResults)

	authed := v1.Group("", h.requireSession(), h.requireCSRF())
	authed.POST("/auth/logout", h.logout)
	authed.GET("/auth/me", h.me)
	authed.POST("/auth/password", h.changePassword)

	// Everything below needs an account that has chosen its own password.
	own := authed.Group("", h.requireOwnPassword())
	own.GET("/todo", h.myTodo)

	own.GET("/organisations/tree", h.organisationTree)
	own.GET("/organisations", h.listOrganisations)
	own.POST("/organisations", h.createOrganisation)
	own.GET("/organisations/:id", h.getOrganisation)
	own.PATCH("/organisations/:id", h.updateOrganisation)
	own.DELETE("/organisations/:id", h.deleteOrganisation)

	own.GET("/accounts", h.listAccounts)
	own.POST("/accounts", h.createAccount)
	own.GET("/accounts/:id", h.getAccount)
	own.PATCH("/accounts/:id", h.updateAccount)
	own.POST("/accounts/:id/password", h.resetPassword)

	own.GET("/people", h.listPeople)
	own.POST("/people", h.createPerson)
	own.PATCH("/people/:id", h.updatePerson)
	own.GET("/people/:id/entries", h.personEntries)
	own.POST("/people/:id/transfer", h.transferPerson)

	own.GET("/contest-templates", h.contestTemplates)
	own.GET("/contests", h.listContests)
	own.POST("/contests", h.createContest)
	own.GET("/contests/:id", h.getContest)
	own.PATCH("/contests/:id", h.updateContest)
	own.DELETE("/contests/:id", h.deleteContest)
	own.POST("/contests/:id/steps", h.moveContest)
	own.GET("/contests/:id/events", h.listEvents)
	own.POST("/contests/:id/events", h.createEvent)

	own.GET("/events/:id", h.getEvent)
	own.PATCH("/events/:id", h.updateEvent)
	own.DELETE("/events/:id", h.deleteEvent)
	own.GET("/events/:id/entrants", h.listEntrants)
	own.POST("/events/:id/entrants", h.register)
	own.POST("/events/:id/entrants/approve", h.approveAll)
	own.POST("/events/:id/entrants/reject", h.rejectAll)
	own.POST("/events/:id/draw", h.runDraw)
	own.GET("/events/:id/draw", h.getDraw)
	own.GET("/events/:id/draw/workbook", h.drawWorkbook)

	own.GET("/events/:id/panel", h.listPanel)
	own.POST("/events/:id/panel", h.addPanelMember)
	own.GET("/events/:id/panel/coverage", h.eventCoverage)
	own.DELETE("/panel-members/:id", h.removePanelMember)
	own.GET("/events/:id/check-in", h.checkInList)
	own.GET("/events/:id/check-in/workbook", h.checkInWorkbook)
	own.POST("/entrants/:id/attendance", h.setAttendance)
	own.GET("/judging", h.myDuties)
	own.POST("/events/:id/conflicts", h.declareConflict)
	own.GET("/events/:id/sheets/:stage", h.getSheet)
	own.GET("/events/:id/sheets/:stage/judges/:judge", h.judgeSheet)
	own.GET("/events/:id/sheets/:stage/workbook", h.scoreSheetWorkbook)
	own.GET("/events/:id/sheets/:stage/judges/:judge/workbook", h.judgeSheetWorkbook)
	own.PUT("/events/:id/sheets/:stage/marks", h.saveMark)
	own.POST("/events/:id/sheets/:stage/submit", h.submitSheet)
	own.POST("/events/:id/sheets/:stage/reopen", h.reopenSheet)
	own.GET("/events/:id/keying", h.keyingBoard)
	own.POST("/events/:id/sheets/:stage/judges/:judge/keying", h.startKeying)
	own.GET("/events/:id/sheets/:stage/judges/:judge/keying", h.getKeying)
	own.PUT("/events/:id/sheets/:stage/judges/:judge/keying/marks", h.saveKeyedCell)
	own.POST("/events/:id/sheets/:stage/judges/:judge/keying/submit", h.submitKeying)
	own.GET("/events/:id/sheets/:stage/judges/:judge/keying/differences", h.keyingDifferences)
	own.PUT("/events/:id/sheets/:stage/judges/:judge/keying/differences", h.settleDifference)
	own.POST("/events/:id/stages/:stage/sign-off", h.signOffStage)
	own.POST("/events/:id/stages/:stage/reopen", h.reopenStage)
	own.GET("/contests/:id/progress", h.contestProgress)
	own.GET("/contests/:id/standings", h.getStandings)
	own.GET("/events/:id/encryption", h.getEncryption)
	own.POST("/events/:id/encryption", h.runEncryption)
	own.GET("/events/:id/encryption/codes", h.encryptionCodes)
	own.POST("/events/:id/encryption/decode", h.decodeEncryption)
	own.GET("/events/:id/disagreements", h.eventDisagreements)
	own.POST("/events/:id/remarks", h.requestRemarks)
	own.POST("/events/:id/sheets/:stage/marks/confirm", h.confirmMark)
	own.GET("/events/:id/sheets/:stage/comparison", h.compareMarks)
	own.POST("/events/:id/stages/:stage/replacements", h.replaceJudge)
	own.GET("/events/:id/replacements", h.listReplacements)
	own.GET("/events/:id/results", h.getResults)
	own.POST("/events/:id/results", h.computeResults)
	own.GET("/events/:id/results/versions/:version", h.getResultVersion)
	own.GET("/events/:id/results/ties", h.resultTies)
	own.POST("/events/:id/results/decisions", h.decideTie)
	own.POST("/events/:id/results/decode", h.decodeResults)
	own.GET("/events/:id/vetoes", h.listVetoes)
	own.POST("/events/:id/vetoes", h.recordVeto)
	own.POST("/vetoes/:id/withdraw", h.withdrawVeto)
	own.PUT("/contests/:id/notice", h.setNotice)
	own.GET("/contests/:id/arbitrators", h.listArbitrators)
	own.POST("/contests/:id/arbitrators", h.nameArbitrator)
	own.DELETE("/arbitrators/:id", h.removeArbitrator)
	own.GET("/arbitration", h.arbitratedContests)
	own.GET("/contests/:id/appeals", h.listAppeals)
	own.GET("/contests/:id/appealable-results", h.appealableResults)
	own.POST("/entrants/:id/appeals", h.fileAppeal)
	own.POST("/appeals/:id/review", h.reviewAppeal)
	own.POST("/appeals/:id/ruling", h.ruleOnAppeal)
	own.GET("/contests/:id/reveals", h.contestReveals)
	own.PUT("/events/:id/reveal", h.setReveal)
	own.GET("/events/:id/certificates", h.eventCertificates)

	own.GET("/pools/talents", listPool(h, h.svc.ListTalents))
	own.GET("/pools/experts", listPool(h, h.svc.ListExperts))
	own.GET("/pools/achievements", listPool(h, h.svc.ListAchievements))

	own.POST("/entrants/:id/withdraw", h.withdraw)
	own.POST("/entrants/:id/review", h.review)

	own.GET("/contests/:id/registration-template", h.registrationTemplate)
	own.GET("/imports/:id", h.getImport)
	own.GET("/imports/:id/report", h.importReport)
	own.POST("/imports/:id/commit", h.commitImport)
	own.POST("/exports", h.startExport)
	own.GET("/exports/:id", h.getExport)
	own.GET("/exports/:id/file", h.exportFile)
	// A spreadsheet is uploaded as it is, within a bound of its own.
	files := r.Group("/api/v1", limitBody(service.MaxImportBytes), h.sameOrigin(), h.requireSession(), h.requireCSRF(), h.requireOwnPassword())
	files.POST("/contests/:id/registration-imports", h.checkRegistrationImport)
	files.POST("/events/:id/sheets/:stage/imports", h.checkScoreImport)
	files.POST("/events/:id/sheets/:stage/judges/:judge/keying/imports", h.checkKeyingImport)

	r.NoMethod(h.noMethod)
	r.NoRoute(h.noRoute(spa))
	return r, nil
}

// parseProxies reads addresses and CIDR ranges as prefixes.
func parseProxies(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, p := range list {
		if addr, err := netip.ParseAddr(p); err == nil {
			out = append(out, netip.PrefixFrom(addr.Unmap(), addr.Unmap().BitLen()))
			continue
		}
		prefix, err := netip.ParsePrefix(p)
		if err != nil {
			return nil, err
		}
		out = append(out, prefix.Masked())
	}
	return out, nil
}
