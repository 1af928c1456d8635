import type { ActionStrings } from './en.js';

/** Japanese: the comment actions' strings. */
const ja: ActionStrings = {
  signInPrompt: 'このサイトのアカウントでログインすると、会話に参加できます。',
  signIn: 'ログインしてコメント',
  signInHint: 'このサイトでログインしてから、戻ってコメントしてください。',
  signInExpired: 'ログインの有効期限が切れました。続けるにはもう一度ログインしてください。入力した文章は残っています。',
  signedInAs: '{name} としてコメント',
  signedIn: 'ログイン済み',
  signedInTitle: 'このサイトのアカウントでログイン済み',
  edited: '編集済み',
  edit: '編集',
  editLabel: 'コメントを編集',
  save: '保存',
  saving: '保存中…',
  cancel: 'キャンセル',
  saved: 'コメントを更新しました。',
  savedPending: 'コメントを更新しました。承認をお待ちください。',
  delete: '削除',
  deleteConfirm: 'コメントを削除しますか？元に戻せません。',
  deleted: 'コメントを削除しました。',
  report: '報告',
  reportConfirm: 'このコメントをモデレーターに報告しますか？',
  reported: '報告済み',
  reportedThanks: 'ありがとうございます。モデレーターがこのコメントを確認します。',
  alreadyReported: 'このコメントはすでに報告済みです。',
  editWindowClosed: 'このコメントはもう編集できません。',
  forbidden: 'このコメントは変更できません。',
  banned: 'お使いのアカウントは現在、コメントの投稿や編集ができません。',
  gone: 'このコメントはもう表示できません。',
  rateLimited: '短時間にリクエストが多すぎます。しばらく待ってから再度お試しください。',
  failed: 'コメントサーバーに接続できませんでした。もう一度お試しください。',
};

export default ja;
