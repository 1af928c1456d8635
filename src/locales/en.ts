/**
 * English strings. The shape of this object is the `Strings` type every locale must fill completely.
 * Placeholders: `{n}` a formatted number, `{name}` a person or source, `{language}` a language name,
 * `{max}` a limit, `{time}` a relative time. Plural entries are keyed by Intl.PluralRules categories;
 * `other` is always required.
 */
export interface PluralText {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export interface Strings {
  /** Set in a right-to-left language: the widgets' text direction. */
  rtl?: true;
  /**
   * The Intl numbering system of the language's script's own digits (`thai`, `arab`, `laoo`, `khmr`,
   * `deva`), for `digits="native"`; test/locales.test.ts checks it against the script.
   */
  nativeDigits?: string;
  loading: string;
  loadFailed: string;
  invalidData: string;
  retry: string;
  translatedFrom: string;
  source: string;
  byAuthor: string;
  commentCount: PluralText;
  /** Accessible text of a comment count that could not be loaded. */
  commentCountUnavailable: string;
  photoNumber: string;
  photoCredit: string;
  enlargePhoto: string;
  enlargePhotoNamed: string;
  closePhoto: string;
  photoDialog: string;
  related: string;
  relatedTopic: string;
  relatedCategory: string;
  relatedAuthor: string;
  relatedEmpty: string;
  comments: string;
  commentsHeading: PluralText;
  commentsEmpty: string;
  sortLabel: string;
  sortNewest: string;
  sortOldest: string;
  loadMore: string;
  reply: string;
  replyTo: string;
  cancelReply: string;
  repliesTo: string;
  nameLabel: string;
  bodyLabel: string;
  honeypotLabel: string;
  submit: string;
  sending: string;
  charactersLeft: PluralText;
  tooLong: PluralText;
  nameRequired: string;
  bodyRequired: string;
  draftRestored: string;
  posted: string;
  pending: string;
  pendingBadge: string;
  rateLimited: string;
  rateLimitedNoTime: string;
  networkFailed: string;
  timedOut: string;
  serverFailed: string;
  rejected: string;
  keptDraft: string;
  justNow: string;
  nameInvalid: string;
  bodyInvalid: string;
  parentGone: string;
  /** Stands in for a deleted comment that still has replies. */
  commentDeleted: string;
  conflict: string;
}

const en: Strings = {
  loading: 'Loading…',
  loadFailed: 'This content could not be loaded.',
  invalidData: 'This content is not available right now.',
  retry: 'Try again',
  translatedFrom: 'Translated from {language}',
  source: 'Source: {name}',
  byAuthor: 'By {name}',
  commentCount: { one: '{n} comment', other: '{n} comments' },
  commentCountUnavailable: 'Comment count unavailable',
  photoNumber: 'Photo {n}.',
  photoCredit: 'Photo: {name}',
  enlargePhoto: 'Enlarge photo',
  enlargePhotoNamed: 'Enlarge photo: {name}',
  closePhoto: 'Close',
  photoDialog: 'Enlarged photo',
  related: 'Related articles',
  relatedTopic: 'Same topic',
  relatedCategory: 'Same category',
  relatedAuthor: 'Same author',
  relatedEmpty: 'No articles here yet.',
  comments: 'Comments',
  commentsHeading: { other: 'Comments ({n})' },
  commentsEmpty: 'No comments yet. Be the first to comment.',
  sortLabel: 'Sort comments',
  sortNewest: 'Newest first',
  sortOldest: 'Oldest first',
  loadMore: 'Load more comments',
  reply: 'Reply',
  replyTo: 'Reply to {name}',
  cancelReply: 'Cancel reply',
  repliesTo: 'Replies to {name}',
  nameLabel: 'Name',
  bodyLabel: 'Comment',
  honeypotLabel: 'Leave this field empty',
  submit: 'Post comment',
  sending: 'Sending…',
  charactersLeft: { one: '{n} character left', other: '{n} characters left' },
  tooLong: { one: '{n} character too many', other: '{n} characters too many' },
  nameRequired: 'Please enter your name.',
  bodyRequired: 'Please write a comment.',
  draftRestored: 'Your unsent comment was restored.',
  posted: 'Your comment was published.',
  pending: 'Thanks! Your comment is awaiting moderation.',
  pendingBadge: 'Awaiting moderation',
  rateLimited: 'Too many comments in a short time. You can post again {time}.',
  rateLimitedNoTime: 'Too many comments in a short time. Please wait a moment.',
  networkFailed: 'Could not reach the comment server.',
  timedOut: 'The comment server did not answer in time.',
  serverFailed: 'The comment server had a problem.',
  rejected: 'The comment could not be accepted.',
  keptDraft: 'Your text is kept; try again when you are ready.',
  justNow: 'just now',
  nameInvalid: 'Please check your name.',
  bodyInvalid: 'Please check your comment.',
  parentGone: 'The comment you are replying to is no longer available.',
  commentDeleted: 'This comment was deleted.',
  conflict: 'An earlier version of this comment was already received. Post again to send this version as a new comment.',
};

export default en;
