import type { ActionStrings } from './en.js';

/** Deutsch: the comment actions' strings. */
const de: ActionStrings = {
  signInPrompt: 'Melden Sie sich mit Ihrem Konto auf dieser Website an, um mitzudiskutieren.',
  signIn: 'Zum Kommentieren anmelden',
  signInHint: 'Melden Sie sich auf dieser Website an und kommen Sie dann zum Kommentieren zurück.',
  signInExpired: 'Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren; Ihr Text bleibt erhalten.',
  signedInAs: 'Sie kommentieren als {name}',
  signedIn: 'Angemeldet',
  signedInTitle: 'Mit einem Konto dieser Website angemeldet',
  edited: 'bearbeitet',
  edit: 'Bearbeiten',
  editLabel: 'Ihren Kommentar bearbeiten',
  save: 'Speichern',
  saving: 'Wird gespeichert…',
  cancel: 'Abbrechen',
  saved: 'Ihr Kommentar wurde aktualisiert.',
  savedPending: 'Ihr Kommentar wurde aktualisiert und wartet auf Freischaltung.',
  delete: 'Löschen',
  deleteConfirm: 'Ihren Kommentar löschen? Das kann nicht rückgängig gemacht werden.',
  deleted: 'Ihr Kommentar wurde gelöscht.',
  report: 'Melden',
  reportConfirm: 'Diesen Kommentar der Moderation melden?',
  reported: 'Gemeldet',
  reportedThanks: 'Danke. Die Moderation prüft diesen Kommentar.',
  alreadyReported: 'Sie haben diesen Kommentar bereits gemeldet.',
  editWindowClosed: 'Dieser Kommentar kann nicht mehr bearbeitet werden.',
  forbidden: 'Sie können diesen Kommentar nicht ändern.',
  banned: 'Ihr Konto kann derzeit keine Kommentare schreiben oder bearbeiten.',
  gone: 'Dieser Kommentar ist nicht mehr verfügbar.',
  rateLimited: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
  failed: 'Der Kommentarserver ist nicht erreichbar. Bitte versuchen Sie es erneut.',
};

export default de;
