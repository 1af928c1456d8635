import type { ActionStrings } from './en.js';

/** Vietnamese: the comment actions' strings. */
const vi: ActionStrings = {
  signInPrompt: 'Đăng nhập bằng tài khoản của bạn trên trang này để tham gia thảo luận.',
  signIn: 'Đăng nhập để bình luận',
  signInHint: 'Hãy đăng nhập trên trang này rồi quay lại để bình luận.',
  signInExpired: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để tiếp tục; nội dung bạn viết vẫn được giữ.',
  signedInAs: 'Bình luận với tên {name}',
  signedIn: 'Đã đăng nhập',
  signedInTitle: 'Đã đăng nhập bằng tài khoản của trang này',
  edited: 'đã sửa',
  edit: 'Sửa',
  editLabel: 'Sửa bình luận của bạn',
  save: 'Lưu',
  saving: 'Đang lưu…',
  cancel: 'Hủy',
  saved: 'Bình luận của bạn đã được cập nhật.',
  savedPending: 'Bình luận của bạn đã được cập nhật và đang chờ kiểm duyệt.',
  delete: 'Xóa',
  deleteConfirm: 'Xóa bình luận của bạn? Thao tác này không thể hoàn tác.',
  deleted: 'Bình luận của bạn đã bị xóa.',
  report: 'Báo cáo',
  reportConfirm: 'Báo cáo bình luận này cho người kiểm duyệt?',
  reported: 'Đã báo cáo',
  reportedThanks: 'Cảm ơn bạn. Người kiểm duyệt sẽ xem xét bình luận này.',
  alreadyReported: 'Bạn đã báo cáo bình luận này rồi.',
  editWindowClosed: 'Bình luận này không thể sửa được nữa.',
  forbidden: 'Bạn không thể thay đổi bình luận này.',
  banned: 'Tài khoản của bạn hiện không thể đăng hoặc sửa bình luận.',
  gone: 'Bình luận này không còn nữa.',
  rateLimited: 'Quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi một lát rồi thử lại.',
  failed: 'Không thể kết nối máy chủ bình luận. Vui lòng thử lại.',
};

export default vi;
