import type { ActionStrings } from './en.js';

/** Korean: the comment actions' strings. */
const ko: ActionStrings = {
  signInPrompt: '이 사이트의 계정으로 로그인하면 대화에 참여할 수 있습니다.',
  signIn: '로그인하고 댓글 달기',
  signInHint: '이 사이트에서 로그인한 뒤 돌아와서 댓글을 남겨 주세요.',
  signInExpired: '로그인이 만료되었습니다. 계속하려면 다시 로그인하세요. 작성한 글은 그대로 있습니다.',
  signedInAs: '{name}(으)로 댓글 작성 중',
  signedIn: '로그인됨',
  signedInTitle: '이 사이트의 계정으로 로그인됨',
  edited: '수정됨',
  edit: '수정',
  editLabel: '내 댓글 수정',
  save: '저장',
  saving: '저장 중…',
  cancel: '취소',
  saved: '댓글이 수정되었습니다.',
  savedPending: '댓글이 수정되었으며 검토를 기다리고 있습니다.',
  delete: '삭제',
  deleteConfirm: '댓글을 삭제할까요? 되돌릴 수 없습니다.',
  deleted: '댓글이 삭제되었습니다.',
  report: '신고',
  reportConfirm: '이 댓글을 관리자에게 신고할까요?',
  reported: '신고됨',
  reportedThanks: '감사합니다. 관리자가 이 댓글을 검토합니다.',
  alreadyReported: '이미 신고한 댓글입니다.',
  editWindowClosed: '이 댓글은 더 이상 수정할 수 없습니다.',
  forbidden: '이 댓글을 변경할 수 없습니다.',
  banned: '현재 이 계정으로는 댓글을 작성하거나 수정할 수 없습니다.',
  gone: '이 댓글은 더 이상 볼 수 없습니다.',
  rateLimited: '짧은 시간에 요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  failed: '댓글 서버에 연결할 수 없습니다. 다시 시도해 주세요.',
};

export default ko;
