/**
 * What a failed post means for the reader: the message, whether the draft is still worth sending as it
 * is, and which form field the server refused. A pure mapping, so every answer is testable on its own.
 */
import { RequestError } from '../core/fetch.js';
import { fill, type Locale } from '../core/i18n.js';

export type Field = 'name' | 'body';

/** The server's `error.field` names for the form's fields. */
const SERVER_FIELDS: Record<string, Field> = { 'author.name': 'name', body: 'body' };

export interface PostFailure {
  /** What the reader is told (saying that the text is kept, when it is). */
  message: string;
  /** Nothing was wrong with the text: sending it again may work. */
  keptDraft: boolean;
  /** A form field the server refused, and what to say under it. */
  field?: Field;
  fieldError?: string;
  /** 409: the key already stored a different text, so the next attempt needs a new key. */
  newKey?: boolean;
  /** 429: when the reader may post again (ms since the epoch). */
  retryAt?: number;
  /** The field named in the server's error body, for the `byline-error` event. */
  serverField?: string;
}

/**
 * "You can post again in 30 seconds", or without a time when the wait is over, unknown, or the browser
 * has no words for it in this language (a time phrase would come out in English).
 */
export function rateLimitText(locale: Locale, retryAt: number, now = Date.now()): string {
  const seconds = Math.ceil((retryAt - now) / 1000);
  if (seconds <= 0 || locale.wordless) return locale.strings.rateLimitedNoTime;
  // locale.relative() says "just now" under a minute; a wait needs the seconds.
  const time = seconds < 60
    ? new Intl.RelativeTimeFormat(locale.intlTag).format(seconds, 'second')
    : locale.relative(new Date(retryAt), now);
  return fill(locale.strings.rateLimited, { time });
}

export function postFailure(error: unknown, locale: Locale, now = Date.now()): PostFailure {
  const { strings } = locale;
  const failure = error instanceof RequestError ? error : undefined;
  const status = failure?.kind === 'http' ? failure.status! : 0;
  const serverField = failure?.body?.field;
  const kept = (text: string): PostFailure => ({ message: `${text} ${strings.keptDraft}`, keptDraft: true, serverField });
  const refused = (message: string, more: Partial<PostFailure> = {}): PostFailure =>
    ({ message, keptDraft: false, serverField, ...more });

  if (failure?.kind === 'network') return kept(strings.networkFailed);
  if (failure?.kind === 'timeout') return kept(strings.timedOut);
  if (status === 429) {
    const retryAt = now + (failure!.retryAfter ?? 0) * 1000;
    return refused(rateLimitText(locale, retryAt, now), { retryAt });
  }
  // Any other 4xx is about this comment: sending it unchanged would fail again.
  if (status < 400 || status >= 500) return kept(strings.serverFailed);
  // A "failed" post that did arrive, then an edit: the next press sends this version as a new comment.
  if (status === 409) return refused(strings.conflict, { newKey: true });
  if (status === 422 || serverField === 'parentId') return refused(strings.parentGone);
  const field = SERVER_FIELDS[serverField ?? ''];
  if (!field) return refused(strings.rejected);
  return refused(strings.rejected, { field, fieldError: field === 'name' ? strings.nameInvalid : strings.bodyInvalid });
}
