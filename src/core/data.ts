/**
 * One controller for the three ways a content widget gets its data: a JS property, a child
 * `<script type="application/json">`, or a `src` URL. The property wins, then inline JSON, then `src`.
 * Loading is cancelled when the element leaves the page or `src` changes; a moved element resumes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
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

  private lastInput: unknown;
  private lastSrc?: string;
  private abort?: AbortController;
  private interrupted = false;

  constructor(
    private readonly host: Host,
    /** Root name used in field paths and warnings, e.g. `article`. */
    private readonly name: string,
    private readonly check: Check<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.interrupted && this.lastSrc) this.load(this.lastSrc);
  }

  hostDisconnected(): void {
    if (this.abort) {
      this.interrupted = true;
      this.abort.abort();
      this.abort = undefined;
    }
  }

  /** Call from the host's willUpdate with the current property value and `src`. */
  sync(input: unknown, src: string | null | undefined): void {
    if (input !== undefined) {
      if (input !== this.lastInput) {
        this.lastInput = input;
        this.cancel();
        this.accept(input, false);
      }
      return;
    }
    this.lastInput = undefined;
    const inline = this.host.querySelector(':scope > script[type="application/json"]');
    if (inline) {
      if (this.state === 'loading' || this.lastSrc !== undefined) {
        this.lastSrc = undefined;
        this.readInline(inline.textContent ?? '');
      }
      return;
    }
    if (src && src !== this.lastSrc) this.load(src);
  }

  /** Loads `src` again, e.g. from the error state's retry button. */
  retry(): void {
    if (this.lastSrc) this.load(this.lastSrc);
  }

  private readInline(json: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return this.fail(new ContractError(this.name, 'is inline JSON that does not parse'), false);
    }
    this.accept(parsed, false);
  }

  private load(src: string): void {
    this.cancel();
    this.lastSrc = src;
    this.interrupted = false;
    const controller = new AbortController();
    this.abort = controller;
    this.setState('loading');
    const ready = this.host.loading === 'lazy' ? whenNearViewport(this.host, controller.signal) : Promise.resolve();
    ready.then(() => requestJson(src, { signal: controller.signal })).then(
      (raw) => {
        if (this.abort !== controller) return;
        this.abort = undefined;
        this.accept(raw, true);
      },
      (error: unknown) => {
        if (isAbort(error) || this.abort !== controller) return;
        this.abort = undefined;
        this.fail(error, true);
      },
    );
  }

  private accept(raw: unknown, fromSrc: boolean): void {
    try {
      this.value = this.check(raw, this.name);
      this.failure = undefined;
      this.setState('ready');
      emit(this.host, 'byline-load', { value: this.value });
    } catch (error) {
      if (!(error instanceof ContractError)) throw error;
      this.fail(error, fromSrc);
    }
  }

  private fail(error: unknown, retryable: boolean): void {
    const detail = errorDetail(error);
    this.value = undefined;
    this.failure = { kind: detail.kind as DataFailure['kind'], field: detail.field, status: detail.status, retryable };
    this.setState('error');
    reportError(this.host, detail);
  }

  private cancel(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.interrupted = false;
  }

  private setState(state: DataState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
