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
}
