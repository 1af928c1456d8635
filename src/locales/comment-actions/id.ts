import type { ActionStrings } from './en.js';

/** Indonesian: the comment actions' strings. */
const id: ActionStrings = {
  signInPrompt: 'Masuk dengan akun Anda di situs ini untuk ikut berdiskusi.',
  signIn: 'Masuk untuk berkomentar',
  signInHint: 'Masuk di situs ini, lalu kembali untuk berkomentar.',
  signInExpired: 'Sesi masuk Anda telah berakhir. Masuk lagi untuk melanjutkan; teks Anda tetap tersimpan.',
  signedInAs: 'Berkomentar sebagai {name}',
  signedIn: 'Sudah masuk',
  signedInTitle: 'Masuk dengan akun di situs ini',
  edited: 'disunting',
  edit: 'Sunting',
  editLabel: 'Sunting komentar Anda',
  save: 'Simpan',
  saving: 'Menyimpan…',
  cancel: 'Batal',
  saved: 'Komentar Anda telah diperbarui.',
  savedPending: 'Komentar Anda telah diperbarui dan menunggu moderasi.',
  delete: 'Hapus',
  deleteConfirm: 'Hapus komentar Anda? Tindakan ini tidak dapat dibatalkan.',
  deleted: 'Komentar Anda telah dihapus.',
  report: 'Laporkan',
  reportConfirm: 'Laporkan komentar ini kepada moderator?',
  reported: 'Dilaporkan',
  reportedThanks: 'Terima kasih. Moderator akan meninjau komentar ini.',
  alreadyReported: 'Anda sudah melaporkan komentar ini.',
  editWindowClosed: 'Komentar ini tidak dapat disunting lagi.',
  forbidden: 'Anda tidak dapat mengubah komentar ini.',
  banned: 'Akun Anda saat ini tidak dapat mengirim atau menyunting komentar.',
  gone: 'Komentar ini tidak tersedia lagi.',
  rateLimited: 'Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar lalu coba lagi.',
  failed: 'Tidak dapat menghubungi server komentar. Silakan coba lagi.',
};

export default id;
