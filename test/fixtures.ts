/** Test data taken from the seed page (the Vietnam.vn article page the demo rebuilds): exact strings that must survive rendering. */
import type { Article, Photo, RelatedFeed } from '../src/core/contract.js';

export const SEED_TITLE_TH = 'กระทรวงสารสนเทศและการสื่อสาร ยกระดับคุณภาพและประสิทธิภาพการดำเนินการปฏิรูประบบราชการ';
export const SEED_TITLE_VI = 'Bộ TT&TT nâng cao chất lượng, hiệu quả công tác cải cách hành chính';
export const SEED_SOURCE = 'Bộ Khoa học và Công nghệ';
export const SEED_SOURCE_URL =
  'https://mic.gov.vn/bo-tttt-nang-cao-chat-luong-hieu-qua-cong-tac-cai-cach-hanh-chinh-197241227152010792.htm';
export const SEED_CAPTION_TH = 'นางสาววู่ ถิ ลา รองอธิบดีกรมการจัดองค์กรและบุคลากร กระทรวงสารสนเทศและการสื่อสาร';
export const SEED_RELATED_TH = [
  'สัตว์ป่าบนเกาะ Cat Ba',
  'พระอาทิตย์ขึ้นสีแดงสดที่ Ngu Chi Son',
  'ของโบราณ 10,000 ชิ้น พาคุณย้อนเวลากลับไปสู่ไซง่อนเก่า',
  'สถานที่ที่ลุงโฮอ่านคำประกาศอิสรภาพ',
];

/** A small image served by the test runner (a data: URL would be dropped by the URL policy). */
export const PIXEL = '/test/assets/photo.png';
export const DATA_URL_IMAGE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function seedArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: 'mic-197241227152010792',
    url: 'https://example.org/th/article/197241227152010792',
    title: SEED_TITLE_TH,
    summary:
      'ตามรายงานของกรมการจัดองค์กรและบุคลากร กระทรวงสารสนเทศและการสื่อสาร ใน ปี 2567 กระทรวงสารสนเทศและการสื่อสาร (MIC) ได้ดำเนินงานปฏิรูปการบริหาร (AR) ตามแผนที่ได้รับการอนุมัติ',
    image: { src: '/demo/images/photo-1.jpg', width: 1200, height: 800, alt: SEED_CAPTION_TH },
    category: { name: 'ข่าว', url: 'https://example.org/th/news' },
    source: { name: SEED_SOURCE, url: SEED_SOURCE_URL },
    publishedAt: '2024-12-27T15:20:10+07:00',
    lang: 'th',
    translatedFrom: 'vi',
    commentCount: 0,
    thread: 'mic-197241227152010792',
    ...overrides,
  };
}

export function seedPhoto(overrides: Partial<Photo> = {}): Photo {
  return {
    src: '/demo/images/photo-1.jpg',
    width: 1200,
    height: 800,
    alt: SEED_CAPTION_TH,
    caption: SEED_CAPTION_TH,
    credit: SEED_SOURCE,
    number: 1,
    ...overrides,
  };
}

export function seedRelated(): RelatedFeed {
  return {
    sections: [
      { kind: 'topic', items: [] },
      {
        kind: 'category',
        items: SEED_RELATED_TH.map((title, index) => ({
          id: `related-${index}`,
          url: `https://example.org/th/article/${index}`,
          title,
          publishedAt: '2024-12-26T08:00:00+07:00',
        })),
      },
      { kind: 'author', items: [] },
    ],
  };
}

/** Strings that would run code if any widget treated data as markup. */
export const HOSTILE = '<img src=x onerror="window.__bylinePwned=1">"><script>window.__bylinePwned=1</script>';

/** Lets a response from `fetch` be faked inside one unit test. */
export function stubFetch(handler: (url: string, init?: RequestInit) => Response | Promise<Response>): () => void {
  const original = window.fetch;
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    // Like the real fetch, a cancelled request rejects even when the server never answers.
    const signal = init?.signal;
    const aborted = new Promise<never>((_, reject) =>
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }),
    );
    return Promise.race([handler(url, init), aborted]);
  }) as typeof fetch;
  return () => {
    window.fetch = original;
  };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    ...init,
  });
}

/** Collects console.warn calls for the duration of a test. */
export function captureWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

/** Types `value` into field `name` of a comment box's light-DOM form, as a reader would (with an input event). */
export function type(box: Element, name: string, value: string): void {
  const input = box.querySelector<HTMLInputElement | HTMLTextAreaElement>(`form [name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Resolves once the browser has told intersection observers where `el` is. Observers hear in the order
 * they were made, so by then a widget's own (older) observer has heard too and acted on it: an event to
 * wait for instead of a guessed delay.
 */
export function intersectionReported(el: Element): Promise<IntersectionObserverEntry> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(([entry]) => {
      observer.disconnect();
      resolve(entry!);
    });
    observer.observe(el);
  });
}

/** A feed server that answers 404 until `recover()`, then `body`: what a retry meets when the feed comes back. */
export function failingFeed(body: unknown): { recover: () => void; restore: () => void } {
  let up = false;
  const restore = stubFetch(() => (up ? json(body) : json({ error: { code: 'not_found', message: 'no' } }, { status: 404 })));
  return { recover: () => (up = true), restore };
}

/** Presses the element's retry button, as a reader would, and waits until what it loads is rendered. */
export async function pressRetry(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  const loaded = new Promise((resolve) => el.addEventListener('byline-load', resolve, { once: true }));
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
  await loaded;
  await el.updateComplete;
}
