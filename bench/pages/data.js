// Deterministic bench data: N articles in the JSON contract (v1), strings from the seed page.
const TITLES = [
  'Bộ TT&TT nâng cao chất lượng, hiệu quả công tác cải cách hành chính',
  'กระทรวงสารสนเทศและการสื่อสาร ยกระดับคุณภาพและประสิทธิภาพการดำเนินการปฏิรูประบบราชการ',
  'Ministry of Information and Communications improves the quality of administrative reform',
];
const SUMMARIES = [
  'Năm 2024, Bộ TT&TT đã hoàn thành kế hoạch cải cách hành chính theo Quyết định số 2488/QĐ-BTTTT.',
  'ในปี 2567 กระทรวงได้ดำเนินการเอกสารจำนวน 76,329 ฉบับ โดย 24,597 ฉบับดำเนินการก่อนกำหนด',
  'The online processing rate of records reached 100%, qualified public services 82%.',
];
const LANGS = ['vi', 'th', 'en'];
const DAY = 24 * 60 * 60 * 1000;
// Fixed dates, all older than a day, so every card shows an absolute date (no clock in the results).
const BASE = Date.UTC(2024, 11, 27, 8, 20, 10);

export function makeArticle(i) {
  const k = i % 3;
  return {
    id: `bench-${i}`,
    url: `https://example.org/th/article/${i}`,
    title: `${TITLES[k]} ${i}`,
    summary: SUMMARIES[k],
    image: { src: '/bench/pages/photo.svg', width: 1200, height: 800, alt: `Photo ${i}` },
    category: { name: 'ข่าว', url: 'https://example.org/th/news' },
    author: { name: 'Vũ Thị La', url: 'https://example.org/author/vu-thi-la' },
    source: { name: 'Bộ Khoa học và Công nghệ', url: 'https://mic.gov.vn/' },
    publishedAt: new Date(BASE - (i % 90) * DAY).toISOString(),
    lang: LANGS[k],
    commentCount: (i * 7) % 120,
    thread: `bench-${i}`,
  };
}

export const makeArticles = (n) => Array.from({ length: n }, (_, i) => makeArticle(i));

/** The update benchmark's change: a new title and date. */
export const changed = (article) => ({
  ...article,
  title: `${article.title} (updated)`,
  publishedAt: new Date(Date.parse(article.publishedAt) + DAY).toISOString(),
});
