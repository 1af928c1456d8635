// Demo page wiring: language, theme and digit switches. Partners need none of this.
const ARTICLE = 'mic-197241227152010792';
const FEED_LANGS = ['th', 'vi', 'en'];
const root = document.documentElement;
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

function setLanguage(lang) {
  root.lang = lang;
  root.dir = lang === 'ar' ? 'rtl' : 'ltr';
  // Article data exists in th/vi/en (the seed's languages); a UI in any other language shows the English
  // data around its own strings, dates and digits.
  const feed = FEED_LANGS.includes(lang) ? lang : 'en';
  // The page's own Thai article data is inline (it wins over src); another language fetches its version.
  if (lang !== 'th') $('card').querySelector('script[type="application/json"]')?.remove();
  $('card').setAttribute('src', `/api/articles/${ARTICLE}?lang=${feed}`);
  $('related').setAttribute('src', `/api/related/${ARTICLE}?lang=${feed}`);
  $('lang').value = lang;
}

function setTheme(theme) {
  root.dataset.theme = theme;
  for (const el of document.querySelectorAll('byline-article-card, byline-photo-caption, byline-related-topics, byline-comment-box, byline-comment-count')) {
    el.setAttribute('theme', theme);
  }
  $('theme').value = theme;
}

function setDigits(native) {
  for (const el of document.querySelectorAll('byline-article-card, byline-photo-caption, byline-related-topics, byline-comment-box, byline-comment-count')) {
    if (native) el.setAttribute('digits', 'native');
    else el.removeAttribute('digits');
  }
  $('digits').checked = native;
}

$('lang').addEventListener('change', (event) => setLanguage(event.target.value));
$('theme').addEventListener('change', (event) => setTheme(event.target.value));
$('digits').addEventListener('change', (event) => setDigits(event.target.checked));

setLanguage(params.get('lang') ?? 'th');
setTheme(params.get('theme') ?? 'auto');
setDigits(params.get('digits') === 'native');
