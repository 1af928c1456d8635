/**
 * What the comment box tells the reader: the message shown under the form, and two live regions
 * (`status` for news, `alert` for failures) that read messages out to screen reader users.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface Message {
  text: string;
  /** A failure: shown as an error and read out through the `alert` region. */
  alert: boolean;
}

type Host = ReactiveControllerHost & { readonly renderRoot: ParentNode };

export class LiveRegionController {
  /** The last message, shown under the form until the next one or until cleared. */
  message?: Message;

  constructor(private readonly _host: Host) {}

  /** Shows `text` under the form and reads it out. */
  say(text: string, alert = false): void {
    this.message = { text, alert };
    this._host.requestUpdate();
    this.announce(text, alert);
  }

  clear(): void {
    this.message = undefined;
    this._host.requestUpdate();
  }

  /**
   * Reads `text` out without showing it (the character count near the limit uses this too). The regions
   * hold no bindings, so they are written here; a new node each time is read out again even when the
   * words are the same, and the other region is emptied.
   */
  announce(text: string, alert = false): void {
    for (const region of this._host.renderRoot.querySelectorAll('.visually-hidden[role]')) {
      region.replaceChildren(region.getAttribute('role') === (alert ? 'alert' : 'status') ? text : '');
    }
  }

  /** The two regions; render them once, where they stay for the element's life. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status"></div>
      <div class="visually-hidden" role="alert"></div>`;
  }
}
