import type { ActionStrings } from './en.js';

/** Traditional Chinese: the comment actions' strings. */
const zhHant: ActionStrings = {
  signInPrompt: '使用您在本站的帳號登入，即可參與討論。',
  signIn: '登入後發表留言',
  signInHint: '請在本站登入，然後回來發表留言。',
  signInExpired: '您的登入已過期。請重新登入以繼續；您寫的內容已保留。',
  signedInAs: '以 {name} 的身分留言',
  signedIn: '已登入',
  signedInTitle: '已使用本站帳號登入',
  edited: '已編輯',
  edit: '編輯',
  editLabel: '編輯您的留言',
  save: '儲存',
  saving: '正在儲存…',
  cancel: '取消',
  saved: '您的留言已更新。',
  savedPending: '您的留言已更新，正在等待審核。',
  delete: '刪除',
  deleteConfirm: '刪除您的留言？此操作無法復原。',
  deleted: '您的留言已刪除。',
  report: '檢舉',
  reportConfirm: '向管理員檢舉這則留言？',
  reported: '已檢舉',
  reportedThanks: '謝謝。管理員會審核這則留言。',
  alreadyReported: '您已經檢舉過這則留言。',
  editWindowClosed: '這則留言已無法編輯。',
  forbidden: '您無法修改這則留言。',
  banned: '您的帳號目前無法發表或編輯留言。',
  gone: '這則留言已不存在。',
  rateLimited: '短時間內請求過多。請稍候再試。',
  failed: '無法連線至留言伺服器。請再試一次。',
};

export default zhHant;
