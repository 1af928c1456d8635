/**
 * Loading data for an element. `RequestController` runs one request at a time for its host: a new one
 * cancels the one before, a lazy one first waits until the host is near the viewport, and a request cut
 * off because the host left the page is started again (through `onResume`) when it comes back.
 * `DataController` builds the three ways a content widget gets its data on it: a JS property, a child
 * `<script type="application/json">`, or a `src` URL. The property wins, then inline JSON, then `src`.
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

/** What to do with a request's outcome; called only while it is still the current request. */
export interface RequestHandlers<T> {
  done(value: T): void;
  failed(error: unknown): void;
}

export class RequestController implements ReactiveController {
  private _abort?: AbortController;
  private _interrupted = false;

  constructor(
    private readonly _host: ReactiveControllerHost & Element,
    /** Starts the interrupted work again when the host is back in the page. */
    private readonly _onResume: () => void,
  ) {
    _host.addController(this);
  }

  /** A request is running (or waiting for the viewport). */
  get busy(): boolean {
    return !!this._abort;
  }

  /**
   * Cancels the current request and starts `task`. An outcome reaches `handlers` only while this is
   * still the current request; a cancelled one reports nothing.
   */
  run<T>(task: (signal: AbortSignal) => Promise<T>, lazy: boolean, handlers: RequestHandlers<T>): void {
    this.cancel();
    // A server render requests nothing: it shows the loading state, and the browser loads after hydration.
    if (isServer) return;
    const controller = (this._abort = new AbortController());
    const ready = lazy ? whenNearViewport(this._host, controller.signal) : Promise.resolve();
    ready.then(() => task(controller.signal)).then(
      (value) => {
        if (this._abort !== controller) return;
        this._abort = undefined;
        handlers.done(value);
      },
      (error: unknown) => {
        if (isAbort(error) || this._abort !== controller) return;
        this._abort = undefined;
        handlers.failed(error);
      },
    );
  }

  /** Stops the current request, if any; it is not resumed. */
  cancel(): void {
    this._abort?.abort();
    this._abort = undefined;
    this._interrupted = false;
  }

  hostConnected(): void {
    if (!this._interrupted) return;
    this._interrupted = false;
    this._onResume();
  }

  hostDisconnected(): void {
    if (!this._abort) return;
    this._interrupted = true;
    this._abort.abort();
    this._abort = undefined;
  }
}

export class DataController<T> {
  state: DataState = 'loading';
  value?: T;
  failure?: DataFailure;

  private _lastInput: unknown;
  private _lastSrc?: string;
  private readonly _request: RequestController;

  constructor(
    private readonly _host: Host,
    /** Root name used in field paths and warnings, e.g. `article`. */
    private readonly _name: string,
    private readonly _check: Check<T>,
  ) {
    this._request = new RequestController(_host, () => this.retry());
  }

  /** Call from the host's willUpdate with the current property value and `src`. */
  sync(input: unknown, src: string | null | undefined): void {
    if (input !== undefined) {
      if (input !== this._lastInput) {
        this._lastInput = input;
        this._request.cancel();
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
    this._lastSrc = src;
    this._setState('loading');
    this._request.run((signal) => requestJson(src, { signal }), this._host.loading !== 'eager', {
      done: (raw) => this._accept(raw, true),
      failed: (error) => this._fail(error, true),
    });
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

  private _setState(state: DataState): void {
    this.state = state;
    this._host.requestUpdate();
  }
}
