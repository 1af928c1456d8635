import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/photo-caption.js';
import type { BylinePhotoCaption } from '../src/photo-caption.js';
import type { Photo } from '../src/core/contract.js';
import { captureWarnings, HOSTILE, json, PIXEL, SEED_CAPTION_TH, SEED_SOURCE, seedPhoto, stubFetch } from './fixtures.js';

const shadow = (el: HTMLElement) => el.shadowRoot!;
const part = <T extends Element = HTMLElement>(el: HTMLElement, name: string) =>
  shadow(el).querySelector<T>(`[part~="${name}"]`);
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const dialogOf = (el: HTMLElement) => shadow(el).querySelector('dialog')!;
const triggerOf = (el: HTMLElement) => part<HTMLButtonElement>(el, 'zoom-button')!;
const pwned = () => (window as { __bylinePwned?: number }).__bylinePwned;

/** A Photo that really loads (the 30×20 test image) unless overridden. */
const pixelPhoto = (overrides: Partial<Photo> = {}) => seedPhoto({ src: PIXEL, width: 30, height: 20, ...overrides });

async function photoCaption(photo: Photo = pixelPhoto(), lang = 'th') {
  const el = await fixture<BylinePhotoCaption>(
    html`<byline-photo-caption lang=${lang} .photo=${photo}></byline-photo-caption>`,
  );
  await el.updateComplete;
  return el;
}

async function openByClick(el: BylinePhotoCaption) {
  const opened = oneEvent(el, 'byline-zoom-open');
  triggerOf(el).click();
  await opened;
  await el.updateComplete;
}

function ratio(box: Element) {
  const { width, height } = box.getBoundingClientRect();
  return width / height;
}

