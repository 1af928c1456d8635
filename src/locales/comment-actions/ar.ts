import type { ActionStrings } from './en.js';

/** Arabic: the comment actions' strings. */
const ar: ActionStrings = {
  signInPrompt: 'سجّل الدخول بحسابك في هذا الموقع للمشاركة في النقاش.',
  signIn: 'سجّل الدخول للتعليق',
  signInHint: 'سجّل الدخول في هذا الموقع، ثم عُد للتعليق.',
  signInExpired: 'انتهت صلاحية تسجيل دخولك. سجّل الدخول مجددًا للمتابعة؛ نصّك محفوظ.',
  signedInAs: 'تعلّق باسم {name}',
  signedIn: 'مسجّل الدخول',
  signedInTitle: 'مسجّل الدخول بحساب في هذا الموقع',
  edited: 'مُعدَّل',
  edit: 'تعديل',
  editLabel: 'تعديل تعليقك',
  save: 'حفظ',
  saving: 'جارٍ الحفظ…',
  cancel: 'إلغاء',
  saved: 'تم تحديث تعليقك.',
  savedPending: 'تم تحديث تعليقك وهو بانتظار المراجعة.',
  delete: 'حذف',
  deleteConfirm: 'هل تريد حذف تعليقك؟ لا يمكن التراجع عن ذلك.',
  deleted: 'تم حذف تعليقك.',
  report: 'إبلاغ',
  reportConfirm: 'هل تريد الإبلاغ عن هذا التعليق إلى المشرفين؟',
  reported: 'تم الإبلاغ',
  reportedThanks: 'شكرًا لك. سيراجع المشرفون هذا التعليق.',
  alreadyReported: 'لقد أبلغت عن هذا التعليق من قبل.',
  editWindowClosed: 'لم يعد بالإمكان تعديل هذا التعليق.',
  forbidden: 'لا يمكنك تغيير هذا التعليق.',
  banned: 'لا يمكن لحسابك نشر التعليقات أو تعديلها حاليًا.',
  gone: 'هذا التعليق لم يعد متاحًا.',
  rateLimited: 'طلبات كثيرة جدًا في وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مجددًا.',
  failed: 'تعذّر الوصول إلى خادم التعليقات. يُرجى المحاولة مجددًا.',
};

export default ar;
