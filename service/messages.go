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
	"thing_encryption":          {"二次加密记录", "the encryption draw"},
	"thing_entrant":             {"报名", "the entry"},
	"thing_event":               {"项目", "the event"},
	"thing_organisation":        {"单位", "the organisation"},
	"thing_panel_member":        {"裁判组成员", "the panel member"},
	"thing_person":              {"职工", "the worker"},
	"thing_sheet":               {"评分表", "the sheet"},
	"thing_paper_sheet":         {"纸质评分表", "the paper sheet"},
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
	"panel_member_has_keyings":  {"%s 正在录入或已录入 %d 张纸质评分表，不能移出裁判组", "%s keys %d paper sheets and cannot leave the panel"},
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
	"sheet_on_paper":            {"该评分表以纸质评分表为准，由录分员双人录入，不能在线评分或提交", "this sheet is kept on paper and keyed in by score clerks; it cannot be marked or submitted online"},
	"sheet_marked_online":       {"%s 已在线评分阶段“%s”，该评分表不能改为纸质录入", "%s has marked the stage \"%s\" online; the sheet cannot be keyed from paper"},
	"keying_rounds_taken":       {"该评分表已有两名录分员在录入", "two clerks are keying this sheet already"},
	"keying_not_started":        {"您还没有开始录入该评分表", "you have not started keying this sheet"},
	"keying_submitted":          {"您的录入已提交，不能再修改", "your keying has been submitted and cannot change"},
	"keying_own_entry":          {"您录入过该评分表，不能核对自己的录入：请由裁判长或另一名录分员核对", "you keyed this sheet and cannot confirm your own entry: the chief judge or another clerk settles it"},
	"keying_not_compared":       {"两名录分员都提交录入后才能核对", "the entries are compared once both clerks have submitted"},
	"paper_agreed":              {"该评分表的两次录入已一致并计入成绩，需重新开放后才能修改", "both entries of this sheet agree and count; it must be reopened before it changes"},
	"cell_agrees":               {"%s 号的 %s 两次录入一致，无需核对", "both entries agree on number %s, %s; there is nothing to settle"},
	"remark_criterion":          {"阶段“%[2]s”没有编号为 %[1]s 的评判类评分项", "the stage \"%[2]s\" has no judgement criterion %[1]s"},
	"remark_number":             {"没有 %s 号参赛者", "there is no entrant number %s"},
	"remark_judge":              {"只能请本阶段仍在评分的裁判复评", "only a judge still marking this stage can be asked to mark again"},
	"remark_judge_repeated":     {"同一名裁判出现了两次", "the same judge is named twice"},
	"remark_judge_no_mark":      {"该裁判没有为这一格评分", "this judge has not marked this cell"},
	"remark_no_disagreement":    {"%s 号的“%s”评分差异未超过阈值，无需复评", "the marks of number %s on \"%s\" do not differ by more than the threshold; there is nothing to mark again"},
	"remark_open_already":       {"已请 %s 复评 %s 号的“%s”，尚未处理", "%s has been asked to mark number %s on \"%s\" again already, and has not yet done so"},
	"remark_none":               {"裁判长没有请您复评 %s 号的“%s”", "the chief judge has not asked you to mark number %s on \"%s\" again"},
	"remark_unsettled":          {"还有 %d 个复评请求未处理，不能提交：%s", "%d requests to mark again are still open, so the sheet cannot be submitted: %s"},
	"sheet_remark_only":         {"评分表为复评而重新开放，只能修改复评的格：%s", "the sheet was reopened to mark again; only these cells can change: %s"},
	"cell_closed":               {"%s 号的“%s”已由您接替的裁判评分，不在您的评分表上", "number %s on \"%s\" was marked by the judge you took over from and is not on your sheet"},
	"comparison_before_signoff": {"阶段“%s”签核后才能查看评分比较", "the comparison can be seen once the stage \"%s\" is signed off"},
	"replace_not_judge":         {"请选择阶段“%s”的一名裁判（见习裁判除外）", "choose a judge (not a trainee) of the stage \"%s\""},
	"replace_submitted":         {"%s 已提交“%s”评分表，无需替换", "%s has submitted the sheet of \"%s\"; there is nothing left to take over"},
	"replace_same":              {"不能由裁判本人接替自己", "a judge cannot take over from itself"},
	"replace_on_panel":          {"%s 在本项目裁判组中担任其他职责", "%s has another duty on this event's panel"},
	"replace_on_stage":          {"%s 已在为“%s”评分", "%s marks \"%s\" already"},
	"replace_judged_stage":      {"%s 曾在“%s”中执裁，不能再接替", "%s has judged \"%s\" before and cannot take it over"},
	"already_drawn":             {"项目“%s”已抽签，不能再更改", "the event \"%s\" has been drawn and cannot change"},
	"reject_reason_required":    {"驳回时必须填写理由", "a rejection needs a reason"},
	"ids_not_in_event":          {"部分报名不属于该项目", "some entries are not in this event"},
	"not_pending":               {"报名 %d 不是待审核状态", "entry %d is not pending"},
	"seed_format":               {"抽签种子应为1到16位，只能含数字0–9和字母a–f", "a draw seed is 1 to 16 characters, digits 0–9 and letters a–f only"},
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
	"encryption_no_stage":       {"项目“%s”没有需要二次加密的阶段", "the event \"%s\" has no encrypted stage"},
	"encryption_decoded":        {"项目“%s”已解密", "the event \"%s\" has been decoded already"},
	"encryption_marked":         {"项目“%s”的加密阶段已有评分，不能再次进行二次加密", "marks have been saved on an encrypted stage of \"%s\"; the encryption draw cannot run again"},
	"encryption_not_checked_in": {"还有 %d 名参赛者未检录（到场或缺赛），检录完成后才能进行二次加密", "%d entrants are not checked in yet (present or absent); the encryption draw runs once check-in is complete"},
	"encryption_nobody":         {"项目“%s”没有到场的参赛者，无需加密", "nobody is present in \"%s\"; there is nothing to encrypt"},
	"encryption_not_run":        {"项目“%s”尚未进行二次加密", "the encryption draw of \"%s\" has not run"},
	"encryption_not_signed_off": {"以下加密阶段尚未签核，不能解密：%s", "these encrypted stages are not signed off yet, so no decoding: %s"},
	"encryption_sealed":         {"作品编号对照表已密封，解密前只有加密裁判可以查看", "the work codes are sealed: until decoding only the encryption judge sees them"},
	"encryption_pending":        {"阶段“%s”需二次加密，加密裁判完成二次加密后才能评分", "the stage \"%s\" is encrypted: its sheets open once the encryption judge has run the encryption draw"},
	"encryption_decoded_reopen": {"项目已解密，加密阶段“%s”不能重新开放", "the event has been decoded; the encrypted stage \"%s\" cannot reopen"},
	"encryption_seed_reused":    {"二次加密的种子不能与本项目抽签的种子相同", "the encryption seed cannot be the seed of the event's draw"},
	"conflict_after_encryption": {"二次加密后，加密阶段的裁判不能再申报回避；请联系裁判长", "after the second encryption a judge of an encrypted stage can no longer step aside; ask the chief judge"},
	"check_in_encrypted":        {"项目“%s”已进行二次加密，检录结果不能再更改", "the encryption draw of \"%s\" has run; check-in can no longer change"},
	"trailing_data":             {"请求格式有误：JSON 内容之后还有多余的数据", "malformed request: there is more after the JSON value"},
}
