import type { ActionStrings } from './en.js';

/** Spanish: the comment actions' strings. */
const es: ActionStrings = {
  signInPrompt: 'Inicia sesión con tu cuenta de este sitio para participar en la conversación.',
  signIn: 'Inicia sesión para comentar',
  signInHint: 'Inicia sesión en este sitio y vuelve para comentar.',
  signInExpired: 'Tu sesión ha caducado. Vuelve a iniciar sesión para continuar; tu texto se conserva.',
  signedInAs: 'Comentas como {name}',
  signedIn: 'Sesión iniciada',
  signedInTitle: 'Sesión iniciada con una cuenta de este sitio',
  edited: 'editado',
  edit: 'Editar',
  editLabel: 'Editar tu comentario',
  save: 'Guardar',
  saving: 'Guardando…',
  cancel: 'Cancelar',
  saved: 'Tu comentario se ha actualizado.',
  savedPending: 'Tu comentario se ha actualizado y está pendiente de moderación.',
  delete: 'Eliminar',
  deleteConfirm: '¿Eliminar tu comentario? No se puede deshacer.',
  deleted: 'Tu comentario se ha eliminado.',
  report: 'Denunciar',
  reportConfirm: '¿Denunciar este comentario a los moderadores?',
  reported: 'Denunciado',
  reportedThanks: 'Gracias. Los moderadores revisarán este comentario.',
  alreadyReported: 'Ya has denunciado este comentario.',
  editWindowClosed: 'Este comentario ya no se puede editar.',
  forbidden: 'No puedes modificar este comentario.',
  banned: 'Tu cuenta no puede publicar ni editar comentarios en este momento.',
  gone: 'Este comentario ya no está disponible.',
  rateLimited: 'Demasiadas solicitudes en poco tiempo. Espera un momento y vuelve a intentarlo.',
  failed: 'No se pudo conectar con el servidor de comentarios. Inténtalo de nuevo.',
};

export default es;
