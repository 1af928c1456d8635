import type { ActionStrings } from './en.js';

/** Malay: the comment actions' strings. */
const ms: ActionStrings = {
  signInPrompt: 'Log masuk dengan akaun anda di laman ini untuk menyertai perbualan.',
  signIn: 'Log masuk untuk mengulas',
  signInHint: 'Log masuk di laman ini, kemudian kembali untuk mengulas.',
  signInExpired: 'Log masuk anda telah tamat tempoh. Log masuk semula untuk meneruskan; teks anda disimpan.',
  signedInAs: 'Mengulas sebagai {name}',
  signedIn: 'Telah log masuk',
  signedInTitle: 'Log masuk dengan akaun di laman ini',
  edited: 'disunting',
  edit: 'Sunting',
  editLabel: 'Sunting ulasan anda',
  save: 'Simpan',
  saving: 'Menyimpan…',
  cancel: 'Batal',
  saved: 'Ulasan anda telah dikemas kini.',
  savedPending: 'Ulasan anda telah dikemas kini dan menunggu kelulusan moderator.',
  delete: 'Padam',
  deleteConfirm: 'Padam ulasan anda? Tindakan ini tidak boleh dibatalkan.',
  deleted: 'Ulasan anda telah dipadam.',
  report: 'Laporkan',
  reportConfirm: 'Laporkan ulasan ini kepada moderator?',
  reported: 'Telah dilaporkan',
  reportedThanks: 'Terima kasih. Moderator akan menyemak ulasan ini.',
  alreadyReported: 'Anda sudah melaporkan ulasan ini.',
  editWindowClosed: 'Ulasan ini tidak boleh disunting lagi.',
  forbidden: 'Anda tidak boleh mengubah ulasan ini.',
  banned: 'Akaun anda tidak boleh menghantar atau menyunting ulasan buat masa ini.',
  gone: 'Ulasan ini tidak lagi tersedia.',
  rateLimited: 'Terlalu banyak permintaan dalam masa yang singkat. Sila tunggu sebentar dan cuba lagi.',
  failed: 'Tidak dapat menghubungi pelayan ulasan. Sila cuba lagi.',
};

export default ms;
