"""English for the interface (msgid = Simplified Chinese). Untranslated strings fall back to Chinese."""

EN = {
    # navigation and layout
    "协作": "Xiezuo", "东西部协作平台": "East–West Cooperation Platform", "首页": "Home", "总览": "Overview",
    "行政区划": "Regions", "工具": "Tools", "后台任务": "Background jobs", "接口文档": "API docs",
    "接口令牌": "API token", "退出": "Sign out", "登录": "Sign in", "搜索": "Search",
    "搜索（支持繁简、拼音首字母）": "Search (Simplified, Traditional, pinyin initials)",
    "登录东西部协作平台": "Sign in to the East–West Cooperation Platform",
    "用户名": "Username", "密码": "Password", "用户名或密码错误，请重试。": "Wrong username or password.",
    "管辖范围": "Area", "全部": "All", "单位": "Unit", "角色": "Role", "管理员": "Administrator",
    "待审核": "Awaiting approval", "我的后台任务": "My background jobs",
    # versions, maker-checker and roles per channel
    "版本": "Version", "提交人": "Submitted by", "业务板块": "Channel", "分板块角色": "Role by channel",
    "应用标识，如 registry、industry、exchange": "App label, e.g. registry, industry, exchange",
    "未知的业务板块：%(c)s（可选：%(all)s）": "Unknown channel: %(c)s (choose from: %(all)s)",
    "保存失败：您打开此记录后，它已被他人修改（您基于第 %(then)d 版，当前为第 %(now)d 版），您的修改未保存。":
        "Not saved: someone changed this record after you opened it (you started from version %(then)d, "
        "it is now version %(now)d). Your changes were not saved.",
    "%(field)s：当时为“%(then)s”，现在为“%(now)s”": "%(field)s: was “%(then)s”, is now “%(now)s”",
    "如仍要保存您的内容，请核对后再次点击保存。": "To save your values anyway, check them and click Save again.",
    "缺少记录版本，无法确认您修改的是最新内容。请重新打开编辑页面后再保存。":
        "The form does not say which version it edits. Open the edit page again, then save.",
    "记录已提交或已审核，已锁定；或您无修改权限。": "The record is submitted or approved and locked, or you may not edit it.",
    "记录已提交或已审核，已锁定；或您无删除权限。":
        "The record is submitted or approved and locked, or you may not delete it.",
    "记录已提交或已审核，已锁定，不能修改。": "The record is submitted or approved and locked; it cannot be edited.",
    "当前状态或角色不允许此操作。": "The record's status or your role does not allow this.",
    "重新打开已审核的记录时必须填写原因。": "Give a reason for reopening an approved record.",
    "重新打开的原因": "Reason for reopening",
    "提交人不能审核或退回自己提交的记录，请由另一位审核员办理。":
        "You submitted this record: another approver must approve or return it.",
    "该记录涉及您管辖范围以外的地区，须由覆盖全部地区的上级审核。":
        "The record reaches beyond your area; an approver whose area holds all of it must review it.",
    "该记录须由更高一级的审核员审核。": "An approver of a higher level must review this record.",
    "此记录由您提交，须由另一位审核员审核或退回。":
        "You submitted this record; another approver will approve or return it.",
    # record pages
    "新建": "New", "批量导入": "Bulk import", "导出 Excel": "Export Excel", "导出 CSV": "Export CSV",
    "筛选": "Filter", "清除": "Clear", "共 %(n)s 条": "%(n)s records", "没有符合条件的记录。": "No matching records.",
    "上一页": "Previous", "下一页": "Next", "编辑": "Edit", "删除": "Delete", "提交审核": "Submit",
    "审核通过": "Approve", "退回": "Return", "重新打开": "Reopen", "退回原因": "Reason for return",
    "记录已提交或已审核，已锁定，不能修改；审核员可退回或重新打开。":
        "Submitted or approved: locked. An approver may return or reopen it.",
    "变更历史": "Change history", "时间": "Time", "操作人": "By", "操作": "Action",
    "字段：修改前 → 修改后": "Field: before → after", "暂无记录": "No entries", "录入人": "Entered by",
    "导入批次": "Import batch", "保存": "Save", "取消": "Cancel", "请更正下面标出的错误。": "Please correct the errors below.",
    "删除确认": "Confirm deletion", "确认删除": "Delete", "合成": "Synthetic", "合成演示数据": "Synthetic demo data",
    "演示用的合成记录，并非真实事实": "A synthetic demo record, not a real fact",
    "演示用的合成记录，并非真实事实。": "A synthetic demo record, not a real fact.",
    "下载模板": "Download the template", "导入模板": "import template", "上传并导入": "Upload and import",
    "（表头为中文，带 * 的列必填；第二张表为填写说明）":
        " (Chinese headers; columns marked * are required; the second sheet explains each column)",
    "支持 .xlsx 与 .csv（UTF-8 或 GB18030 编码自动识别）。": ".xlsx and .csv (UTF-8 or GB18030, detected) are accepted.",
    "任何一行有错误时，整个文件都不会导入，并给出每个错误所在的行和列。":
        "If any row has an error nothing is imported, and every error is listed with its row and column.",
    "下载结果": "Download result", "下载错误清单": "Download error list", "行": "Row", "列": "Column",
    "列名": "Header", "问题": "Problem", "仅显示前 200 条，完整清单请下载。": "First 200 shown; download the full list.",
    "任务": "Job", "进度": "Progress", "提交时间": "Submitted", "暂无任务": "No jobs", "新增": "Created", "条": "records",
    "没有找到结果。": "Nothing found.", "更多…": "More…", "没有找到。": "Nothing found.",
    "未找到": "Not found", "页面不存在，或不在您的管辖范围内。": "This page does not exist or is outside your area.",
    "无权操作": "Not allowed", "您的角色或该记录的状态不允许此操作。": "Your role or the record's status does not allow this.",
    "生成令牌": "Create token", "重新生成令牌": "Create a new token", "新令牌（只显示一次）": "New token (shown once)",
    "调用接口时在请求头加上": "Send the header", "接口说明见": "See the",
    # regions
    "国家统计局 2023 年统计用区划代码，广东、贵州至村级。可按名称（简体或繁体）、拼音或拼音首字母（如 qn 找到黔南）搜索。":
        "NBS 2023 statistical division codes, Guangdong and Guizhou to village level. Search by name "
        "(Simplified or Traditional), pinyin or initials (qn finds 黔南).",
    "名称、拼音首字母或代码": "Name, pinyin initials or code", "全部级别": "All levels", "名称": "Name",
    "区划代码": "Code", "级别": "Level", "上级": "Parent", "有效期": "Valid", "已停用": "Retired",
    "下级区划": "Subdivisions", "变更为": "Became", "原代码": "Former code", "停用于": "retired on",
    "启用日期": "Valid from", "停用日期": "Valid to", "省级": "Province", "地级": "Prefecture", "县级": "County",
    "乡级": "Township", "村级": "Village", "输入名称、拼音首字母或代码": "Type a name, initials or code",
    "搜索行政区划": "Search regions", "变更后区划": "Successor",
    # statuses and roles
    "状态": "Status", "草稿": "Draft", "已提交": "Submitted", "已审核": "Approved", "已退回": "Returned",
    "只读（领导）": "Read-only (leader)", "填报员": "Editor", "审核员": "Approver",
    "排队中": "Queued", "运行中": "Running", "已完成": "Done", "失败": "Failed",
    # partners
    "单位与结对": "Units and pairings", "基础数据": "Reference data",
    "单位名称": "Name", "简称": "Short name", "单位类型": "Type", "所在地区": "Region",
    "上级或主管单位": "Parent or supervisor", "统一社会信用代码": "Unified credit code", "备注": "Note",
    "结对关系": "Pairings", "结对类型": "Pairing type", "帮扶方地区": "Helping region", "帮扶方单位": "Helping unit",
    "受援方地区": "Helped region", "受援方单位": "Helped unit", "开始日期": "Start", "结束日期": "End",
    "依据文件": "Basis", "帮扶方": "Helper", "受援方": "Helped", "来源文件": "Source document",
    "党政机关": "Government", "协作办公室": "Cooperation office", "职能部门": "Department", "工作组": "Working group",
    "国资委": "SASAC", "国资监管企业": "SASAC-supervised enterprise", "企业": "Enterprise", "学校": "School",
    "医院": "Hospital", "市场": "Market", "社会组织": "Social organisation", "其他": "Other",
    "省对省": "Province → province", "市对州（市）": "City → prefecture", "区对县": "District → county",
    "镇对村": "Township → village", "校对校": "School ↔ school", "院对院": "Hospital ↔ hospital",
    "企业对村": "Enterprise → village",
    # channels
    "交流与协议": "Visits and agreements", "产业与资金": "Industry and funds", "建档立卡与筛查": "Registry and screening",
    "平台": "Platform",
    # core: forms, views, change history, jobs
    "未知的行政区划代码或名称：%(value)s": "Unknown region code or name: %(value)s",
    "名称“%(value)s”对应多个行政区划，请填写 12 位代码":
        "The name “%(value)s” matches several regions; enter the 12-digit code",
    "变更内容": "Changes", "变更记录": "Change record", "标题": "Title", "重新运行": "Run again",
    "您的角色或记录状态不允许此操作。": "Your role or the record's status does not allow this.",
    "已保存：%(obj)s": "Saved: %(obj)s", "已删除：%(obj)s": "Deleted: %(obj)s",
    "该记录仍被其他记录引用，无法删除。": "Other records still refer to this record; it cannot be deleted.",
    "退回时必须填写原因。": "A reason is required when returning a record.", "操作成功。": "Done.",
    "任务尚未结束。": "The job has not finished yet.", "文件过大": "File too large",
    "上传文件超过 %(mb)d MB 的限制，已拒绝接收。": "The upload exceeds the %(mb)d MB limit and was rejected.",
    "确定删除“%(object)s”吗？删除记录会写入变更历史。":
        "Delete “%(object)s”? The deletion is recorded in the change history.",
    "创建时间": "Created", "更新时间": "Updated", "提交": "Submitted", "导入": "Imported", "修改": "Changed",
    "类型": "Type", "对象": "Record", "说明": "Notes", "信息": "Message", "查看": "View",
    "请选择要上传的文件。": "Please choose a file to upload.",
    "不支持的文件类型，请上传 .xlsx 或 .csv 文件。": "Unsupported file type; please upload an .xlsx or .csv file.",
    "文件为空。": "The file is empty.", "是": "Yes", "否": "No", "确认": "Confirm", "完成": "✓", "暂无": "None yet", "无": "None",
    "结束日期不能早于开始日期。": "The end date cannot be before the start date.",
    "地区": "Region", "地区代码": "Region code", "区划": "Region", "村": "Village", "年度": "Year",
    "自": "From", "至": "To", "统计": "Calculate", "合计": "Total", "人数": "People", "姓名": "Name",
    "人员": "Person", "项目": "Project", "出生日期": "Date of birth", "身份证号": "ID number",
    "查看完整身份证号": "Show full ID number",
    # units after a number
    "次": "times", "份": "agreements", "人": "people", "个": "projects", "项": "items", "户": "households",
    "家次": "visits",
    # regions
    "此代码已于 %(d)s 停用。": "This code was retired on %(d)s.", "已于": "completed on",
    # partners
    "任一方地区代码": "Region code (either side)", "在此日期有效": "Valid on this date",
    "上级单位不能是本单位或其下属单位。": "The parent unit cannot be this unit or one of its subunits.",
    "%(side)s须填写地区。": "%(side)s: region is required.",
    "%(side)s地区级别应为“%(level)s”。": "%(side)s: region level must be “%(level)s”.",
    "%(side)s须填写单位。": "%(side)s: unit is required.",
    "%(side)s单位类型不符合“%(kind)s”结对。": "%(side)s: unit type does not fit a “%(kind)s” pairing.",
    "帮扶方与受援方不能相同。": "The helper and the helped cannot be the same.",
    "所属单位": "Unit", "管辖地区": "Regions in charge", "管辖单位": "Units in charge",
    "可查看完整身份证号": "May view full ID numbers", "用户资料": "User profile",
    # ledger (exchange and industry): shared
    "考察调研": "Study visit", "确切日期": "Exact date", "仅知月份（记为当月1日）": "Month only (recorded as the 1st)",
    "仅知所在期间（记为期间首日）": "Period only (recorded as its first day)", "待核查": "To be checked",
    "日期精度": "Date precision", "次数": "Count", "签订日期": "Signing date", "附件": "Attachment",
    "金额不能为负数。": "Amounts cannot be negative.", "企业家次": "Enterprise visits", "协议": "Agreement",
    "列表": "List", "签订协议": "Agreements signed", "依据协议": "Under agreement", "签约日期": "Signing date",
    "领导": "Leader", "代表团": "Delegation", "万元": "10k yuan",
    # ledger: exchange
    "座谈会": "Symposium", "对接会": "Matchmaking meeting", "接待方": "Host",
    "合作框架协议": "Framework cooperation agreement", "合作协议": "Cooperation agreement", "项目合同": "Project contract",
    "活动类型": "Activity type", "开始日期自": "Start date from", "开始日期至": "Start date to",
    "组织或参加单位编号（含下属）": "Organising or participating unit ID (incl. subunits)",
    "考察地区代码": "Visited region code", "东部单位所在地区代码": "Eastern unit's region code", "所属方": "Side",
    "活动编号": "Activity ID", "协议类型": "Agreement type", "签订日期自": "Signed from", "签订日期至": "Signed to",
    "东部签约方编号（含下属）": "Eastern signatory ID (incl. subunits)", "西部地区代码": "Western region code",
    "东部签约方所在地区代码": "Eastern signatory's region code", "成果所属活动编号": "Outcome of activity ID",
    "所选记录不存在或不在您的管辖范围内：%(value)s": "The selected record does not exist or is outside your area: %(value)s",
    "同一单位不能同时是东部和西部签约方：%(names)s": "A unit cannot be both an eastern and a western signatory: %(names)s",
    "活动名称": "Activity name",
    "一条记录汇总多次活动时填写（来源只给出合计时），否则为 1":
        "Fill in when one record sums up several activities (the source gives only a total); otherwise 1",
    "组织单位": "Organising units", "代表团单位": "Delegation units", "带队领导及职务": "Leader and title",
    "代表团人数": "Delegation size", "参加企业家次（名单不全时）": "Enterprise visits (if the list is incomplete)",
    "来源只给出企业数而未列名单时填写；留空则按代表团单位中的企业计数":
        "Fill in when the source gives only a number of enterprises; if blank, enterprises among the delegation units are counted",
    "接待单位": "Host units", "考察地区": "Regions visited", "考察单位（企业、市场等）": "Places visited (enterprises, markets, etc.)",
    "分组数": "Number of groups", "分组情况": "Groups",
    "每行一组：组名：带队人；成员单位；考察地点": "One group per line: name: leader; member units; places visited",
    "成果：签订协议": "Outcome: agreements signed", "成果：确定项目": "Outcome: projects agreed", "主要内容": "Main content",
    "考察与会议": "Visits and meetings", "次数至少为 1。": "The count must be at least 1.",
    "分组情况列出的组数多于分组数。": "More groups are listed than the number of groups.",
    "所属活动": "Activity", "职务": "Title", "所在单位": "Unit", "参加人员": "Participants",
    "会议名称": "Meeting name", "会议日期": "Meeting date", "会议地点": "Venue", "主持人": "Chair",
    "姓名（职务）": "Name (title)", "讲话与发言": "Speeches", "每行一人：姓名（职务）：内容": "One per line: name (title): content",
    "出席人员": "Attendees", "会议": "Meeting",
    "会议日期 %(date)s 不在活动期间（%(start)s 至 %(end)s）内。":
        "The meeting date %(date)s is outside the activity period (%(start)s to %(end)s).",
    "协议名称": "Agreement name", "协议项数": "Number of agreements", "东部签约方": "Eastern signatories",
    "西部签约方": "Western signatories", "涉及受援地区": "Helped regions involved", "协议金额（元）": "Amount (yuan)",
    "结对核查": "Pairing check", "协议项数至少为 1。": "The number of agreements must be at least 1.",
    "属于结对：%(names)s": "Within pairing: %(names)s",
    "待核查：签约双方在签订日期不属于任何结对关系，请审核员核实。":
        "To be checked: on the signing date the parties were in no pairing; an approver should verify.",
    "签订于活动": "Signed during activity", "由此产生的项目": "Resulting projects",
    "暂无（在项目中填写“依据协议”即可关联）": "None yet (set “Under agreement” on a project to link it)",
    "分组": "Groups", "成果": "Outcomes", "暂无可见的成果记录": "No visible outcomes",
    "添加参加人员": "Add participant", "主持": "Chair", "添加会议": "Add meeting",
    "另有 %(hidden_outcomes)s 项成果不在您的管辖范围内。": "%(hidden_outcomes)s more outcomes are outside your area.",
    # ledger: industry
    "产业园区": "Industrial park", "产业基地": "Production base", "帮扶车间": "Assistance workshop", "工厂": "Factory",
    "意向": "Intended", "已签约": "Signed", "已开工": "Under construction", "已投产运营": "In operation", "已停止": "Stopped",
    "农业种养": "Farming and livestock", "农产品加工": "Agricultural processing", "中医药": "Traditional Chinese medicine",
    "制造业": "Manufacturing", "文化旅游": "Culture and tourism", "商贸物流": "Trade and logistics",
    "数字经济": "Digital economy", "建筑建材": "Construction and materials",
    "考察调研次数": "Study visits", "其中待核查（不属于任何结对）": "of which to be checked (outside any pairing)",
    "产业项目": "Industrial projects", "计划投资": "Planned investment", "实际投资": "Actual investment",
    "带动就业": "Jobs created", "吸纳脱贫（贫困）人口就业": "Jobs for people lifted out of poverty",
    "带动脱贫（贫困）人口受益": "People lifted out of poverty who benefit", "项目进展": "Project stage", "进展": "Stage",
    "项目数": "Projects", "财政帮扶资金下达": "Fiscal assistance funds allocated", "已拨付到项目": "Disbursed to projects",
    "结余": "Balance", "社会捐赠": "Social donations", "下达": "Allocated", "拨付": "Disbursed",
    "分年度资金（万元）": "Funds by year (10k yuan)", "已拨付": "Disbursed", "分企业": "By enterprise",
    "签订协议（项）": "Agreements signed", "项目（个）": "Projects", "实际投资（万元）": "Actual investment (10k yuan)",
    "分地区项目": "Projects by region", "带动就业（人）": "Jobs created", "脱贫人口就业（人）": "Jobs for people out of poverty",
    "项目类型": "Project type", "所属行业": "Sector", "确定日期自": "Agreed from", "确定日期至": "Agreed to",
    "投资企业编号（含下属）": "Investing enterprise ID (incl. subunits)", "项目地区代码": "Project region code",
    "投资企业所在地区代码": "Investing enterprise's region code", "依据协议编号": "Agreement ID",
    "结对关系编号": "Pairing ID", "年度自": "Year from", "年度至": "Year to", "受援地区代码": "Helped region code",
    "资金下达编号": "Allocation ID", "项目编号": "Project ID", "资金年度": "Funding year",
    "资金年度自": "Funding year from", "资金年度至": "Funding year to",
    "填写了实际投资额，但没有填写投资企业：请填写投资企业，或删去实际投资额。":
        "An actual investment is given without an investing enterprise: add the enterprise or remove the amount.",
    "项目名称": "Project name", "投资企业": "Investing enterprises", "项目地点（县、乡或村）": "Location (county, township or village)",
    "确定日期": "Date agreed", "项目意向确定或立项的日期": "Date the project was agreed or approved",
    "开工日期": "Construction start", "投产运营日期": "Operation start", "停止日期": "Stop date",
    "其他进展节点": "Other milestones", "每行一项：2019-05-01 一期投产": "One per line: 2019-05-01 phase 1 in operation",
    "计划投资（元）": "Planned investment (yuan)", "实际投资（元）": "Actual investment (yuan)",
    "企业自筹资金（元）": "Enterprise's own funds (yuan)", "社会资金（元）": "Social funds (yuan)",
    "带动就业人数": "Jobs created",
    "日期顺序有误：“%(b)s”（%(d2)s）早于“%(a)s”（%(d1)s）。":
        "Dates out of order: “%(b)s” (%(d2)s) is before “%(a)s” (%(d1)s).",
    "停止日期不能早于确定日期。": "The stop date cannot be before the date agreed.",
    "项目进展为“%(s)s”时须填写此日期。": "This date is required when the stage is “%(s)s”.",
    "吸纳脱贫人口就业人数不能多于带动就业人数。":
        "Jobs for people out of poverty cannot exceed jobs created.",
    "项目地点至少应到市（州）一级，最好到县、乡或村。":
        "The location must be at least a city (prefecture), preferably a county, township or village.",
    "下达地区": "Allocated to region", "留空表示整个受援地区": "Leave blank for the whole helped region",
    "下达资金（元）": "Allocated funds (yuan)", "社会捐赠（元）": "Social donations (yuan)",
    "财政帮扶资金": "Fiscal assistance funds", "%(y)s 年不在该结对关系的有效期内。": "%(y)s is outside the pairing's validity.",
    "下达地区应在受援方“%(r)s”范围内。": "The region must lie within the helped region “%(r)s”.",
    "已拨付 %(d)s 万元，下达资金不能少于此数。":
        "%(d)s (10k yuan) is already disbursed; the allocation cannot be less.",
    "资金下达": "Fund allocations", "拨付日期": "Disbursement date", "拨付金额（元）": "Amount disbursed (yuan)",
    "资金拨付": "Fund disbursements", "拨付金额应大于零。": "The amount disbursed must be greater than zero.",
    "项目不在该笔资金的下达地区“%(r)s”内。": "The project is outside the allocation's region “%(r)s”.",
    "拨付超出下达资金：下达 %(a)s 万元，已拨付 %(o)s 万元，余额 %(b)s 万元，本次 %(n)s 万元。":
        "Disbursement exceeds the allocation: allocated %(a)s, disbursed %(o)s, balance %(b)s, "
        "this disbursement %(n)s (10k yuan).",
    "拨付日期早于资金所属年度（%(y)s 年）。": "The disbursement date is before the funding year (%(y)s).",
    "已拨付（万元）": "Disbursed (10k yuan)", "余额（万元）": "Balance (10k yuan)", "拨付明细": "Disbursements",
    "合作概况": "Cooperation overview", "仅统计已审核记录": "Approved records only",
    # Figure registry (core/figures.py) and the channels' figures.
    "分地区": "By area", "含未审核": "incl. unapproved", "含未审核记录（草稿、已提交）":
        "Include unapproved records (drafts, submitted)",
    "以下数字含未审核（草稿、已提交）的记录，尚未经审核，不能作为正式统计。":
        "These figures include unapproved records (drafts, submitted); they are not official figures.",
    "只统计已审核的记录。": "Approved records only.", "（已审核记录）": "(approved records)",
    "最近的记录": "Latest records", "东→西（赴受援地区）": "East→West (to the helped area)",
    "西→东（赴帮扶地区）": "West→East (to the helping area)", "其中东→西": "of which East→West",
    "其中西→东": "of which West→East",
    "考察、座谈、对接活动的次数（一条记录汇总多次时按其“次数”计）；结对关系按东→西与西→东两个方向合计。":
        "Visits, symposiums and matchmaking events (a record summing several counts by its “times”); "
        "for a pairing, both directions East→West and West→East.",
    "帮扶方单位赴受援地区的考察调研次数。": "Visits by the helping side's units to the helped area.",
    "受援方单位赴帮扶地区的考察调研次数（如贵州代表团赴广东学习考察）。":
        "Visits by the helped side's units to the helping area (e.g. a Guizhou delegation to Guangdong).",
    "参加考察调研的企业家次：来源载明的企业数，否则按代表团单位中的企业计。":
        "Enterprise-visits: the number a source states, else the enterprises in the delegation.",
    "签订的协议项数（一条记录汇总多项时按其“协议项数”计），按签订日期计入期间。":
        "Agreements signed (a record summing several counts by its item count), by signing date.",
    "签约双方在签订日期不属于任何结对关系、待审核员核实的协议份数。":
        "Agreements whose parties belonged to no pairing on the signing date, awaiting the approver's check.",
    "来自活动编号": "From activity no.", "结对关系编号（东西双向）": "Pairing id (both directions)", "方向（与结对关系编号同用）": "Direction (with pairing id)",
    "暂无可见的协议": "No visible agreement", "产业合作项目个数，按确定日期计入期间。":
        "Industrial cooperation projects, by the date agreed.",
    "项目计划投资额之和（元；页面以万元显示）。": "Sum of planned investment (yuan; pages show 10,000 yuan).",
    "项目实际投资额之和（元；页面以万元显示）。": "Sum of actual investment (yuan; pages show 10,000 yuan).",
    "项目带动就业人数之和。": "Sum of jobs created.", "项目吸纳脱贫（贫困）人口就业人数之和。":
        "Sum of people lifted out of poverty employed.",
    "项目带动脱贫（贫困）人口受益人数之和。": "Sum of people lifted out of poverty benefiting.",
    "下达的财政帮扶资金之和，按资金年度计入期间。": "Fiscal assistance funds allocated, by funding year.",
    "拨付到项目的财政帮扶资金之和，按所属资金的年度计入期间。":
        "Fiscal assistance funds paid to projects, by the allocation's year.",
    "下达减已拨付。": "Allocated less disbursed.", "随资金下达登记的社会捐赠之和。":
        "Social donations recorded with the allocations.",
    "暂无可见的项目（在项目中填写“来自活动”即可关联）":
        "No visible project (link one by filling in “From activities” on the project)",
    "另有 %(n)s 个项目不在您的管辖范围内。": "%(n)s more projects are outside your area.",
    "所有数字均由您管辖范围内的记录实时计算；点击数字可查看其统计的记录。活动按开始日期、协议按签订日期、项目按确定日期、资金按年度计入期间。":
        "All figures are calculated live from the records in your area; click a figure to see the records it counts. "
        "Activities are dated by start date, agreements by signing date, projects by date agreed, funds by year.",
    "详细": "Details", "所在地区概况": "Regional overview", "最近的考察与协议": "Recent visits and agreements",
    "财政帮扶资金拨付": "Fiscal assistance fund disbursements", "进展节点": "Milestones", "来自活动": "From activities",
    # registry: choices
    "一般贫困户": "Ordinary poor household", "低保贫困户": "Subsistence-allowance poor household",
    "特困供养": "Extreme-poverty support", "因病": "Illness", "因残": "Disability", "因学": "Education costs",
    "因灾": "Disaster", "缺土地": "Lack of land", "缺水": "Lack of water", "缺技术": "Lack of skills",
    "缺劳动力": "Lack of labour", "缺资金": "Lack of funds", "交通条件落后": "Poor transport",
    "自身发展动力不足": "Lack of motivation", "钢混": "Reinforced concrete", "砖混": "Brick and concrete",
    "砖木": "Brick and timber", "土木": "Earth and timber", "木结构": "Timber",
    "A级": "Grade A", "B级": "Grade B", "C级": "Grade C", "D级": "Grade D", "男": "Male", "女": "Female",
    "户主": "Head of household", "配偶": "Spouse", "子女": "Child", "儿媳/女婿": "Child-in-law",
    "孙子女": "Grandchild", "父母": "Parent", "祖父母": "Grandparent", "兄弟姐妹": "Sibling",
    "文盲或半文盲": "Illiterate or semi-literate", "小学": "Primary school", "初中": "Junior secondary",
    "高中": "Senior secondary", "中专/技校": "Secondary vocational or technical", "大专及以上": "College or above",
    "学龄前": "Pre-school age", "非在校生": "Not in school", "学前教育": "Preschool", "中职": "Secondary vocational",
    "高职及本科以上": "Higher vocational or university", "辍学": "Dropped out", "健康": "Healthy",
    "长期慢性病": "Chronic illness", "患有大病": "Serious illness", "残疾": "Disabled",
    "普通劳动力": "Ordinary labour", "技能劳动力": "Skilled labour", "丧失劳动力": "Unable to work",
    "无劳动力": "No labour", "未务工": "Not employed", "县内务工": "Working in the county",
    "省内县外务工": "Working in the province, outside the county", "省外务工": "Working outside the province",
    "务农": "Farming", "吃穿不愁": "Food and clothing", "义务教育": "Compulsory education", "基本医疗": "Basic medical care",
    "住房安全": "Safe housing", "饮水安全": "Safe drinking water", "脱贫不稳定户": "Unstable out-of-poverty household",
    "边缘易致贫户": "Marginal household at risk", "突发严重困难户": "Household in sudden severe hardship",
    "拟退出": "Proposed for exit", "村评议通过": "Passed village review", "公示无异议": "Publicised without objection",
    "县级批准退出": "Exit approved by county", "未通过": "Rejected",
    # registry: filters and fields
    "达标": "Met", "未达标": "Not met", "未筛查": "Not screened", "户属性": "Household category",
    "主要致贫原因": "Main cause of poverty", "监测对象类别": "Monitoring category", "已脱贫": "Out of poverty",
    "户编号": "Household ID", "与户主关系": "Relation to head", "健康状况": "Health", "劳动技能": "Labour skills",
    "未达标项目": "Unmet item", "未整改完成": "Not yet remedied", "退出进度": "Exit progress",
    "未找到户编号（或不在您的管辖范围内）。": "Household ID not found (or outside your area).",
    "所在户（户编号）": "Household (ID)", "18 位公民身份号码；保存后只显示脱敏号码":
        "18-digit citizen ID number; only a masked number is shown after saving",
    "身份证号（脱敏）": "ID number (masked)",
    "此人已登记在户 %(n)s 中，一人不能同时属于两户。":
        "This person is already registered in household %(n)s; a person cannot belong to two households.",
    "建档立卡户（户编号）": "Registered poor household (ID)", "性别": "Sex", "所在村": "Village",
    "户主姓名": "Head of household's name", "其他致贫原因": "Other causes of poverty",
    "多个原因用顿号（、）分隔，如：因病、缺技术": "Separate causes with 、, e.g. 因病、缺技术",
    "家庭人口": "Household size", "工资性收入（元）": "Wage income (yuan)",
    "生产经营性收入（元）": "Business income (yuan)", "转移性收入（元）": "Transfer income (yuan)",
    "财产性收入（元）": "Property income (yuan)", "生产经营性支出（元）": "Business expenses (yuan)",
    "人均纯收入（元）": "Net income per person (yuan)", "住房面积（平方米）": "Floor area (m²)",
    "住房结构": "Housing structure", "住房安全等级": "Housing safety grade", "帮扶责任人": "Assistance contact",
    "帮扶责任人电话": "Assistance contact phone", "识别年度": "Year identified", "脱贫年度": "Year out of poverty",
    "义务教育有保障": "Compulsory education assured", "基本医疗有保障": "Basic medical care assured",
    "住房安全有保障": "Safe housing assured", "饮水安全有保障": "Safe drinking water assured",
    "纳入监测日期": "Monitoring start", "风险消除日期": "Risk cleared on", "建档立卡户": "Registered poor household",
    "所在村须为村级（第 5 级）行政区划代码。": "The village must be a village-level (level 5) region code.",
    "未知的致贫原因：%(v)s": "Unknown cause of poverty: %(v)s",
    "脱贫年度不能早于识别年度。": "The year out of poverty cannot be before the year identified.",
    "所在户": "Household", "民族": "Ethnicity", "文化程度": "Education", "在校生状况": "School status",
    "务工状况": "Employment", "参加基本医疗保险": "Basic medical insurance", "参加基本养老保险": "Basic pension insurance",
    "家庭成员": "Household members", "适用地区（省）": "Province",
    "脱贫标准（元/人·年）": "Poverty line (yuan/person·year)", "监测范围（元/人·年）": "Monitoring threshold (yuan/person·year)",
    "风险消除所需稳定月数": "Stable months to clear risk", "年度标准": "Annual standards",
    # registry: screening, remedies, exits
    "筛查名称": "Screening name", "筛查范围": "Screening area", "筛查轮次": "Screening round",
    "佐证材料": "Evidence", "走访记录、照片编号、证明文件等": "Visit notes, photo numbers, certificates, etc.",
    "核查人": "Checked by", "核查日期": "Check date", "户筛查记录": "Household screening",
    "该户不在本轮筛查范围内。": "This household is outside this screening round's area.",
    "发现于筛查": "Found in screening", "整改措施": "Remedy", "整改期限": "Deadline", "责任人": "Responsible person",
    "整改完成日期": "Remedied on", "问题整改": "Remedies", "退出年度": "Exit year",
    "当年脱贫标准（元）": "Poverty line that year (yuan)", "公示开始日期": "Public notice start",
    "批准日期": "Approval date", "脱贫退出": "Poverty exits",
    "未设置 %(y)s 年的脱贫标准，请先在“年度标准”中录入。":
        "No poverty line is set for %(y)s; enter it under “Annual standards” first.",
    "人均纯收入 %(i)s 元未超过 %(y)s 年脱贫标准 %(l)s 元。":
        "Net income per person of %(i)s yuan does not exceed the %(y)s poverty line of %(l)s yuan.",
    "“两不愁三保障”及饮水安全尚未全部达标（以最近一次筛查为准）。":
        "The two assurances and three guarantees and safe drinking water are not all met (per the latest screening).",
    "该户已于 %(y)s 年脱贫退出。": "This household exited poverty in %(y)s.",
    "该户已有进行中的退出申请。": "This household already has an exit in progress.",
    "上级代码": "Parent code", "维度": "Dimension", "取值": "Value", "户数": "Households", "汇总数": "Summary counts",
    "不通过原因": "Reason for rejection", "不通过": "Reject",
    "两不愁三保障及饮水安全（最近一次筛查）":
        "Two assurances, three guarantees and safe drinking water (latest screening)",
    "尚未筛查": "Not screened yet", "期限": "deadline", "纳入防返贫监测": "Add to poverty-relapse monitoring",
    # registry: import, summary, worklist
    "导入建档立卡数据": "Import registry data", "导入建档立卡数据（户与成员）": "Import registry data (households and members)",
    "建档立卡-导入模板.xlsx": "registry-import-template.xlsx",
    "（每行一名成员，同户成员户编号相同；户信息以“户主”行为准）":
        " (one member per row; members of a household share its ID; household data is taken from the head's row)",
    "支持 .xlsx（可含多个工作表）与 .csv（UTF-8 或 GB18030 编码自动识别）；表头可用“公民身份号码”“身份证号”等常见写法。":
        ".xlsx (several sheets allowed) and .csv (UTF-8 or GB18030, detected) are accepted; headers may use common "
        "variants such as 公民身份号码 or 身份证号.",
    "任何一行有错误时，整个文件都不会导入；页面列出每个错误所在的行和列，并可下载错误清单。":
        "If any row has an error nothing is imported; every error is listed with its row and column, "
        "and the list can be downloaded.",
    "再次导入同一文件不会改动任何数据；更正后的文件按身份证号更新，并记录改动内容。":
        "Importing the same file again changes nothing; a corrected file updates records by ID number and logs the changes.",
    "查看完整身份证号（将记录日志）": "Show full ID number (logged)", "建档立卡汇总": "Registry summary",
    "数字为户数（“人数”列除外），点击可查看对应的户清单。汇总数在每次导入和修改后即时更新。":
        "Figures are households (except the “People” column); click one to list them. "
        "Totals update immediately after every import and change.",
    "尚无建档立卡数据。": "No registry data yet.", "按主要致贫原因": "By main cause of poverty",
    "致贫原因": "Cause of poverty", "问题整改清单": "Remedy worklist", "问题整改清单（按村）": "Remedy worklist (by village)",
    "地区代码前缀，如 520521": "Region code prefix, e.g. 520521", "涉及户数": "Households",
    "未整改问题": "Open issues", "已逾期": "Overdue", "未定整改措施": "No remedy set", "最近期限": "Next deadline",
    "没有未整改的问题。": "No open issues.", "防返贫监测对象": "Households under poverty-relapse monitoring",
    "暂无监测对象。": "No monitored households.", "按年度标准消除稳定户风险": "Clear risk for stable households by annual standard",
    # cooperation pages: synthetic data
    "排除合成演示数据": "Leave out synthetic demo data",
    "统计含标记为合成演示数据的记录；勾选“排除合成演示数据”只统计真实记录。":
        "Figures include records marked as synthetic demo data; tick “Leave out synthetic demo data” to count real records only.",
    # registry: the monitoring procedure and the shared procedure machinery
    "农户申请": "Household application", "干部排查": "Found by cadres", "部门筛查预警": "Department data warning",
    "已预警": "Warned", "已入户核实": "Visited", "已承诺授权": "Consent given", "已数据比对": "Data matched",
    "村级评议通过": "Passed village review", "乡镇审核通过": "Passed township review",
    "县级审定纳入监测": "Approved by the county: monitored", "未纳入监测": "Not taken into monitoring",
    "风险已消除": "Risk cleared", "已调整监测类别": "Category changed", "拟纳入监测类别": "Proposed monitoring category",
    "预警来源": "Source of the warning", "监测程序进度": "Monitoring progress", "程序进行中": "Under way",
    "由防返贫监测程序的县级审定设置": "Set by the county approval of a monitoring case",
    "预警日期": "Warning date", "预警时人均纯收入（元）": "Net income per head at warning (yuan)",
    "当年监测范围（元）": "Monitoring threshold of the year (yuan)", "风险情况": "Risk",
    "如因病、因残、因灾、因意外事故，收入骤减或支出骤增等":
        "e.g. illness, disability, disaster, accident, a sudden fall in income or rise in spending",
    "入户核实日期": "Visit date", "核实人": "Visited by", "承诺授权日期": "Consent date",
    "县级审定日期": "County approval date", "防返贫监测": "Monitoring case",
    "该户已有进行中的监测程序。": "This household already has a monitoring case under way.",
    "预警日期不能晚于今天。": "The warning date cannot be later than today.",
    "未设置 %(y)s 年的监测范围，请先在“年度标准”中录入。":
        "No monitoring threshold for %(y)s: enter it under “Annual standards” first.",
    "该户已是%(c)s（自 %(d)s 起纳入监测）。": "This household is already monitored as %(c)s (since %(d)s).",
    "该户已有进行中的监测程序（%(s)s，%(d)s 预警），不能再开启一个。":
        "This household already has a monitoring case under way (%(s)s, warned on %(d)s); another cannot be opened.",
    "%(p)s须按 %(order)s 的顺序进行（当前进度：%(stage)s）":
        "%(p)s: the steps go in the order %(order)s (now: %(stage)s)",
    "日期不能晚于今天。": "The date cannot be later than today.",
    "日期不能早于上一步的日期（%(d)s）。": "The date cannot be earlier than the step before (%(d)s).",
    "该记录不在您的管辖范围内": "This record is outside your area", "当前进度或角色不允许此操作":
        "The progress or your role does not allow this", "不通过时必须填写原因": "A rejection needs a reason",
    "您的角色不允许此操作": "Your role does not allow this", "请填写%(f)s。": "Please fill in %(f)s.",
    "日期格式应为 2024-03-01。": "Write the date as 2024-03-01.", "已更新%(p)s进度：%(s)s。": "%(p)s updated: %(s)s.",
    "退出程序": "Exit procedure", "村评议": "Village review", "公示": "Public notice", "县级批准": "County approval",
    "该户已是%(c)s，无需再审定。": "This household is already monitored as %(c)s; no approval needed.",
    "监测程序": "Monitoring procedure", "入户核实": "Household visit", "农户承诺授权": "Household consent",
    "数据比对": "Data matching", "村级评议": "Village review", "乡镇审核": "Township review",
    "县级审定": "County approval", "风险消除": "Risk cleared", "调整监测类别": "Change of category",
    "该户不在您的管辖范围内": "This household is outside your area",
    "监测对象：%(c)s（自 %(d)s 起）": "Monitored: %(c)s (since %(d)s)",
    "非监测对象（风险已于 %(d)s 消除）": "Not monitored (risk cleared on %(d)s)", "非监测对象": "Not monitored",
    "风险情况，如：户主患大病，医疗支出骤增": "Risk, e.g. the head fell seriously ill, medical costs rose sharply",
    "预警：开启监测程序": "Warning: open a monitoring case", "低于监测范围": "Below the threshold",
    "不低于监测范围": "Not below the threshold", "下一步": "Next", "未开始": "Not yet",
    "进行中的防返贫监测程序（按村）": "Monitoring cases under way (by village)", "最早预警": "Earliest warning",
    "没有进行中的监测程序。": "No monitoring case under way.",
    "此身份证号已登记。": "This ID number is already registered.", "导入行指纹": "Import row fingerprint",
    "已预警，开启防返贫监测程序：%(c)s。下一步：入户核实。":
        "Warned: monitoring case opened for %(c)s. Next: household visit.",
    # writes and hints across areas (core.scope, registry member messages)
    "（范围外记录）": "(record outside your area)",
    "%(fields)s不在您的管辖范围内：只能在本辖区新建记录或将记录移入本辖区。":
        "%(fields)s is outside your area: records can only be created in or moved into your own area.",
    "%(fields)s均不在您的管辖范围内：只能在本辖区新建记录或将记录移入本辖区。":
        "None of %(fields)s is inside your area: records can only be created in or moved into your own area.",
    "“%(field)s”所选的对象不在您可关联的范围内（本辖区及其结对方）。":
        "“%(field)s”: a chosen item is outside what you may link to (your area and its partners).",
    "该记录不在您的管辖范围内，不能修改、删除或办理。":
        "This record is outside your area: you cannot change, delete or process it.",
    "行政区划“%(value)s”不在您可填报的范围内（本辖区及其结对方）。":
        "Region “%(value)s” is outside what you may enter (your area and its partners).",
    "此人已登记在另一户中，一人不能同时属于两户。":
        "This person is already registered in another household; a person belongs to one household only.",
}

