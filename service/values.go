package service

import (
	"slices"

	"leitai/model"
	"leitai/scoring"
)

// The fixed sets of values fields take, each written once: the rules check
// against them, the API validates requests with them, the one_of message lists
// them, and a test holds the enums of docs/openapi.yaml equal to them.
var (
	// Roles lists every role an account can have.
	Roles = []string{model.RoleAdmin, model.RoleOrganiser, model.RoleEnterprise, model.RoleJudge}
	// OrganisationKinds lists every kind; only the city union is never created by hand.
	OrganisationKinds = []string{model.KindCityUnion, model.KindDistrictUnion, model.KindIndustryUnion, model.KindGrassrootsUnion, model.KindEnterprise}
	// SkillLevels are the five national vocational skill levels, lowest first.
	SkillLevels = []string{"五级/初级工", "四级/中级工", "三级/高级工", "二级/技师", "一级/高级技师"}

	genders        = []string{"male", "female"}
	contestKinds   = []string{KindSkills, KindLabour, KindInnovation, KindHonour}
	contestFormats = []string{"post", "trade", "arena", "tackling"}
	contestLevels  = []string{"enterprise", "district", "industry", "city"}
	// steps is the lifecycle of a contest, in order. Each step is an explicit
	// action of the organiser; the only way back is reopening registration.
	steps = []string{model.StepDraft, model.StepRegistrationOpen, model.StepRegistrationClosed, model.StepJudging,
		model.StepPublicNotice, model.StepFinal, model.StepArchived}
	entrantTypes    = []string{EntrantIndividual, EntrantTeam, EntrantOrganisation}
	entrantStatuses = []string{EntrantPending, EntrantApproved, EntrantRejected, EntrantWithdrawn}
	reviewDecisions = []string{"approve", "reject"}
	combineMethods  = scoring.CombineMethods()
	criterionKinds  = []string{"measurement", "judgement"}
	// columnKinds are the kinds of a sheet's columns: the criteria's, and the time used.
	columnKinds = []string{"measurement", "judgement", KindTime}
	awardModes  = scoring.AwardModes()
	teamMethods = scoring.TeamMethods()
	// resultStatuses and resultAwards are what an entrant's results line says.
	resultStatuses   = []string{string(scoring.StatusRanked), string(scoring.StatusIncomplete), string(scoring.StatusVetoed), string(scoring.StatusAbsent)}
	standingsPending = []string{StandingsNotComputed, StandingsNotPublished, StandingsNotDecoded}
	resultAwards     = []string{string(scoring.AwardFirst), string(scoring.AwardSecond), string(scoring.AwardThird), string(scoring.AwardHonourable)}
	duties           = []string{DutyChief, DutyJudge, DutyTrainee, DutyCheckIn, DutyClerk, DutyEncryption}
	attendances      = []string{AttendancePresent, AttendanceAbsent}
	remarkOutcomes   = []string{RemarkChanged, RemarkConfirmed, RemarkWithdrawn}
	// appealStatuses are where an appeal is; appealOutcomes the panel's rulings.
	appealStatuses = []string{model.AppealFiled, model.AppealReviewed, model.AppealUpheld, model.AppealDismissed}
	appealOutcomes = []string{model.AppealUpheld, model.AppealDismissed}
	// importStatuses and importActions are what an import job is at, and what
	// it does with a row.
	importStatuses = []string{ImportChecking, ImportChecked, ImportInvalid, ImportImporting, ImportImported, ImportFailed}
	importStages   = []string{StageReading, StageChecking, StageWriting}
	importActions  = []string{ActionCreate, ActionUpdate, ActionUnchanged}
)

// ValueSets gives a copy of every set, named as its schema in docs/openapi.yaml.
func ValueSets() map[string][]string {
	sets := map[string][]string{
		"Role":             Roles,
		"OrganisationKind": OrganisationKinds,
		"Gender":           genders,
		"SkillLevel":       SkillLevels,
		"ContestKind":      contestKinds,
		"ContestFormat":    contestFormats,
		"ContestLevel":     contestLevels,
		"ContestStatus":    steps,
		"EntrantType":      entrantTypes,
		"EntrantStatus":    entrantStatuses,
		"ReviewDecision":   reviewDecisions,
		"CombineMethod":    combineMethods,
		"CriterionKind":    criterionKinds,
		"SheetColumnKind":  columnKinds,
		"AwardMode":        awardModes,
		"TeamMethod":       teamMethods,
		"ResultStatus":     resultStatuses,
		"ResultAward":      resultAwards,
		"RevealLevel":      RevealLevels(),
		"Duty":             duties,
		"Attendance":       attendances,
		"KeyingState":      keyingStates,
		"RemarkOutcome":    remarkOutcomes,
		"AppealStatus":     appealStatuses,
		"AppealOutcome":    appealOutcomes,
		"ImportStatus":     importStatuses,
		"ImportRowAction":  importActions,
		"ImportStage":      importStages,
		"ExportKind":       exportKinds,
		"ExportStatus":     exportStatuses,
		"StandingsPending": standingsPending,
	}
	for name, values := range sets {
		sets[name] = slices.Clone(values)
	}
	return sets
}
