import type { ActionStrings } from './en.js';

/** Portuguese: the comment actions' strings. */
const pt: ActionStrings = {
  signInPrompt: 'Entre com a sua conta deste site para participar da conversa.',
  signIn: 'Entrar para comentar',
  signInHint: 'Entre neste site e depois volte para comentar.',
  signInExpired: 'Sua sessão expirou. Entre novamente para continuar; seu texto foi mantido.',
  signedInAs: 'Comentando como {name}',
  signedIn: 'Conectado',
  signedInTitle: 'Conectado com uma conta deste site',
  edited: 'editado',
  edit: 'Editar',
  editLabel: 'Editar seu comentário',
  save: 'Salvar',
  saving: 'Salvando…',
  cancel: 'Cancelar',
  saved: 'Seu comentário foi atualizado.',
  savedPending: 'Seu comentário foi atualizado e aguarda moderação.',
  delete: 'Excluir',
  deleteConfirm: 'Excluir seu comentário? Isso não pode ser desfeito.',
  deleted: 'Seu comentário foi excluído.',
  report: 'Denunciar',
  reportConfirm: 'Denunciar este comentário aos moderadores?',
  reported: 'Denunciado',
  reportedThanks: 'Obrigado. Os moderadores vão analisar este comentário.',
  alreadyReported: 'Você já denunciou este comentário.',
  editWindowClosed: 'Este comentário não pode mais ser editado.',
  forbidden: 'Você não pode alterar este comentário.',
  banned: 'Sua conta não pode publicar nem editar comentários no momento.',
  gone: 'Este comentário não está mais disponível.',
  rateLimited: 'Muitas solicitações em pouco tempo. Aguarde um momento e tente novamente.',
  failed: 'Não foi possível acessar o servidor de comentários. Tente novamente.',
};

export default pt;