# Import value aliases (core/aliases.py).
EN.update({
    "“%(value)s”不是该字段的可选值（可选：%(allowed)s）": "“%(value)s” is not a choice of this field (choices: %(allowed)s)",
    "该写法已有对照": "This spelling already has a mapping",
    "导入取值对照": "Import value mappings",
    "导入文件中的这些写法按对照转换为系统中的取值（如全国系统导出的“之孙子”对应“孙子女”）。批量导入与各类记录的导入都使用此表。":
        "Spellings in imported files are converted to the system's values by this table (e.g. “之孙子” exported by "
        "the national system becomes “孙子女”). The bulk import and every record type's import use it.",
    "添加": "Add",
    "字段": "Field",
    "外部写法": "Spelling in files",
    "对应取值": "Value",
})

# Everyday use (issue 12): list sorting, page size, refused filters, bulk actions, import templates, money.
EN.update({
    "已审核通过": "Approved",
    "已删除": "Deleted",
    "您的角色不允许此批量操作。": "Your role does not allow this bulk action.",
    "请先勾选要操作的记录。": "Tick the records to act on first.",
    "一次最多操作 %(n)s 条记录。": "At most %(n)s records at a time.",
    "记录不存在或不在您的查看范围内。": "The record does not exist or is outside what you may see.",
    "请填写行政区划代码（2、4、6、9 或 12 位数字），例如 522700000000（黔南州）或 5227。":
        "Enter a region code (2, 4, 6, 9 or 12 digits), e.g. 522700000000 (Qiannan) or 5227.",
    "筛选条件“%(label)s”的值“%(value)s”无效：%(error)s": "Filter “%(label)s”: the value “%(value)s” is invalid: %(error)s",
    "分页": "Pages",
    "批量%(action)s：确认 %(n)s 条记录": "Bulk %(action)s: confirm %(n)s records",
    "以下记录将逐条处理，每条记录按其本身的权限、地区范围和审核规则检查；不允许的记录不会被改动，结果页会逐条说明。":
        "The records below are processed one by one, each checked against its own permissions, area and review "
        "rules; a record that may not be processed is left unchanged, and the result page says why.",
    "编号": "ID",
    "记录": "Record",
    "退回原因（适用于所有所选记录）": "Reason for returning (applies to every chosen record)",
    "确认%(action)s": "Confirm: %(action)s",
    "批量%(action)s：结果": "Bulk %(action)s: result",
    "共 %(n)s 条，成功 %(done)s 条。": "%(n)s records, %(done)s done.",
    "结果": "Result",
    "返回列表": "Back to the list",
    "筛选条件无效，未显示任何记录。请修改或清除筛选条件。":
        "A filter value is invalid, so no records are shown. Change or clear the filters.",
    "每页": "Per page",
    "对勾选的记录": "Ticked records",
    "全选本页": "Select all on this page",
    "选择": "Select",
    "共 %(shown)s 条": "%(shown)s records",
    "元": "yuan",
})
