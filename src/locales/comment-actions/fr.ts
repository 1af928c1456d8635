import type { ActionStrings } from './en.js';

/** French: the comment actions' strings. A no-break space before « ; » and « ? », as in src/locales/fr.ts. */
const fr: ActionStrings = {
  signInPrompt: 'Connectez-vous avec votre compte sur ce site pour participer à la discussion.',
  signIn: 'Se connecter pour commenter',
  signInHint: 'Connectez-vous sur ce site, puis revenez pour commenter.',
  signInExpired: 'Votre connexion a expiré. Reconnectez-vous pour continuer ; votre texte est conservé.',
  signedInAs: 'Vous commentez en tant que {name}',
  signedIn: 'Connecté',
  signedInTitle: 'Connecté avec un compte de ce site',
  edited: 'modifié',
  edit: 'Modifier',
  editLabel: 'Modifier votre commentaire',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  cancel: 'Annuler',
  saved: 'Votre commentaire a été mis à jour.',
  savedPending: 'Votre commentaire a été mis à jour et attend la modération.',
  delete: 'Supprimer',
  deleteConfirm: 'Supprimer votre commentaire ? Cette action est définitive.',
  deleted: 'Votre commentaire a été supprimé.',
  report: 'Signaler',
  reportConfirm: 'Signaler ce commentaire aux modérateurs ?',
  reported: 'Signalé',
  reportedThanks: 'Merci. Les modérateurs vont examiner ce commentaire.',
  alreadyReported: 'Vous avez déjà signalé ce commentaire.',
  editWindowClosed: 'Ce commentaire ne peut plus être modifié.',
  forbidden: 'Vous ne pouvez pas modifier ce commentaire.',
  banned: 'Votre compte ne peut pas publier ni modifier de commentaires pour le moment.',
  gone: 'Ce commentaire n’est plus disponible.',
  rateLimited: 'Trop de requêtes en peu de temps. Patientez un instant puis réessayez.',
  failed: 'Impossible de joindre le serveur de commentaires. Veuillez réessayer.',
};

export default fr;
