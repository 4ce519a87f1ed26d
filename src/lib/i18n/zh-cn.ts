import type { zhCNAreas } from './zh-cn-areas';

/**
 * The source catalogue, in Simplified Chinese: here the strings of the shell (sign-in, navigation,
 * header, errors, forms), which ship with the first page; the areas' strings are in
 * `zh-cn-areas.ts`.
 */
export const zhCN = {
  'app.name': '人才办工作台',
  'app.org': '中共昆山市委组织部人才办（示意）',
  'app.skipToContent': '跳到主要内容',
  'app.pageTitle': '{page} · 人才办工作台',
  'demo.badge': '演示数据',
  'demo.notice': '本系统展示的数据均由程序按固定种子生成，仅供演示，不代表任何城市的真实统计。',
  'demo.reset': '重置演示数据',
  'demo.resetConfirm': '重置后，您在演示环境中做的所有修改都将丢失。确定重置吗？',
  'demo.faultsActive': '已开启故障注入：{faults}',

  'nav.main': '主导航',
  'nav.overview': '概览',
  'nav.intake': '引才渠道',
  'nav.policyPatches': '政策补丁',
  'nav.serviceCases': '服务月工单',
  'nav.reports': '报表导出',
  'nav.admin': '系统管理',
  'nav.breadcrumb': '面包屑',
  'nav.home': '首页',
  'nav.collapse': '收起导航',
  'nav.expand': '展开导航',
  'nav.open': '打开导航',

  'bell.label': '工单提醒',
  'bell.item': '{label} {count} 件',
  'bell.overdue': '已逾期',
  'bell.dueSoon': '即将到期（下一工作日结束前）',
  'bell.returned': '退单待审',
  'bell.extension': '延期待批',
  'bell.lapsed': '逾期满 5 个工作日（应发催办通知书）',
  'bell.dispatched': '待签收',
  'bell.assisting': '协办待反馈',
  'bell.supervised': '督办中',
  'header.language': '语言',
  'header.theme': '主题',
  'header.themeLight': '浅色',
  'header.themeDark': '深色',
  'header.themeSystem': '跟随系统',
  'header.userMenu': '用户菜单：',
  'header.department': '所属部门',
  'header.signOut': '退出登录',

  'role.viewer': '科员',
  'role.officer': '承办人',
  'role.manager': '科长·处长',
  'role.admin': '系统管理员',
  'role.viewer.hint': '查看指标与报表，个人信息脱敏显示',
  'role.officer.hint': '分派、答复、办结服务工单；提出政策补丁',
  'role.manager.hint': '承办人全部权限，另可导出报表、审批补丁、督办',
  'role.admin.hint': '管理用户、角色和字典数据',

  'login.title': '登录人才办工作台',
  'login.subtitle': '请使用工作账号登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.submitting': '正在登录…',
  'login.failed': '用户名或密码不正确',
  'login.required': '请输入{field}',
  'login.expired': '登录已过期，请重新登录。登录后将回到您刚才的页面。',
  'login.signedOut': '您已安全退出。',
  'login.demoAccounts': '演示账号',
  'login.demoHint': '演示环境中所有账号的密码均为 {password}。点击账号即可填入。',
  'login.useAccount': '填入演示账号：',

  'common.colon': '：',
  'common.separator': ' · ',
  'common.listSeparator': '、',
  'common.retry': '重试',
  'common.loading': '加载中…',
  'common.cancel': '取消',
  'common.confirm': '确定',
  'common.close': '关闭',
  'common.save': '保存',
  'common.details': '技术详情',
  'common.backHome': '返回概览',
  'common.comingSoon': '建设中',
  'common.noData': '暂无数据',

  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.offline': '您的设备已离线，联网后请重试。',
  'error.tooLarge': '提交的内容过大，请删减后再试。',
  'error.tooManyRequests': '尝试次数过多，请 {minutes} 分钟后再试。',
  'error.unavailable': '服务器暂时繁忙，请稍后重试。',
  'error.timeout': '服务器长时间没有响应，请稍后重试。',
  'error.malformed': '服务器返回的数据无法解析，已停止显示以免出错。请重试或联系管理员。',
  'error.contract': '服务器返回的数据格式与约定不符，已停止显示以免出错。请联系管理员。',
  'error.server': '服务器出错（{status}），请稍后重试。',
  'error.unauthenticated': '登录已过期，请重新登录。',
  'error.forbidden': '您的角色没有执行此操作的权限。',
  'error.notFound': '要找的记录不存在，或不在您的数据权限范围内。',
  'error.conflict': '该记录已被他人修改。已载入最新版本，您填写的内容已保留。',
  'error.invalidTransition': '当前状态下不能执行此操作，请刷新后再试。',
  'error.validation': '提交的内容有误，请按提示修改。',
  'error.unknown': '发生未知错误（{message}）。',
  'error.pageCrashed': '页面出错了',
  'error.pageCrashedHint': '此页面遇到意外错误，其他页面不受影响。',
  'error.reload': '重新加载',

  'page.notFound': '页面不存在',
  'page.notFoundHint': '您访问的地址不存在，可能已被移动或删除。',
  'page.forbidden': '没有访问权限',
  'page.forbiddenHint': '您的角色（{role}）不能访问此页面。如需开通，请联系系统管理员。',
  'page.comingHint': '此功能正在建设中，将在后续版本上线。',

  'url.invalidParams': '链接中的部分条件无效，已忽略。',
  'url.invalidFilters': '链接中的这些条件无效，已忽略：{names}。',
  'form.required': '此项必填',
  'form.phone': '请输入 11 位手机号，或带区号的固定电话',
  'form.tooLong': '不能超过 {max} 个字',
  'form.none': '（无）',
  'form.choose': '请选择',
  'form.fixErrors': '请先修改标红的项目',
  'form.conflictTitle': '该记录已被他人修改',
  'form.conflictBody':
    '在您编辑期间，有人保存了新版本。对方改过而您未改的项目已采用对方的内容；双方都改过的项目请逐项选择。您填写的内容都还在。',
  'form.theirs': '对方的版本',
  'form.mine': '您的版本',
  'form.theirsBy': '对方的版本（{name}，{at}）',
  'form.conflictUnresolved': '还有 {count} 项双方都改过，请逐项选择保留哪个版本后再保存。',
  'form.conflictChoose': '请选择',
  'form.saveMerged': '保存合并后的内容',
  'form.discardTitle': '放弃未保存的修改？',
  'form.discardBody': '您在表单中的修改尚未保存，离开后将丢失。',
  'form.discard': '放弃修改',
  'form.tooShort': '至少 {min} 个字',
  'form.atLeast': '不能小于 {min}',
  'form.atMost': '不能大于 {max}',
  'form.chooseAtLeast': '至少选择 {min} 项',
  'form.chooseAtMost': '最多选择 {max} 项',
  'form.number': '请输入数字',
  'form.invalidFormat': '格式不正确',
  'form.rule.inactiveAssignee': '该人员不在岗或不能承办此项',
  'form.rule.eventChannel': '所选活动不属于该招引渠道',
  'form.rule.investmentPerson': '只有项目可以填写投资额',
  'form.rule.dateOutOfRange': '日期须在 {from} 至 {to} 之间',
  'form.rule.unknownRecords': '部分记录已不存在，请刷新后重试',
  'form.rule.bulkLimit': '一次批量操作最多 {limit} 条，请先缩小筛选范围',
  'form.rule.duplicateName': '您已有同名的视图，请换一个名称',
  'form.rule.unknownCode': '所选项目已停用或不存在，请重新选择',
  'form.rule.ownAdmin': '不能取消自己的管理员权限',
  'form.rule.effectRequired': '进入评估须填写实施效果',
  'form.rule.notFuture': '须晚于当前时间',
  'form.rule.unknownCase': '找不到工单 {ids}，或不在您的数据范围内',
  'form.rule.alreadyLinked': '已关联其他补丁：{ids}',
  'form.rule.notLinked': '未关联本补丁：{ids}',
  'form.rule.noteRequired': '此操作须填写理由',
  'toast.region': '通知（{hotkey}）',
  'form.rule.clauseRequired': '请先起草补丁条款，再征求意见',
  'form.rule.monthOutOfRange': '月份须在 {from} 至 {to} 之间',
  'form.phoneHint': '11 位手机号，或带区号的固定电话，如 0512-57512345',
  'form.investmentHint': '单位万元，可带小数，不超过 10,000,000',
  'form.maxLength': '最多 {max} 个字',
} as const;

/** Every key: the shell's here, the areas' in `zh-cn-areas.ts` (loaded with the first area page). */
export type MessageKey = keyof typeof zhCN | keyof typeof zhCNAreas;

/**
 * A message whose wording depends on a number (English "1 record" / "2 records"): one form per
 * `Intl.PluralRules` category, `other` always present. The number is the value `count` unless
 * `by` names another value.
 */
export interface PluralMessage {
  by?: string;
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}
export type Message = string | PluralMessage;
export type Messages = Record<MessageKey, Message>;
