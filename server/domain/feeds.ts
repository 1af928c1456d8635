/**
 * Article and related-topics feeds for the seed page (Vietnam.vn, Thai edition of a mic.gov.vn article),
 * in Thai, Vietnamese and English, shaped by the Article / Related contract of docs/contract.md.
 * The Thai strings of the seed are copied byte for byte; the related items' ids, urls and dates are invented.
 */

import type { Article, RelatedFeed } from '../../src/core/wire-types.js';

export const LANGS = ['th', 'vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
type L10n = Record<Lang, string>;

interface Entry {
  id: string;
  topic: string;
  category: keyof typeof CATEGORIES;
  author?: keyof typeof AUTHORS;
  /** Every article here was written in Vietnamese; th and en are translations of it. */
  original: Lang;
  publishedAt: string;
  updatedAt?: string;
  title: L10n;
  summary?: L10n;
  source?: { name: string; url: string };
  image?: { src: string; srcset: string; width: number; height: number; alt: L10n; caption: L10n; credit: L10n };
}

const CATEGORIES = {
  news: { th: 'ข่าว', vi: 'Tin tức', en: 'News' },
  politics: { th: 'ระบบการเมือง', vi: 'Hệ thống chính trị', en: 'Political system' },
} satisfies Record<string, L10n>;

const AUTHORS = {
  most: { name: 'Bộ Khoa học và Công nghệ', slug: 'bo-khoa-hoc-va-cong-nghe' },
};

const SOURCE = {
  name: 'Bộ Khoa học và Công nghệ',
  url: 'https://mic.gov.vn/bo-tttt-nang-cao-chat-luong-hieu-qua-cong-tac-cai-cach-hanh-chinh-197241227152010792.htm',
};

export const MAIN_ARTICLE_ID = 'mic-197241227152010792';

const ENTRIES: Entry[] = [
  {
    id: MAIN_ARTICLE_ID,
    topic: 'administrative-reform',
    category: 'news',
    author: 'most',
    original: 'vi',
    publishedAt: '2024-12-27T15:20:10+07:00',
    updatedAt: '2024-12-27T16:00:00+07:00',
    title: {
      th: 'กระทรวงสารสนเทศและการสื่อสาร ยกระดับคุณภาพและประสิทธิภาพการดำเนินการปฏิรูประบบราชการ',
      vi: 'Bộ TT&TT nâng cao chất lượng, hiệu quả công tác cải cách hành chính',
      en: 'The Ministry of Information and Communications raises the quality and effectiveness of its administrative reform',
    },
    summary: {
      th: 'ตามรายงานของกรมการจัดองค์กรและบุคลากร กระทรวงสารสนเทศและการสื่อสาร ใน ปี 2567 กระทรวงสารสนเทศและการสื่อสาร (MIC) ได้ดำเนินงานปฏิรูปการบริหาร (AR) ตามแผนที่ได้รับการอนุมัติในมติเลขที่ 2488/QD-BTTTT ลงวันที่ 20 ธันวาคม 2566 สำเร็จลุล่วง',
      vi: 'Theo báo cáo của Vụ Tổ chức cán bộ, Bộ Thông tin và Truyền thông, năm 2024 Bộ TT&TT đã hoàn thành công tác cải cách hành chính (CCHC) theo kế hoạch được phê duyệt tại Quyết định số 2488/QĐ-BTTTT ngày 20/12/2023.',
      en: 'According to the Department of Organisation and Personnel of the Ministry of Information and Communications (MIC), in 2024 the Ministry completed its administrative reform (AR) work under the plan approved in Decision No. 2488/QD-BTTTT of 20 December 2023.',
    },
    source: SOURCE,
    image: {
      src: '/demo/images/photo-1.jpg',
      srcset: '/demo/images/photo-1-600.jpg 600w, /demo/images/photo-1.jpg 1200w',
      width: 1200,
      height: 800,
      alt: {
        th: 'นางสาววู่ ถิ ลา กล่าวในการสัมมนาปฏิรูปการบริหาร ปี 2567',
        vi: 'Bà Vũ Thị La phát biểu tại hội thảo cải cách hành chính năm 2024',
        en: 'Ms Vu Thi La speaking at the 2024 administrative reform seminar',
      },
      caption: {
        th: 'นางสาววู่ ถิ ลา รองอธิบดีกรมการจัดองค์กรและบุคลากร กระทรวงสารสนเทศและการสื่อสาร',
        vi: 'Bà Vũ Thị La, Phó Vụ trưởng Vụ Tổ chức cán bộ, Bộ Thông tin và Truyền thông',
        en: 'Ms Vu Thi La, Deputy Director of the Department of Organisation and Personnel, Ministry of Information and Communications',
      },
      credit: { th: 'กระทรวงสารสนเทศและการสื่อสาร', vi: 'Bộ TT&TT', en: 'Ministry of Information and Communications' },
    },
  },
  // "Same category" on the seed page: four titles, in the order shown there.
  {
    id: 'vnvn-20241226-cat-ba-wildlife',
    topic: 'nature',
    category: 'news',
    original: 'vi',
    publishedAt: '2024-12-26T09:15:00+07:00',
    title: { th: 'สัตว์ป่าบนเกาะ Cat Ba', vi: 'Động vật hoang dã trên đảo Cát Bà', en: 'Wildlife on Cat Ba Island' },
  },
  {
    id: 'vnvn-20241225-ngu-chi-son-sunrise',
    topic: 'travel',
    category: 'news',
    original: 'vi',
    publishedAt: '2024-12-25T18:40:00+07:00',
    title: {
      th: 'พระอาทิตย์ขึ้นสีแดงสดที่ Ngu Chi Son',
      vi: 'Bình minh đỏ rực trên đỉnh Ngũ Chỉ Sơn',
      en: 'A blazing red sunrise on Ngu Chi Son',
    },
  },
  {
    id: 'vnvn-20241224-old-saigon-antiques',
    topic: 'heritage',
    category: 'news',
    original: 'vi',
    publishedAt: '2024-12-24T10:05:00+07:00',
    title: {
      th: 'ของโบราณ 10,000 ชิ้น พาคุณย้อนเวลากลับไปสู่ไซง่อนเก่า',
      vi: '10.000 cổ vật đưa bạn ngược thời gian về Sài Gòn xưa',
      en: '10,000 antiques take you back in time to old Saigon',
    },
  },
  {
    id: 'vnvn-20241222-ba-dinh-independence',
    topic: 'history',
    category: 'news',
    original: 'vi',
    publishedAt: '2024-12-22T08:30:00+07:00',
    title: {
      th: 'สถานที่ที่ลุงโฮอ่านคำประกาศอิสรภาพ',
      vi: 'Nơi Bác Hồ đọc bản Tuyên ngôn Độc lập',
      en: 'The place where Uncle Ho read the Declaration of Independence',
    },
  },
  // "Same author": two more pieces from the same ministry, filed under another category.
  {
    id: 'mic-197241226103015431',
    topic: 'annual-review',
    category: 'politics',
    author: 'most',
    original: 'vi',
    publishedAt: '2024-12-26T10:30:15+07:00',
    title: {
      th: 'กระทรวงสารสนเทศและการสื่อสารสรุปผลการดำเนินงานปี 2567 และวางแนวทางภารกิจปี 2568',
      vi: 'Bộ TT&TT tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025',
      en: 'The Ministry of Information and Communications reviews 2024 and sets its tasks for 2025',
    },
  },
  {
    id: 'mic-197241220164502118',
    topic: 'digital-government',
    category: 'politics',
    author: 'most',
    original: 'vi',
    publishedAt: '2024-12-20T16:45:02+07:00',
    title: {
      th: 'กระทรวงสารสนเทศและการสื่อสารดำเนินการเอกสารทางปกครองออนไลน์ครบ 100%',
      vi: 'Bộ TT&TT xử lý trực tuyến 100% hồ sơ thủ tục hành chính',
      en: 'The Ministry of Information and Communications now handles 100% of administrative records online',
    },
  },
];

const BY_ID = new Map(ENTRIES.map((e) => [e.id, e]));

function toArticle(e: Entry, lang: Lang): Article {
  const article: Article = {
    id: e.id,
    url: `/demo/?id=${encodeURIComponent(e.id)}&lang=${lang}`,
    title: e.title[lang],
  };
  if (e.summary) article.summary = e.summary[lang];
  if (e.image) {
    const { alt, caption, credit, ...rest } = e.image;
    article.image = { ...rest, alt: alt[lang], caption: caption[lang], credit: credit[lang] };
  }
  article.category = { name: CATEGORIES[e.category][lang], url: `https://example.org/${lang}/category/${e.category}` };
  if (e.author) {
    const a = AUTHORS[e.author];
    article.author = { name: a.name, url: `https://example.org/${lang}/author/${a.slug}` };
  }
  if (e.source) article.source = { ...e.source };
  article.publishedAt = e.publishedAt;
  if (e.updatedAt) article.updatedAt = e.updatedAt;
  article.lang = lang;
  if (lang !== e.original) article.translatedFrom = e.original;
  article.thread = e.id;
  return article;
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

export function getArticle(id: string, lang: Lang): Article | undefined {
  const entry = BY_ID.get(id);
  return entry && toArticle(entry, lang);
}

/** Sections in a fixed order; each lists the other articles sharing that topic / category / author, newest first. */
export function getRelated(id: string, lang: Lang): RelatedFeed | undefined {
  const entry = BY_ID.get(id);
  if (!entry) return undefined;
  const others = (same: (e: Entry) => boolean) =>
    ENTRIES.filter((e) => e.id !== id && same(e))
      .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
      .map((e) => toArticle(e, lang));
  return {
    sections: [
      { kind: 'topic', items: others((e) => e.topic === entry.topic) },
      { kind: 'category', items: others((e) => e.category === entry.category) },
      { kind: 'author', items: entry.author ? others((e) => e.author === entry.author) : [] },
    ],
  };
}

/** Every article in a feed answer, so comment counts can be attached with one query. */
export function articlesIn(value: Article | RelatedFeed): Article[] {
  return 'sections' in value ? value.sections.flatMap((s) => s.items) : [value];
}
