import type { ActionStrings } from './en.js';

/** Simplified Chinese: the comment actions' strings. */
const zhHans: ActionStrings = {
  signInPrompt: '使用您在本站的账号登录，即可参与讨论。',
  signIn: '登录后发表评论',
  signInHint: '请在本站登录，然后回来发表评论。',
  signInExpired: '您的登录已过期。请重新登录以继续；您写的内容已保留。',
  signedInAs: '以 {name} 的身份评论',
  signedIn: '已登录',
  signedInTitle: '已使用本站账号登录',
  edited: '已编辑',
  edit: '编辑',
  editLabel: '编辑您的评论',
  save: '保存',
  saving: '正在保存…',
  cancel: '取消',
  saved: '您的评论已更新。',
  savedPending: '您的评论已更新，正在等待审核。',
  delete: '删除',
  deleteConfirm: '删除您的评论？此操作无法撤销。',
  deleted: '您的评论已删除。',
  report: '举报',
  reportConfirm: '向管理员举报这条评论？',
  reported: '已举报',
  reportedThanks: '谢谢。管理员会审核这条评论。',
  alreadyReported: '您已经举报过这条评论。',
  editWindowClosed: '这条评论已无法编辑。',
  forbidden: '您无法修改这条评论。',
  banned: '您的账号目前无法发表或编辑评论。',
  gone: '这条评论已不存在。',
  rateLimited: '短时间内请求过多。请稍候再试。',
  failed: '无法连接评论服务器。请重试。',
};

export default zhHans;
