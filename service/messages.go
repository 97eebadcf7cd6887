package service

import (
	"fmt"
	"strings"
)

// Lang is a language the service can answer in.
type Lang string

const (
	LangZH Lang = "zh-CN"
	LangEN Lang = "en"
)

// ParseLang picks English for an Accept-Language that prefers it, Chinese otherwise.
func ParseLang(acceptLanguage string) Lang {
	first := strings.ToLower(strings.TrimSpace(strings.Split(acceptLanguage, ",")[0]))
	if strings.HasPrefix(first, "en") {
		return LangEN
	}
	return LangZH
}

// Text is a message key with its arguments, translated only when shown.
type Text struct {
	Key  string
	Args []any
}

// T makes a Text.
func T(key string, args ...any) Text { return Text{Key: key, Args: args} }

// In renders the text in a language; an unknown key shows as itself.
func (t Text) In(lang Lang) string {
	pair, ok := messages[t.Key]
	if !ok {
		return t.Key
	}
	format := pair[0]
	if lang == LangEN {
		format = pair[1]
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		if nested, ok := a.(Text); ok {
			a = nested.In(lang)
		}
		args[i] = a
	}
	return fmt.Sprintf(format, args...)
}

// messages holds every text the API answers with: Chinese, then English.
var messages = map[string][2]string{
	"validation_failed":         {"提交的内容有误，请检查标出的字段", "some fields are not valid"},
	"bad_request":               {"请求格式有误：%s", "malformed request: %s"},
	"forbidden":                 {"无权进行此操作", "you may not do this"},
	"not_found":                 {"%s不存在", "%s was not found"},
	"thing_account":             {"账号", "the account"},
	"thing_contest":             {"竞赛", "the contest"},
	"thing_draw":                {"抽签记录", "the draw"},
	"thing_entrant":             {"报名", "the entry"},
	"thing_event":               {"项目", "the event"},
	"thing_organisation":        {"单位", "the organisation"},
	"thing_panel_member":        {"裁判组成员", "the panel member"},
	"thing_person":              {"职工", "the worker"},
	"thing_sheet":               {"评分表", "the sheet"},
	"thing_stage":               {"评分阶段", "the stage"},
	"route_not_found":           {"接口不存在", "no such endpoint"},
	"method_not_allowed":        {"该接口不支持此请求方法", "this endpoint does not accept this method"},
	"password_change_required":  {"首次登录或密码被重置后，请先修改密码", "change your password first: it was set by someone else"},
	"stale_version":             {"数据已被他人修改，请刷新后重试", "someone else changed this; reload and try again"},
	"unauthenticated":           {"请先登录", "please log in"},
	"invalid_credentials":       {"用户名或密码错误", "wrong username or password"},
	"account_disabled":          {"账号已停用，请联系管理员", "this account is disabled; ask your administrator"},
	"busy":                      {"服务器正忙，请 %d 秒后再试", "the server is busy; try again in %d seconds"},
	"too_many_attempts":         {"登录失败次数过多，请 %d 秒后再试", "too many failed logins; try again in %d seconds"},
	"csrf_failed":               {"请求缺少有效的安全令牌，请刷新页面后重试", "the request lacks a valid CSRF token; reload the page"},
	"too_large":                 {"请求内容过大（上限 %d KB）", "the request body is too large (limit %d KB)"},
	"internal":                  {"服务器内部错误，请稍后再试（请求编号 %s）", "internal error; try again later (request id %s)"},
	"required":                  {"必填", "is required"},
	"too_long":                  {"不能超过 %d 个字符", "must be at most %d characters"},
	"too_short":                 {"不能少于 %d 个字符", "must be at least %d characters"},
	"one_of":                    {"取值必须是以下之一：%s", "must be one of: %s"},
	"min_value":                 {"不能小于 %s", "must be at least %s"},
	"max_value":                 {"不能大于 %s", "must be at most %s"},
	"wrong_type":                {"类型有误，应为 %s", "has the wrong type; expected %s"},
	"credit_code_format":        {"统一社会信用代码应为18位，由数字和大写字母（不含I、O、Z、S、V）组成", "the unified social credit code must be 18 characters of digits and capital letters other than I, O, Z, S, V"},
	"credit_code_checksum":      {"统一社会信用代码校验位错误", "the check character of the unified social credit code is wrong"},
	"credit_code_required":      {"企业必须填写统一社会信用代码", "an enterprise needs its unified social credit code"},
	"credit_code_taken":         {"统一社会信用代码 %s 已被其他单位使用", "the unified social credit code %s is already used by another organisation"},
	"kind_root_only":            {"市总工会只能有一个，且不能新建", "there is exactly one city union; another cannot be created"},
	"parent_not_union":          {"上级单位必须是工会，企业下不能再设单位", "the parent must be a union; an enterprise cannot hold other units"},
	"parent_cycle":              {"不能把单位移到它自己或它的下级单位之下", "a unit cannot be moved under itself or one of its own units"},
	"root_cannot_move":          {"市总工会是根节点，不能移动", "the city union is the root and cannot be moved"},
	"enterprise_has_children":   {"该单位下还有下级单位，不能改为企业", "this unit still has units under it and cannot become an enterprise"},
	"org_not_empty":             {"该单位下还有%s，不能删除", "this unit still has %s and cannot be deleted"},
	"children_word":             {"下级单位", "units under it"},
	"accounts_word":             {"账号", "accounts"},
	"people_word":               {"职工", "workers"},
	"contests_word":             {"由它主办的竞赛", "contests it organises"},
	"entries_word":              {"它提交的报名", "entries it made"},
	"organisation_word":         {"单位", "organisation"},
	"account_word":              {"账号", "account"},
	"parent_word":               {"上级单位", "parent organisation"},
	"username_format":           {"用户名为3到32位字母、数字、下划线、点或连字符", "a username is 3 to 32 letters, digits, underscores, dots or hyphens"},
	"username_taken":            {"用户名 %s 已存在", "the username %s is taken"},
	"password_weak":             {"密码需为8到64个字符，且同时包含字母和数字", "a password has 8 to 64 characters, with both letters and digits"},
	"password_is_username":      {"密码不能与用户名相同", "the password cannot be the username"},
	"password_common":           {"这个密码太常见，很容易被猜中，请换一个", "this password is too common and easily guessed; choose another"},
	"password_wrong":            {"原密码不正确", "the current password is wrong"},
	"password_same":             {"新密码不能与原密码相同", "the new password must differ from the current one"},
	"role_needs_enterprise":     {"企业账号必须属于企业", "an enterprise account must belong to an enterprise"},
	"role_needs_union":          {"组织者账号必须属于工会", "an organiser account must belong to a union"},
	"role_needs_root":           {"管理员账号必须属于市总工会", "an administrator account must belong to the city union"},
	"role_not_allowed":          {"您不能创建或管理该角色的账号", "you may not create or manage accounts of this role"},
	"cannot_disable_self":       {"不能停用自己的账号", "you cannot disable your own account"},
	"id_number_format":          {"身份证号码应为18位，前17位为数字，末位为数字或X", "a resident ID number has 18 characters: 17 digits and a digit or X"},
	"id_number_checksum":        {"身份证号码校验位错误", "the check character of the resident ID number is wrong"},
	"id_number_birth":           {"身份证号码中的出生日期无效：应为1900年1月1日至今天之间的真实日期", "the date of birth in the resident ID number must be a real date from 1900-01-01 to today"},
	"code_repeated":             {"编号 %s 重复", "the code %s is used twice"},
	"weight_range":              {"权重应在0到100之间", "a weight is between 0 and 100"},
	"stage_unknown":             {"没有编号为 %s 的阶段", "there is no stage with the code %s"},
	"code_reserved":             {"编号不能以下划线开头", "a code does not start with an underscore"},
	"levels_judgement_only":     {"只有评价类评分项可按0–3档评分", "only judgement criteria are entered on the 0–3 scale"},
	"levels_max":                {"按0–3档评分的满分须为0.03的整数倍（如3、6、1.5），使每一档都是准确的分数，现为%s", "a criterion entered on the 0–3 scale needs a maximum that is a multiple of 0.03 (such as 3, 6 or 1.5), so that every level is an exact mark; it is %s"},
	"time_without_timed_stage":  {"并列处理用到用时，但没有记录用时的阶段", "a tie-break uses the time, but no stage records the time used"},
	"time_range":                {"用时应在0到%d分钟之间（以秒计）", "the time used is from 0 to %d minutes (in seconds)"},
	"mark_level":                {"按0–3档评分，只能是0、%s、%s或%s分", "on the 0–3 scale a mark is 0, %s, %s or %s"},
	"time_whole_seconds":        {"用时以整秒计", "the time used is in whole seconds"},
	"time_without_note":         {"用时不带扣分说明", "the time used carries no note"},
	"max_positive":              {"满分必须大于0", "the maximum must be above 0"},
	"tie_break_unknown":         {"无法识别的并列处理规则 %s", "unknown tie-break %s"},
	"tie_break_shared_last":     {"“并列”只能放在最后", "\"shared\" can only come last"},
	"shares_over_100":           {"各奖项比例之和不能超过100%%", "the award shares add up to more than 100%%"},
	"stages_required":           {"至少需要一个竞赛阶段", "at least one stage is needed"},
	"stage_without_criteria":    {"阶段“%s”还没有评分细则", "the stage \"%s\" has no criteria"},
	"weights_not_100":           {"各阶段权重之和为 %d%%，应为100%%", "the stage weights add up to %d%%, not 100%%"},
	"wrong_step":                {"竞赛当前处于“%s”阶段，不能进行此操作", "the contest is at the step \"%s\"; this cannot be done now"},
	"step_draft":                {"草稿", "draft"},
	"step_registration_open":    {"报名中", "registration open"},
	"step_registration_closed":  {"报名截止", "registration closed"},
	"step_judging":              {"评判中", "judging"},
	"step_public_notice":        {"公示中", "public notice"},
	"step_final":                {"已定稿", "final"},
	"step_archived":             {"已归档", "archived"},
	"window_order":              {"结束时间必须晚于开始时间", "the end must come after the start"},
	"organiser_not_union":       {"主办单位必须是工会", "the organiser must be a union"},
	"kind_fixed":                {"竞赛类型创建后不能修改", "a contest's kind cannot change after it is created"},
	"team_size_range":           {"团队人数应在2到20之间", "a team has 2 to 20 members"},
	"event_name_taken":          {"本竞赛已有名为“%s”的项目", "this contest already has an event called \"%s\""},
	"gender_mismatch":           {"性别与身份证号码不符", "the gender does not match the resident ID number"},
	"years_range":               {"工龄应在0到60年之间", "years in the trade are between 0 and 60"},
	"person_not_in_register":    {"该身份证号码的职工不在本单位职工名册中，不能由本单位登记；如职工已调入本单位，请上级工会办理调动", "no worker with this ID number is in your register, and your enterprise cannot add them; if they have joined you, ask your union to transfer them"},
	"transfer_needs_enterprise": {"只能调入企业", "a worker can only move to an enterprise"},
	"transfer_same_enterprise":  {"该职工已在此企业", "the worker is at this enterprise already"},
	"person_changed":            {"职工名册中的 %s 与填写的信息不同，且名册已被修改或未被读取：请核对名册中的信息后再提交", "the register's record of %s differs from what you entered and was changed or not read: check the register's details, then submit again"},
	"quota_reached":             {"项目“%s”每个单位最多报名 %d 个", "the event \"%s\" takes at most %d entries per enterprise"},
	"outside_window":            {"不在报名时间内", "outside the registration window"},
	"master_is_entrant":         {"师傅不能是参赛者本人", "the master cannot be the entrant"},
	"team_size_exact":           {"团队应有 %d 名成员", "the team needs exactly %d members"},
	"member_repeated":           {"同一职工在团队中出现了两次", "the same worker is in the team twice"},
	"already_entered":           {"已报名项目“%s”", "already entered into \"%s\""},
	"person_already_entered":    {"%s 已报名项目“%s”", "%s is already entered into \"%s\""},
	"entrant_not_active":        {"该报名已撤回或被驳回", "this entry was withdrawn or rejected"},
	"chief_taken":               {"项目“%s”已有裁判长", "the event \"%s\" has a chief judge already"},
	"panel_member_exists":       {"%s 已在项目“%s”的裁判组中", "%s is on the panel of \"%s\" already"},
	"panel_account":             {"请选择本单位管辖范围内、未停用的裁判账号", "choose a judge account, not disabled, within your union"},
	"panel_stages_none":         {"只有裁判和见习裁判评分阶段", "only judges and trainees mark stages"},
	"panel_member_has_marks":    {"%s 已评出 %d 个分数，不能移出裁判组", "%s has given %d marks and cannot leave the panel"},
	"not_drawn":                 {"项目“%s”尚未抽签", "the event \"%s\" has not been drawn"},
	"not_checkable":             {"只有已审核通过并已抽签的参赛者可以检录（%s）", "only approved, drawn entrants are checked in (%s)"},
	"entrant_has_marks":         {"%s 号已有评分，不能标为缺赛", "number %s has marks and cannot be marked absent"},
	"criterion_unknown":         {"阶段“%[2]s”没有编号为 %[1]s 的评分项", "the stage \"%[2]s\" has no criterion %[1]s"},
	"mark_range":                {"分数应在 0 到 %s 之间，最多两位小数", "a mark is between 0 and %s, with at most two decimals"},
	"number_unknown":            {"评分表中没有 %s 号", "there is no number %s on this sheet"},
	"sheet_submitted":           {"评分表已提交，需裁判长重新开放后才能修改", "the sheet has been submitted; the chief judge must reopen it before it changes"},
	"sheet_not_submitted":       {"该评分表尚未提交", "this sheet has not been submitted"},
	"mark_changed":              {"%s 号的 %s 已被改为 %s，请核对后再保存", "the mark of number %s on %s was changed to %s; check it, then save again"},
	"sheet_incomplete":          {"还有 %d 个分数未填，不能提交", "%d marks are still missing; the sheet cannot be submitted"},
	"mark_missing":              {"未评分", "no mark yet"},
	"stage_signed_off":          {"阶段“%s”已由裁判长签核，分数不能再更改", "the stage \"%s\" has been signed off by the chief judge; its marks cannot change"},
	"stage_not_signed_off":      {"阶段“%s”尚未签核", "the stage \"%s\" has not been signed off"},
	"signoff_waiting":           {"阶段“%s”还有裁判未提交评分表：%s", "in the stage \"%s\" these judges have not submitted: %s"},
	"signoff_no_judges":         {"该阶段没有裁判，不能签核", "this stage has no judges and cannot be signed off"},
	"conflict_after_marks":      {"您已为 %s 号评分，不能再申报回避；请联系裁判长", "you have marked number %s already and can no longer step aside; ask the chief judge"},
	"conflict_declared":         {"已对 %s 号申报回避", "you have stepped aside from number %s already"},
	"already_drawn":             {"项目“%s”已抽签，不能再更改", "the event \"%s\" has been drawn and cannot change"},
	"reject_reason_required":    {"驳回时必须填写理由", "a rejection needs a reason"},
	"ids_not_in_event":          {"部分报名不属于该项目", "some entries are not in this event"},
	"not_pending":               {"报名 %d 不是待审核状态", "entry %d is not pending"},
	"seed_format":               {"抽签种子应为1到16位十六进制数", "a draw seed is 1 to 16 hexadecimal digits"},
	"pending_before_draw":       {"还有 %d 个报名待审核，请先审核再抽签", "%d entries still wait for review; review them before the draw"},
	"nobody_to_draw":            {"没有已通过审核的报名，无需抽签", "no approved entries to draw"},
	"step_not_allowed":          {"竞赛不能从“%s”进入“%s”", "a contest cannot go from \"%s\" to \"%s\""},
	"no_events":                 {"竞赛至少需要一个项目", "a contest needs at least one event"},
	"window_required":           {"开放报名前须设定报名起止时间", "set the registration window before opening registration"},
	"in_event":                  {"项目“%s”：%s", "event \"%s\": %s"},
	"event_not_drawn":           {"项目“%s”尚未抽签", "the event \"%s\" has not been drawn"},
	"type_points":               {"最多两位小数的数字", "a number with at most two decimals"},
	"type_text":                 {"文本", "text"},
	"type_bool":                 {"是或否", "true or false"},
	"type_integer":              {"整数", "a whole number"},
	"type_list":                 {"列表", "a list"},
	"type_object":               {"对象", "an object"},
	"person_busy":               {"该职工正在另一项报名中登记，请稍后重试", "this worker is being entered elsewhere at this moment; try again"},
	"constraint_in_use":         {"其他数据仍在引用它，不能删除或更改", "other records still refer to it, so it cannot be deleted or changed"},
	"constraint_duplicate":      {"已有相同的记录", "the same record exists already"},
	"mobile_format":             {"手机号码应为以1开头的11位数字", "a mobile number has 11 digits starting with 1"},
	"name_invisible":            {"含有不可见或改变文字方向的字符 U+%04X（第 %d 个字符），请删除", "contains the invisible or direction-changing character U+%04X (character %d); remove it"},
	"range":                     {"应在 %v 到 %v 之间", "must be from %v to %v"},
	"unsupported_media_type":    {"请求内容须为 JSON（Content-Type: application/json），收到的是 %s", "the request body must be JSON (Content-Type: application/json), not %s"},
	"no_content_type":           {"未注明类型的内容", "a body of no stated type"},
	"trailing_data":             {"请求格式有误：JSON 内容之后还有多余的数据", "malformed request: there is more after the JSON value"},
	// Spreadsheets: templates, imports and their problems.
	"app_name":              {"擂台", "Leitai"},
	"thing_import":          {"导入任务", "the import"},
	"sheet_registration":    {"报名表", "Registration"},
	"sheet_instructions":    {"说明", "Instructions"},
	"sheet_lists":           {"下拉选项", "Lists"},
	"template_file":         {"报名表-%s.xlsx", "registration-%s.xlsx"},
	"report_file":           {"%s-问题.xlsx", "%s-problems.xlsx"},
	"col_event":             {"项目", "Event"},
	"col_enterprise":        {"单位", "Enterprise"},
	"enterprise_unknown":    {"本竞赛报名范围内、您所在工会管辖的企业中，没有名称或统一社会信用代码为“%s”的企业", "no enterprise named \"%s\", or with that unified social credit code, enters this contest from within your union"},
	"enterprise_ambiguous":  {"有多家企业名为“%s”，请改填统一社会信用代码", "several enterprises are called \"%s\"; give the unified social credit code instead"},
	"howto_enterprise":      {"“单位”列填写参赛职工所在企业的名称或统一社会信用代码，只能是本工会管辖范围内、可以报名本竞赛的企业。", "In the Enterprise column, give the name or the unified social credit code of each worker's enterprise: an enterprise within your union that enters this contest."},
	"col_name":              {"姓名", "Name"},
	"col_gender":            {"性别", "Gender"},
	"col_id_number":         {"身份证号码", "ID number"},
	"col_mobile":            {"手机号码", "Mobile"},
	"col_trade":             {"工种", "Trade"},
	"col_skill_level":       {"技能等级", "Skill level"},
	"col_years_in_trade":    {"本工种工龄（年）", "Years in trade"},
	"col_master":            {"师傅%s", "Master: %s"},
	"col_problems":          {"错误说明", "Problems"},
	"gender_male":           {"男", "Male"},
	"gender_female":         {"女", "Female"},
	"gender_list":           {"男、女", "Male, Female"},
	"skill_level_5":         {"五级/初级工", "Level 5 / junior worker"},
	"skill_level_4":         {"四级/中级工", "Level 4 / intermediate worker"},
	"skill_level_3":         {"三级/高级工", "Level 3 / senior worker"},
	"skill_level_2":         {"二级/技师", "Level 2 / technician"},
	"skill_level_1":         {"一级/高级技师", "Level 1 / senior technician"},
	"example_name":          {"张三（示例）", "Zhang San (example)"},
	"hint_id_number":        {"18位居民身份证号码；本列为文本格式，请勿转为数字", "the 18-character resident ID number; this column is text, do not turn it into numbers"},
	"hint_mobile":           {"11位手机号码", "an 11-digit mobile number"},
	"hint_list":             {"请从下拉列表中选择", "choose a value from the drop-down list"},
	"howto_title":           {"《%s》报名表填写说明", "How to fill in the registration sheet of %s"},
	"howto_rows":            {"在“报名表”中每行填写一名参赛职工，最多 %d 行；第 2 行灰色为示例，导入时自动跳过，可以删除。", "On the Registration sheet, enter one worker per row, at most %d rows. Row 2, in grey, is an example: importing passes over it, and you may delete it."},
	"howto_required":        {"表头带 * 的列必须填写；项目、性别、技能等级请从下拉列表中选择。", "Columns whose header has a * are required; choose the event, gender and skill level from their drop-down lists."},
	"howto_numbers":         {"身份证号码和手机号码两列是文本格式，请直接输入，粘贴时选择“只粘贴值”。若号码显示为 1.10105E+17 这样的科学计数法，说明它已被转成数字、最后几位已经丢失：请把单元格设为文本格式后重新输入完整号码。", "The ID number and mobile columns are text: type the numbers in, and paste values only. A number shown as 1.10105E+17 has been turned into a number and has lost its last digits: format the cell as text and type the whole number again."},
	"howto_gender":          {"性别须与身份证号码一致；本工种工龄为 0 到 60 的整数，可不填。", "The gender must match the ID number; years in the trade are a whole number from 0 to 60, or left empty."},
	"howto_master":          {"师带徒的参赛者请填写师傅各列，其他参赛者留空。", "For an entrant with a master (师带徒), fill in the master's columns; leave them empty otherwise."},
	"howto_columns":         {"列的顺序可以调整，也可以另加备注列（导入时忽略），但不要修改表头文字。", "You may reorder the columns or add columns of your own, which importing ignores, but do not change the headers."},
	"howto_individual":      {"本表只用于个人项目；团体项目和单位项目请在网页上逐个报名。", "This sheet enters workers into individual events only; enter teams and organisations on the web, one at a time."},
	"howto_again":           {"导入前会先检查整个文件，有任何错误都不会写入，并给出标红的问题文件；同一文件可以重复导入，已报名的人员不会重复报名，修改过的信息会更新到原报名（已审核通过的报名须先撤回）。", "Importing checks the whole file first and writes nothing if any row is wrong, giving you the file back with the problems marked red. A file can be imported again: workers already entered are not entered twice, and changed details update their entries (withdraw an approved entry first)."},
	"howto_window":          {"报名时间：%s 至 %s（北京时间）。", "Registration is open from %s to %s (Beijing time)."},
	"howto_quota_of":        {"%s 每单位限报 %d 人", "%s takes at most %d per enterprise"},
	"howto_quotas":          {"名额：%s。", "Places: %s."},
	"list_separator":        {"；", "; "},
	"no_individual_events":  {"本竞赛没有个人项目，无法用报名表导入；团体和单位项目请在网页上报名", "this contest has no individual event to import into; enter teams and organisations on the web"},
	"column_missing":        {"缺少“%s”列（请使用报名模板的表头）", "the column \"%s\" is missing (use the headers of the registration template)"},
	"event_unknown":         {"本竞赛没有名为“%s”的项目", "this contest has no event called \"%s\""},
	"event_not_individual":  {"项目“%s”不是个人项目，请在网页上报名", "the event \"%s\" is not an individual event; enter it on the web"},
	"id_number_as_number":   {"身份证号码被表格软件转成了数字，最后几位已经丢失（如 1.10105E+17）：请把该列设为文本格式，重新输入完整的18位号码", "the ID number was turned into a number by the spreadsheet and lost its last digits (as in 1.10105E+17): format the column as text and type the whole 18-character number again"},
	"person_rows_differ":    {"与第 %d 行同一身份证号码的人员信息不一致", "the details differ from those of the same ID number in row %d"},
	"row_repeated":          {"与第 %d 行重复：同一职工只能报名项目“%s”一次", "repeats row %d: a worker enters \"%s\" once"},
	"entry_approved":        {"%s 报名项目“%s”已审核通过，不能通过导入修改；如需修改，请先撤回该报名", "the entry of %s into \"%s\" is approved and cannot change by import; withdraw it first to change it"},
	"file_not_spreadsheet":  {"无法识别的文件：请上传 Excel 工作簿（.xlsx）或 CSV 文件", "this is not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file"},
	"file_legacy_xls":       {"这是 Excel 97–2003 格式（.xls）的文件，无法读取：请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再上传", "this is an Excel 97–2003 workbook (.xls), which cannot be read: in Excel or WPS, save it as an Excel workbook (.xlsx) and upload that"},
	"file_encrypted":        {"工作簿设置了打开密码，无法读取：请取消密码后另存再上传", "the workbook has a password to open it and cannot be read: remove the password, save it, and upload it again"},
	"file_too_big":          {"工作簿解压后超过 %d MB，无法读取", "the workbook unpacks to more than %d MB and cannot be read"},
	"file_too_many_rows":    {"文件超过 %d 行，请分成几个文件导入", "the file has more than %d rows; split it into several files"},
	"file_too_many_columns": {"文件超过 %d 列，请只保留报名模板的各列", "the file has more than %d columns; keep the columns of the registration template"},
	"file_no_sheet":         {"工作簿中没有可读取的工作表", "the workbook has no worksheet to read"},
	"file_corrupt":          {"文件已损坏或格式有误，无法读取：请在 Excel 或 WPS 中打开并另存后再上传", "the file is damaged or malformed and cannot be read: open it in Excel or WPS, save it again, and upload that"},
	"import_no_problems":    {"该文件没有问题，无需下载问题文件", "this file has no problems to mark"},
	"import_done":           {"该文件已导入", "this file has been imported already"},
	"import_has_problems":   {"该文件有错误，不能导入：请修改后重新上传", "this file has problems and cannot be imported: correct it and upload it again"},
	"import_running":        {"该文件正在检查或导入，请稍候", "this file is being checked or imported; wait for it"},
	"import_internal":       {"导入时服务器出错，没有写入任何数据，请稍后重新上传", "the server failed during the import and wrote nothing; upload the file again later"},
	"import_interrupted":    {"服务器在检查或导入期间重新启动，没有写入任何数据，请重新上传文件", "the server restarted while the file was being checked or imported, and nothing was written; upload the file again"},
	"import_changed":        {"检查之后报名或职工名册已有变化，请重新上传文件再检查一次", "the entries or the register changed since the check: upload the file again to check it once more"},
}