describe('<byline-photo-caption>', () => {
  describe('light-DOM <img> (progressive enhancement)', () => {
    const markup = `<byline-photo-caption number="1" lang="th">
      <img src="${PIXEL}" width="30" height="20" alt="ภาพประกอบ">
      <span class="cap">${SEED_CAPTION_TH}</span>
    </byline-photo-caption>`;

    it('shows the image and caption before and without JavaScript', async () => {
      // A frame that never loads the widget script: the reader still gets the photo and caption.
      const frame = await fixture<HTMLIFrameElement>(html`<iframe style="width: 400px; height: 400px"></iframe>`);
      const loaded = oneEvent(frame, 'load');
      frame.srcdoc = markup;
      await loaded;
      const doc = frame.contentDocument!;
      const img = doc.querySelector('img')!;
      await waitUntil(() => img.complete);
      expect(doc.defaultView!.customElements.get('byline-photo-caption')).to.equal(undefined);
      expect(img.naturalWidth).to.equal(30);
      expect(img.getBoundingClientRect().width).to.be.greaterThan(0);
      expect((doc.querySelector('.cap') as HTMLElement).innerText).to.equal(SEED_CAPTION_TH);
    });

    it('slots the host’s own <img> into the figure (no copy) with the numbered caption', async () => {
      const wrapper = await fixture<HTMLDivElement>(`<div style="width: 300px">${markup}</div>`);
      const el = wrapper.querySelector('byline-photo-caption')!;
      const own = el.querySelector('img')!;
      await el.updateComplete;
      const slot = shadow(el).querySelector<HTMLSlotElement>('slot.image')!;
      expect(slot.assignedElements()).to.deep.equal([own]);
      expect(shadow(el).querySelectorAll('img')).to.have.length(0);
      expect(own.closest('byline-photo-caption')).to.equal(el);
      expect(part(el, 'figure')!.localName).to.equal('figure');
      expect(text(part(el, 'number'))).to.equal('ภาพที่ 1');
      const captionSlot = shadow(el).querySelector<HTMLSlotElement>('slot.caption')!;
      expect(captionSlot.assignedElements().map((node) => node.className)).to.deep.equal(['cap']);
      expect(text(el.querySelector('.cap'))).to.equal(SEED_CAPTION_TH);
      await waitUntil(() => own.complete);
      const box = own.getBoundingClientRect();
      expect(box.width).to.be.closeTo(300, 1);
      expect(box.width / box.height).to.be.closeTo(1.5, 0.02);
      expect(triggerOf(el).getAttribute('aria-label')).to.equal('ขยายภาพ: ภาพประกอบ');
      await expect(el).to.be.accessible();
    });

    it('zooms the light-DOM image with its caption text', async () => {
      const el = await fixture<BylinePhotoCaption>(markup);
      await el.updateComplete;
      await openByClick(el);
      const large = part<HTMLImageElement>(el, 'zoom-image')!;
      expect(large.getAttribute('src')).to.equal(PIXEL);
      expect(large.alt).to.equal('ภาพประกอบ');
      expect(text(dialogOf(el).querySelector('figcaption'))).to.equal(`ภาพที่ 1 ${SEED_CAPTION_TH}`);
      await expect(el).to.be.accessible();
      el.closeZoom();
    });

    it('slots an image added after upgrade', async () => {
      const el = await fixture<BylinePhotoCaption>(html`<byline-photo-caption>Caption only</byline-photo-caption>`);
      expect(shadow(el).querySelector('slot.image')).to.equal(null);
      const captionSlot = shadow(el).querySelector<HTMLSlotElement>('figcaption slot.caption')!;
      expect(captionSlot.assignedNodes().map((node) => node.textContent).join('')).to.equal('Caption only');
      await expect(el).to.be.accessible();
      const img = Object.assign(document.createElement('img'), { src: PIXEL, alt: 'late', width: 30, height: 20 });
      el.prepend(img);
      await waitUntil(() => shadow(el).querySelector<HTMLSlotElement>('slot.image')?.assignedElements()[0] === img);
    });
  });

  it('a light-DOM <img src="javascript:…"> never reaches the widget: no zoom, no copy of the URL, the caption still shows', async () => {
    const canary = ((window as unknown as { bylineCanary?: () => void }).bylineCanary = () => {
      throw new Error('javascript: URL ran');
    });
    const el = await fixture<BylinePhotoCaption>(html`<byline-photo-caption lang="en"
      ><img src="javascript:bylineCanary()" alt="A photo" /> The caption</byline-photo-caption>`);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('button.frame'), 'zoom button').to.equal(null);
    expect(root.querySelector('dialog img')).to.equal(null);
    const urls = [...root.querySelectorAll('[src], [href], [srcset]')].flatMap((node) =>
      ['src', 'href', 'srcset'].map((name) => node.getAttribute(name) ?? ''),
    );
    expect(urls.filter((url) => /javascript:/i.test(url))).to.deep.equal([]);
    const caption = root.querySelector<HTMLSlotElement>('slot.caption')!.assignedNodes();
    expect(caption.map((node) => node.textContent).join('').trim()).to.equal('The caption');
    expect(canary).to.be.a('function');
    await expect(el).to.be.accessible();
  });

  describe('numbered caption and credit', () => {
    it('renders the seed caption exactly, in Thai, with the credit', async () => {
      const el = await photoCaption();
      expect(text(part(el, 'number'))).to.equal('ภาพที่ 1');
      expect(shadow(el).querySelector('figcaption .text')!.textContent).to.equal(SEED_CAPTION_TH);
      expect(text(part(el, 'credit'))).to.equal(`ภาพ: ${SEED_SOURCE}`);
      expect(part(el, 'figure')!.getAttribute('lang')).to.equal('th');
      await expect(el).to.be.accessible();
    });

    const cases = [
      ['vi', 'Ảnh 2.', `Ảnh: ${SEED_SOURCE}`],
      ['en', 'Photo 2.', `Photo: ${SEED_SOURCE}`],
    ] as const;
    for (const [lang, number, credit] of cases) {
      it(`numbers the caption in ${lang}`, async () => {
        const el = await photoCaption(pixelPhoto({ number: 2 }), lang);
        expect(text(part(el, 'number'))).to.equal(number);
        expect(text(part(el, 'credit'))).to.equal(credit);
        await expect(el).to.be.accessible();
      });
    }

    it('is right-to-left in Arabic, following an ancestor’s lang', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar">
        <byline-photo-caption .photo=${pixelPhoto({ number: 3, caption: 'صورة من الاجتماع', credit: 'وكالة' })}>
        </byline-photo-caption>
      </div>`);
      const el = wrapper.querySelector('byline-photo-caption')!;
      await waitUntil(() => part(el, 'figure')?.getAttribute('lang') === 'ar', 'Arabic strings load');
      const figure = part(el, 'figure')!;
      expect(figure.getAttribute('dir')).to.equal('rtl');
      expect(text(part(el, 'number'))).to.equal(`الصورة ${(3).toLocaleString('ar')}.`);
      expect(text(part(el, 'credit'))).to.equal('تصوير: وكالة');
      expect(triggerOf(el).getAttribute('aria-label')).to.equal(`تكبير الصورة: ${SEED_CAPTION_TH}`);
      await expect(el).to.be.accessible();
      await openByClick(el);
      expect(dialogOf(el).getAttribute('dir')).to.equal('rtl');
      expect(text(part(el, 'close'))).to.equal('إغلاق');
      await expect(el).to.be.accessible();
      el.closeZoom();
    });

    it('lets the number attribute win over the data, and shows native digits on request', async () => {
      const el = await fixture<BylinePhotoCaption>(
        html`<byline-photo-caption lang="th" number="4" digits="native" .photo=${pixelPhoto()}></byline-photo-caption>`,
      );
      await el.updateComplete;
      expect(text(part(el, 'number'))).to.equal('ภาพที่ ๔');
    });

    it('leaves out the number and credit when there are none', async () => {
      const el = await photoCaption(pixelPhoto({ number: undefined, credit: undefined }), 'en');
      expect(part(el, 'number')).to.equal(null);
      expect(part(el, 'credit')).to.equal(null);
      expect(text(part(el, 'caption'))).to.equal(SEED_CAPTION_TH);
    });
  });

  describe('image', () => {
    it('reserves the box from width and height before the image loads', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px">
        <byline-photo-caption .photo=${pixelPhoto({ src: '/test/assets/never-there.png', width: 1200, height: 800 })}>
        </byline-photo-caption>
      </div>`);
      const el = wrapper.querySelector('byline-photo-caption')!;
      await el.updateComplete;
      const img = part<HTMLImageElement>(el, 'image')!;
      expect(img.naturalWidth).to.equal(0);
      expect(ratio(triggerOf(el))).to.be.closeTo(1.5, 0.01);
      expect(triggerOf(el).getBoundingClientRect().width).to.be.closeTo(320, 1);
    });

    it('loads lazily and decodes off the main thread by default; eager on request', async () => {
      const el = await photoCaption();
      const img = part<HTMLImageElement>(el, 'image')!;
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      expect(img.getAttribute('width')).to.equal('30');
      expect(img.getAttribute('height')).to.equal('20');
      expect(img.alt).to.equal(SEED_CAPTION_TH);
      await waitUntil(() => img.complete && img.naturalWidth === 30, 'the test image loads');
      el.loading = 'eager';
      await el.updateComplete;
      expect(img.getAttribute('loading')).to.equal('eager');
    });

    it('passes srcset and sizes through', async () => {
      const el = await photoCaption(pixelPhoto({ srcset: `${PIXEL} 30w, ${PIXEL}?2x 60w` }));
      el.sizes = '50vw';
      await el.updateComplete;
      const img = part<HTMLImageElement>(el, 'image')!;
      expect(img.getAttribute('srcset')).to.equal(`${PIXEL} 30w, ${PIXEL}?2x 60w`);
      expect(img.getAttribute('sizes')).to.equal('50vw');
    });
  });

  describe('zoom', () => {
    it('opens on click in a modal dialog with the large image and caption, and is accessible', async () => {
      const el = await photoCaption();
      const trigger = triggerOf(el);
      expect(trigger.localName).to.equal('button');
      expect(trigger.getAttribute('aria-label')).to.equal(`ขยายภาพ: ${SEED_CAPTION_TH}`);
      expect(dialogOf(el).open).to.equal(false);
      expect(part(el, 'zoom-image')).to.equal(null, 'the large image is not loaded before zoom');
      await expect(el).to.be.accessible();

      const opened = oneEvent(el, 'byline-zoom-open');
      trigger.click();
      const { detail } = await opened;
      await el.updateComplete;
      expect(detail.photo.src).to.equal(PIXEL);
      const dialog = dialogOf(el);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(dialog.getAttribute('aria-label')).to.equal('ภาพขยาย');
      const large = part<HTMLImageElement>(el, 'zoom-image')!;
      expect(large.alt).to.equal(SEED_CAPTION_TH);
      expect(text(dialog.querySelector('figcaption'))).to.equal(`ภาพที่ 1 ${SEED_CAPTION_TH} ภาพ: ${SEED_SOURCE}`);
      const close = part<HTMLButtonElement>(el, 'close')!;
      expect(shadow(el).activeElement).to.equal(close, 'focus moves into the dialog');
      const box = close.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
      expect(text(close)).to.equal('ปิด');
      await expect(el).to.be.accessible();
      el.closeZoom();
    });

    it('opens with Enter, closes with Escape, and returns focus to the trigger', async () => {
      const el = await photoCaption();
      triggerOf(el).focus();
      const opened = oneEvent(el, 'byline-zoom-open');
      await sendKeys({ press: 'Enter' });
      await opened;
      expect(dialogOf(el).open).to.equal(true);
      const closed = oneEvent(el, 'byline-zoom-close');
      await sendKeys({ press: 'Escape' });
      const { detail } = await closed;
      expect(detail.photo.caption).to.equal(SEED_CAPTION_TH);
      expect(dialogOf(el).open).to.equal(false);
      expect(shadow(el).activeElement).to.equal(triggerOf(el));
      await el.updateComplete;
      expect(part(el, 'zoom-image')).to.equal(null);
    });

    it('opens with Space', async () => {
      const el = await photoCaption();
      triggerOf(el).focus();
      const opened = oneEvent(el, 'byline-zoom-open');
      await sendKeys({ press: 'Space' });
      await opened;
      expect(dialogOf(el).open).to.equal(true);
      el.closeZoom();
    });

    it('closes with the close button and returns focus to the trigger after a mouse open', async () => {
      const el = await photoCaption();
      await openByClick(el);
      const closed = oneEvent(el, 'byline-zoom-close');
      part<HTMLButtonElement>(el, 'close')!.click();
      await closed;
      expect(dialogOf(el).open).to.equal(false);
      expect(shadow(el).activeElement).to.equal(triggerOf(el));
    });

    it('closes on a click on the backdrop but not on the photo', async () => {
      const el = await photoCaption();
      await openByClick(el);
      part(el, 'zoom-image')!.click();
      expect(dialogOf(el).open).to.equal(true);
      const closed = oneEvent(el, 'byline-zoom-close');
      dialogOf(el).click();
      await closed;
      expect(dialogOf(el).open).to.equal(false);
    });

    it('stays closed when a listener cancels byline-zoom-open', async () => {
      const el = await photoCaption();
      el.addEventListener('byline-zoom-open', (event) => event.preventDefault(), { once: true });
      triggerOf(el).click();
      await el.updateComplete;
      expect(dialogOf(el).open).to.equal(false);
    });

    it('can be turned off with no-zoom, keeping the image', async () => {
      const el = await fixture<BylinePhotoCaption>(
        html`<byline-photo-caption lang="en" no-zoom .photo=${pixelPhoto()}></byline-photo-caption>`,
      );
      await el.updateComplete;
      expect(part(el, 'zoom-button')).to.equal(null);
      expect(shadow(el).querySelector('dialog')).to.equal(null);
      expect(ratio(shadow(el).querySelector('.frame')!)).to.be.closeTo(1.5, 0.01);
      expect(part(el, 'image')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('is accessible zoomed in the dark theme', async () => {
      const el = await photoCaption();
      el.theme = 'dark';
      await el.updateComplete;
      expect(getComputedStyle(part(el, 'figure')!).backgroundColor).to.equal('rgb(27, 27, 31)');
      await expect(el).to.be.accessible();
      await openByClick(el);
      expect(getComputedStyle(dialogOf(el)).backgroundColor).to.equal('rgb(27, 27, 31)');
      await expect(el).to.be.accessible();
      el.closeZoom();
    });
  });

  describe('data inputs', () => {
    it('reads inline JSON from a child script', async () => {
      const el = await fixture<BylinePhotoCaption>(html`<byline-photo-caption lang="vi">
        <script type="application/json">${JSON.stringify(pixelPhoto({ caption: 'Bộ TT&TT' }))}</script>
      </byline-photo-caption>`);
      await el.updateComplete;
      expect(text(part(el, 'caption'))).to.equal(`Ảnh 1. Bộ TT&TT Ảnh: ${SEED_SOURCE}`);
    });

    it('loads from src, showing an accessible placeholder of the same shape meanwhile', async () => {
      let answer!: (response: Response) => void;
      const restore = stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
      try {
        const el = await fixture<BylinePhotoCaption>(
          html`<byline-photo-caption lang="th" src="/photo.json"></byline-photo-caption>`,
        );
        await waitUntil(() => answer !== undefined, 'the photo JSON is requested');
        expect(part(el, 'figure')!.getAttribute('aria-busy')).to.equal('true');
        expect(text(shadow(el).querySelector('.visually-hidden'))).to.equal('กำลังโหลด…');
        await expect(el).to.be.accessible();
        const loaded = oneEvent(el, 'byline-load');
        answer(json(pixelPhoto()));
        await loaded;
        await el.updateComplete;
        expect(shadow(el).querySelector('figcaption .text')!.textContent).to.equal(SEED_CAPTION_TH);
        expect(part(el, 'figure')!.hasAttribute('aria-busy')).to.equal(false);
      } finally {
        restore();
      }
    });

    it('shows a localized error with a retry that works after a failed src', async () => {
      let status = 503;
      const restore = stubFetch(() => (status === 200 ? json(pixelPhoto()) : json({}, { status: 404 })));
      const warnings = captureWarnings();
      try {
        const el = await fixture<BylinePhotoCaption>(
          html`<byline-photo-caption lang="vi" src="/missing.json"></byline-photo-caption>`,
        );
        await oneEvent(el, 'byline-error');
        await el.updateComplete;
        expect(text(part(el, 'error'))).to.contain('Không thể tải nội dung này.');
        expect(warnings.messages).to.have.length(1);
        await expect(el).to.be.accessible();
        status = 200;
        part<HTMLButtonElement>(el, 'retry')!.click();
        await oneEvent(el, 'byline-load');
        await el.updateComplete;
        expect(text(part(el, 'number'))).to.equal('Ảnh 1.');
      } finally {
        warnings.restore();
        restore();
      }
    });

    it('takes the property over inline JSON, inline JSON over src, and src over a light-DOM <img>', async () => {
      const requested: string[] = [];
      const restore = stubFetch((url) => {
        requested.push(url);
        return json(pixelPhoto({ caption: 'from src' }));
      });
      try {
        const inline = JSON.stringify(pixelPhoto({ caption: 'from inline' }));
        const all = await fixture<BylinePhotoCaption>(html`<byline-photo-caption src="/p.json"
          .photo=${pixelPhoto({ caption: 'from property' })}>
          <script type="application/json">${inline}</script><img src=${PIXEL} alt="light">
        </byline-photo-caption>`);
        await all.updateComplete;
        expect(text(shadow(all).querySelector('figcaption .text'))).to.equal('from property');

        const noProperty = await fixture<BylinePhotoCaption>(html`<byline-photo-caption src="/p.json">
          <script type="application/json">${inline}</script><img src=${PIXEL} alt="light">
        </byline-photo-caption>`);
        await noProperty.updateComplete;
        expect(text(shadow(noProperty).querySelector('figcaption .text'))).to.equal('from inline');
        expect(requested).to.deep.equal([]);

        const srcOnly = await fixture<BylinePhotoCaption>(html`<byline-photo-caption src="/p.json">
          <img src=${PIXEL} alt="light"><span>light caption</span>
        </byline-photo-caption>`);
        await oneEvent(srcOnly, 'byline-load');
        await srcOnly.updateComplete;
        expect(text(shadow(srcOnly).querySelector('figcaption .text'))).to.equal('from src');
        expect(shadow(srcOnly).querySelector('slot')).to.equal(null, 'the light-DOM fallback is not shown');
        expect(part<HTMLImageElement>(srcOnly, 'image')!.getAttribute('src')).to.equal(PIXEL);
      } finally {
        restore();
      }
    });
  });

  describe('hostile and broken data', () => {
    it('renders markup in alt, caption and credit as text and runs nothing', async () => {
      const el = await photoCaption(pixelPhoto({ alt: HOSTILE, caption: HOSTILE, credit: HOSTILE }));
      await openByClick(el);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pwned()).to.equal(undefined);
      expect(shadow(el).querySelector('figcaption .text')!.textContent).to.equal(HOSTILE);
      expect(text(part(el, 'credit'))).to.equal(`ภาพ: ${HOSTILE}`.replace(/\s+/g, ' '));
      expect(part<HTMLImageElement>(el, 'image')!.alt).to.equal(HOSTILE);
      expect(triggerOf(el).getAttribute('aria-label')).to.equal(`ขยายภาพ: ${HOSTILE}`);
      expect(shadow(el).querySelectorAll('script')).to.have.length(0);
      expect(shadow(el).querySelectorAll('img')).to.have.length(2, 'the photo and its zoom, nothing injected');
      el.closeZoom();
    });

    it('drops a javascript: src but renders the caption, with no broken image and no zoom', async () => {
      const el = await photoCaption(pixelPhoto({ src: 'javascript:alert(1)' }));
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(part(el, 'zoom-button')).to.equal(null);
      expect(shadow(el).querySelector('dialog')).to.equal(null);
      expect(shadow(el).querySelector('figcaption .text')!.textContent).to.equal(SEED_CAPTION_TH);
      expect(text(part(el, 'number'))).to.equal('ภาพที่ 1');
      await expect(el).to.be.accessible();
    });

    it('drops a data: srcset and keeps the safe src', async () => {
      const el = await photoCaption(pixelPhoto({ srcset: 'data:image/png;base64,AAAA 2x' }));
      const img = part<HTMLImageElement>(el, 'image')!;
      expect(img.hasAttribute('srcset')).to.equal(false);
      expect(img.getAttribute('src')).to.equal(PIXEL);
    });

    it('shows a localized error and one warning naming photo.alt when alt is missing', async () => {
      const warnings = captureWarnings();
      try {
        const el = await photoCaption({ ...pixelPhoto(), alt: undefined } as unknown as Photo);
        expect(text(part(el, 'error'))).to.equal('เนื้อหานี้ไม่พร้อมใช้งานในขณะนี้');
        expect(part(el, 'retry')).to.equal(null);
        expect(warnings.messages).to.have.length(1);
        expect(warnings.messages[0]).to.contain('photo.alt');
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });
  });
});
