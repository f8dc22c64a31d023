import { zhCN as supervisorZhCN } from '../pages/supervisor/messages';
import { knowledgeZhCN } from '../pages/console/knowledge/messages';
import { consoleZhCN } from '../pages/console/messages';
import { trackZhCN } from '../pages/track/messages';
import type { Messages } from './en';

/** Every text the web app shows, in simplified Chinese: the keys of en.ts, no more, no fewer. */
export const zhCN: Messages = {
  'app.name': '售后服务',
  'app.skipToContent': '跳到正文',
  'app.language': '语言',
  'app.signedInAs': '已登录：{name}（{role}）',
  'app.signOut': '退出登录',
  'app.notFound.title': '找不到页面',
  'app.notFound.body': '此地址没有页面。',
  'app.notFound.home': '返回首页',
  'app.forbidden.title': '您的角色无权访问',
  'app.forbidden.body': '您以{role}身份登录；此页面仅供{roles}使用。',
  'app.forbidden.switch': '切换登录身份',

  'role.agent': '客服专员',
  'role.supervisor': '主管',
  'role.customer': '客户',
  'role.supplier': '供应商',
  'role.admin': '管理员',

  'state.loading': '加载中…',
  'state.error.title': '出错了',
  'state.error.unreachable': '无法连接服务。请检查网络后重试。',
  'state.error.retry': '重试',
  'state.error.requestId': '请求编号：{id}',

  'nav.label': '控制台',
  'nav.myWork': '我的工作',
  'nav.search': '搜索',
  'nav.dashboard': '数据看板',
  'nav.processes': '流程',

  'signIn.title': '登录',
  'signIn.expired': '您的会话已结束，请重新登录。',
  'signIn.local.intro': '这是本地环境：请选择一个身份登录。',
  'signIn.local.identity': '登录身份',
  'signIn.local.group.agent': '客服专员',
  'signIn.local.group.supervisor': '主管',
  'signIn.local.group.customer': '客户',
  'signIn.local.empty.title': '暂无可登录的身份',
  'signIn.local.empty.body': '此环境还没有客服专员、主管或客户。',
  'signIn.submit': '登录',
  'signIn.submitting': '正在登录…',
  'signIn.token.intro': '请粘贴身份提供方为本服务签发的访问令牌。',
  'signIn.token.label': '访问令牌',
  'signIn.token.invalid': '这不是本服务的令牌：它必须是包含主体和角色的 JWT。',

  ...consoleZhCN,
  ...supervisorZhCN,
  ...knowledgeZhCN,
  'myWork.title': '我的工作',
  'myWork.empty.title': '当前没有待办',
  'myWork.empty.body': '等待您处理的工作项将按紧急程度列在这里。',
  'search.title': '搜索工单',
  'search.empty.title': '没有可显示的工单',
  'search.empty.body': '符合搜索条件的工单将列在这里。',

  'track.list.title': '我的工单',
  'track.list.empty.title': '暂无工单',
  'track.list.empty.body': '您的退货、维修和投诉将列在这里。',
  ...trackZhCN,
};
