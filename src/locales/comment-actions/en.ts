/**
 * English strings of the comment actions (src/comment-box/comment-actions.ts): sign-in, the signed-in
 * marks, Edit, Delete and Report. A chunk of their own, loaded with the actions, so the strings every
 * page loads (src/locales/) stay small. Placeholders: `{name}` a person's name.
 */
export interface ActionStrings {
  /** Above the sign-in button, in place of the form. */
  signInPrompt: string;
  signIn: string;
  /** Nobody on the page answered the sign-in request. */
  signInHint: string;
  /** The server refused the token (expired or invalid); the reader's text is kept. */
  signInExpired: string;
  signedInAs: string;
  /** The mark on a comment by a reader signed in through the site's login; shown and read out. */
  signedIn: string;
  /** Its tooltip: what the mark means. */
  signedInTitle: string;
  edited: string;
  edit: string;
  editLabel: string;
  save: string;
  saving: string;
  cancel: string;
  saved: string;
  savedPending: string;
  delete: string;
  deleteConfirm: string;
  deleted: string;
  report: string;
  reportConfirm: string;
  reported: string;
  reportedThanks: string;
  alreadyReported: string;
  editWindowClosed: string;
  forbidden: string;
  banned: string;
  gone: string;
  rateLimited: string;
  failed: string;
}

const en: ActionStrings = {
  signInPrompt: 'Sign in with your account on this site to join the conversation.',
  signIn: 'Sign in to comment',
  signInHint: 'Sign in on this site, then come back to comment.',
  signInExpired: 'Your sign-in has expired. Sign in again to continue; your text is kept.',
  signedInAs: 'Commenting as {name}',
  signedIn: 'Signed in',
  signedInTitle: 'Signed in with an account on this site',
  edited: 'edited',
  edit: 'Edit',
  editLabel: 'Edit your comment',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  saved: 'Your comment was updated.',
  savedPending: 'Your comment was updated and is awaiting moderation.',
  delete: 'Delete',
  deleteConfirm: 'Delete your comment? This cannot be undone.',
  deleted: 'Your comment was deleted.',
  report: 'Report',
  reportConfirm: 'Report this comment to the moderators?',
  reported: 'Reported',
  reportedThanks: 'Thank you. The moderators will review this comment.',
  alreadyReported: 'You have already reported this comment.',
  editWindowClosed: 'This comment can no longer be edited.',
  forbidden: 'You cannot change this comment.',
  banned: 'Your account cannot post or edit comments at the moment.',
  gone: 'This comment is no longer available.',
  rateLimited: 'Too many requests in a short time. Please wait a moment and try again.',
  failed: 'Could not reach the comment server. Please try again.',
};

export default en;
