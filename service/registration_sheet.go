package service

import (
	"fmt"
	"strings"

	"leitai/service/workbook"
)

// The registration sheet: one row per worker entered into an individual
// event, with an optional master (师带徒). Teams and organisations are
// entered on the web, one entry at a time: a row has no room for a team.

// Keys of the registration sheet's columns. A master's columns are the
// worker's with the master prefix.
const (
	colEnterprise   = "enterprise"
	colEvent        = "event"
	colName         = "name"
	colGender       = "gender"
	colIDNumber     = "id_number"
	colMobile       = "mobile"
	colTrade        = "trade"
	colSkillLevel   = "skill_level"
	colYearsInTrade = "years_in_trade"
	masterPrefix    = "master_"
)

// personColumn is one of a person's columns: its key, the key of its
// header's message, its width in a template, and whether a worker needs it.
type personColumn struct {
	key, header string
	width       float64
	required    bool
}

// personColumns are a person's columns in the sheet, in its order.
var personColumns = []personColumn{
	{colName, "col_name", 12, true},
	{colGender, "col_gender", 8, true},
	{colIDNumber, "col_id_number", 22, true},
	{colMobile, "col_mobile", 15, true},
	{colTrade, "col_trade", 14, false},
	{colSkillLevel, "col_skill_level", 16, false},
	{colYearsInTrade, "col_years_in_trade", 12, false},
}

// otherHeaders are the other texts a column is known by, beside its header
// in either language: what clerks' own sheets call it.
var otherHeaders = map[string][]string{
	colEnterprise:   {"企业", "企业名称", "单位名称", "报名单位", "所在单位", "工作单位", "统一社会信用代码", "company"},
	colEvent:        {"报名项目", "竞赛项目", "参赛项目", "项目名称"},
	colName:         {"职工姓名", "参赛人", "参赛人姓名"},
	colIDNumber:     {"身份证号", "身份证", "公民身份号码", "证件号码", "id number", "id no.", "id"},
	colMobile:       {"手机", "手机号", "联系电话", "电话", "联系方式", "mobile number", "phone"},
	colTrade:        {"职业", "职业(工种)", "职业工种"},
	colSkillLevel:   {"职业技能等级", "等级"},
	colYearsInTrade: {"本工种工龄", "工龄", "工龄(年)", "years"},
}

// registrationColumns are the columns a registration sheet is read for;
// the master's are the worker's under the master's headers. The enterprise
// is read, and required, in organisers' sheets only.
func registrationColumns(forOrganisers bool) []workbook.Column {
	cols := []workbook.Column{{Key: colEvent, Headers: headersOf(colEvent, "col_event")}}
	if forOrganisers {
		cols = append(cols, workbook.Column{Key: colEnterprise, Headers: headersOf(colEnterprise, "col_enterprise"), Required: true})
	}
	for _, p := range personColumns {
		cols = append(cols, workbook.Column{Key: p.key, Headers: headersOf(p.key, p.header), Required: p.required})
	}
	for _, p := range personColumns {
		headers := []string{T("col_master", T(p.header)).In(LangZH), T("col_master", T(p.header)).In(LangEN)}
		for _, h := range otherHeaders[p.key] {
			headers = append(headers, "师傅"+h)
		}
		cols = append(cols, workbook.Column{Key: masterPrefix + p.key, Headers: headers})
	}
	return cols
}

func headersOf(key, message string) []string {
	return append([]string{T(message).In(LangZH), T(message).In(LangEN)}, otherHeaders[key]...)
}

// genderOf reads a gender as a sheet writes it: 男 or 女, in English or as
// the API's value; "" when it is none of them.
func genderOf(cell string) string {
	for _, g := range genders {
		for _, name := range []string{g, T("gender_" + g).In(LangZH), T("gender_" + g).In(LangEN), g[:1]} {
			if strings.EqualFold(cell, name) {
				return g
			}
		}
	}
	return ""
}

// skillLevelOf reads a skill level as the API stores it, by its label in
// either language or by either half of it (三级 or 高级工), looked up in
// names (from skillLevelNames); a cell that is none of them stays as it is,
// for the rules to refuse.
func skillLevelOf(names map[string]string, cell string) string {
	if level, ok := names[workbook.HeaderKey(cell)]; ok {
		return level
	}
	return cell
}

// skillLevelNames are the names a skill level is read by, by their
// workbook.HeaderKey: its label in either language and either half of it.
func skillLevelNames() map[string]string {
	out := map[string]string{}
	for i, level := range SkillLevels {
		for _, name := range append(strings.Split(level, "/"), level, skillLevelLabel(i, LangEN)) {
			if key := workbook.HeaderKey(name); out[key] == "" {
				out[key] = level
			}
		}
	}
	return out
}

// skillLevelLabel names the i-th skill level (lowest first) in a language.
func skillLevelLabel(i int, lang Lang) string {
	if lang == LangZH {
		return SkillLevels[i]
	}
	return T(fmt.Sprintf("skill_level_%d", len(SkillLevels)-i)).In(lang)
}
