// A fake comments API (REST contract v1) inside the bench page: pages of 100 top-level comments, each
// with one reply (200 comments a page), answered by a fetch stub from JSON serialized in advance, so
// both implementations pay the same (tiny) network and parse cost.
const NAMES = ['Vũ Thị La', 'สมชาย ใจดี', 'Nguyễn Văn An', 'Reader 42', 'นภา ศรีสุข'];
const BODIES = [
  'Bộ TT&TT đã làm rất tốt công tác cải cách hành chính trong năm 2024.',
  'ขอบคุณสำหรับข้อมูลครับ ตัวเลข 76,329 ฉบับนี่น่าประทับใจมาก',
  'The online processing rate of 100% is impressive; what about the 237 late documents?',
];
export const PAGES = 3;
export const PAGE_SIZE = Number(new URLSearchParams(location.search).get("size") ?? 100);
const DAY = 24 * 60 * 60 * 1000;
const BASE = Date.UTC(2024, 11, 27, 8, 0, 0);

function comment(id, parentId, i) {
  return {
    id,
    parentId,
    author: { name: NAMES[i % NAMES.length] },
    body: `${BODIES[i % BODIES.length]} #${i}`,
    createdAt: new Date(BASE - i * 37 * 60 * 1000 - (i % 7) * DAY).toISOString(),
    status: 'published',
  };
}

/** Page `index` (0-based): 100 top-level comments in order, then their replies. */
export function page(index, thread = 'bench') {
  const top = [];
  const replies = [];
  for (let k = 0; k < PAGE_SIZE; k++) {
    const i = index * PAGE_SIZE + k;
    top.push(comment(`c${i}`, null, i));
    replies.push(comment(`r${i}`, `c${i}`, i + 7));
  }
  return {
    thread,
    total: PAGES * PAGE_SIZE * 2,
    items: [...top, ...replies],
    nextCursor: index + 1 < PAGES ? `p${index + 1}` : null,
  };
}

/** Answers `GET {api}/threads/{thread}/comments?cursor=pN` for `api` = `/fake-api`. */
export function installFakeApi() {
  const bodies = Array.from({ length: PAGES }, (_, i) => JSON.stringify(page(i)));
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input.url, location.href);
    if (!url.pathname.startsWith('/fake-api/')) return realFetch(input, init);
    const index = Number((url.searchParams.get('cursor') ?? 'p0').slice(1));
    const headers = { 'content-type': 'application/json; charset=utf-8' };
    return Promise.resolve(new Response(bodies[index], { status: 200, headers }));
  };
}
