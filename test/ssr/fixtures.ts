/**
 * The data both server-rendering suites render: test/node/ssr.test.ts (byline-widgets/ssr in Node) and
 * test/ssr/hydrate.test.ts (the same HTML hydrating in the browser). No imports: it loads in both.
 */
export const ZONE = 'Asia/Bangkok';
export const PUBLISHED = '2024-12-27T15:20:10+07:00';

export const article = {
  id: 'mic-1',
  url: 'https://example.org/th/article/1',
  // Markup and an ampersand that must stay text, in a script a Latin-only renderer would garble.
  title: 'กระทรวงสารสนเทศ <b>ยกระดับ</b> คุณภาพ',
  summary: 'ตามรายงานของกรมการจัดองค์กร & บุคลากร',
  // Not the stylesheet's 3:2: the box must have the image's ratio before hydration too.
  image: { src: '/demo/images/photo-1.jpg', width: 1600, height: 900, alt: 'ภาพ' },
  category: { name: 'ข่าว', url: 'https://example.org/th/news' },
  author: { name: 'Bộ Khoa học và Công nghệ', url: 'https://example.org/author' },
  source: { name: 'Source Name', url: 'https://mic.gov.vn/x' },
  publishedAt: PUBLISHED,
  commentCount: 12,
  lang: 'th',
  translatedFrom: 'vi',
};

export const sections = [
  { kind: 'topic', items: [{ id: 'r1', url: '/r/1', title: 'สัตว์ป่าบนเกาะ Cat Ba', publishedAt: PUBLISHED }] },
  { kind: 'category', items: [] },
  { kind: 'author', title: 'Own title', items: [{ id: 'r2', url: '/r/2', title: 'Related two' }] },
];

export const photo = { src: '/demo/images/photo-2.jpg', width: 1200, height: 800, alt: 'صورة', caption: 'تعليق الصورة', number: 2 };
