/**
 * One controller for the three ways a content widget gets its data: a JS property, a child
 * `<script type="application/json">`, or a `src` URL. The property wins, then inline JSON, then `src`.
 * Loading is cancelled when the element leaves the page or `src` changes; a moved element resumes.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ContractError, type Check } from './contract.js';
import { emit, errorDetail, reportError } from './emit.js';
import './events.js';
import { isAbort, requestJson, type RequestError } from './fetch.js';
import { whenNearViewport, type LoadingMode } from './near-viewport.js';

export type DataState = 'loading' | 'ready' | 'error';

export interface DataFailure {
  /** `contract` when the data arrived but broke the JSON contract; otherwise a request failure kind. */
  kind: 'contract' | RequestError['kind'];
  /** Contract failures name the field, e.g. `article.title`. */
  field?: string;
  status?: number;
  /** The data came from a `src` URL, so loading again may help. */
  retryable: boolean;
}

type Host = ReactiveControllerHost & HTMLElement & { loading?: LoadingMode };

export class DataController<T> implements ReactiveController {
  state: DataState = 'loading';
  value?: T;
  failure?: DataFailure;

  private _lastInput: unknown;
  private _lastSrc?: string;
  private _abort?: AbortController;
  private _interrupted = false;

  constructor(
    private readonly _host: Host,
    /** Root name used in field paths and warnings, e.g. `article`. */
    private readonly _name: string,
    private readonly _check: Check<T>,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    if (this._interrupted && this._lastSrc) this._load(this._lastSrc);
  }

  hostDisconnected(): void {
    if (this._abort) {
      this._interrupted = true;
      this._abort.abort();
      this._abort = undefined;
    }
  }

  /** Call from the host's willUpdate with the current property value and `src`. */
  sync(input: unknown, src: string | null | undefined): void {
    if (input !== undefined) {
      if (input !== this._lastInput) {
        this._lastInput = input;
        this._cancel();
        this._accept(input, false);
      }
      return;
    }
    this._lastInput = undefined;
    // A server-rendered element cannot see its children (the SSR entry passes inline JSON as the property)
    // and does not fetch: without data it renders the loading state, and the browser loads `src`.
    const inline = isServer ? null : this._host.querySelector(':scope > script[type="application/json"]');
    if (inline) {
      if (this.state === 'loading' || this._lastSrc !== undefined) {
        this._lastSrc = undefined;
        this._readInline(inline.textContent ?? '');
      }
      return;
    }
    if (src && src !== this._lastSrc && !isServer) this._load(src);
  }

  /** Loads `src` again, e.g. from the error state's retry button. */
  retry(): void {
    if (this._lastSrc) this._load(this._lastSrc);
  }

  private _readInline(json: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return this._fail(new ContractError(this._name, 'is inline JSON that does not parse'), false);
    }
    this._accept(parsed, false);
  }

  private _load(src: string): void {
    this._cancel();
    this._lastSrc = src;
    this._interrupted = false;
    const controller = new AbortController();
    this._abort = controller;
    this._setState('loading');
    const ready = this._host.loading === 'lazy' ? whenNearViewport(this._host, controller.signal) : Promise.resolve();
    ready.then(() => requestJson(src, { signal: controller.signal })).then(
      (raw) => {
        if (this._abort !== controller) return;
        this._abort = undefined;
        this._accept(raw, true);
      },
      (error: unknown) => {
        if (isAbort(error) || this._abort !== controller) return;
        this._abort = undefined;
        this._fail(error, true);
      },
    );
  }

  private _accept(raw: unknown, fromSrc: boolean): void {
    try {
      this.value = this._check(raw, this._name);
      this.failure = undefined;
      this._setState('ready');
      emit(this._host, 'byline-load', { value: this.value });
    } catch (error) {
      if (!(error instanceof ContractError)) throw error;
      this._fail(error, fromSrc);
    }
  }

  private _fail(error: unknown, retryable: boolean): void {
    const detail = errorDetail(error);
    this.value = undefined;
    this.failure = { kind: detail.kind as DataFailure['kind'], field: detail.field, status: detail.status, retryable };
    this._setState('error');
    reportError(this._host, detail);
  }

  private _cancel(): void {
    this._abort?.abort();
    this._abort = undefined;
    this._interrupted = false;
  }

  private _setState(state: DataState): void {
    this.state = state;
    this._host.requestUpdate();
  }
}
