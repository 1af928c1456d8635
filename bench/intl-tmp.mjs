import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '/work/main/bench/lib/setup.mjs';
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const cases = {
  dtfZone: `new Intl.DateTimeFormat('en', { timeZone: 'Asia/Bangkok' })`,
  dtfEn: `new Intl.DateTimeFormat('en')`,
  nfEn: `new Intl.NumberFormat('en')`,
  prTh: `new Intl.PluralRules('th')`,
  supported: `Intl.DateTimeFormat.supportedLocalesOf('th')`,
  dtfThMedium: `new Intl.DateTimeFormat('th', { dateStyle: 'medium', timeZone: 'Asia/Bangkok' }).format(new Date())`,
  getCanon: `Intl.getCanonicalLocales('th')`,
  localeObj: `new Intl.Locale('th-u-nu-thai').numberingSystem`,
  toLocale: `(1234).toLocaleString()`,
};
for (const [name, code] of Object.entries(cases)) {
  const results = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto('data:text/html,<p>x');
    const r = await page.evaluate(`(() => { const t0 = performance.now(); ${code}; const t1 = performance.now(); new Intl.DateTimeFormat('th', { dateStyle: 'medium', timeZone: 'Asia/Bangkok' }).format(new Date()); new Intl.PluralRules('th'); new Intl.NumberFormat('th-u-nu-thai').format(5); new Intl.DisplayNames('th', {type:'language'}).of('vi'); const t2 = performance.now(); return [t1 - t0, t2 - t1]; })()`);
    results.push(r.map((x) => x.toFixed(0)).join('+'));
    await page.close();
  }
  console.log(name.padEnd(12), results.join('  '));
}
await browser.close();
