// Turns one run's results into the Markdown that `npm run bench` prints and writes into BENCHMARKS.md.
import { markdown as sizeMarkdown, profileMarkdown } from '../../scripts/size.mjs';

export const TARGETS = {
  render: 1.15, // render 1,000 cards: at most 1.15x vanilla
  update: 1.15, // update every 10th of 1,000: at most 1.15x vanilla
  memory: 1.3, // JS heap per 1,000 cards: at most 1.3x vanilla
  tbt: 0, // total blocking time Byline adds, ms
  cls: 0.01, // cumulative layout shift of the page with Byline
};

const x = (ratio) => (ratio === undefined || Number.isNaN(ratio) ? '—' : `${ratio.toFixed(2)}×`);
const interval = (low, high) => (low === undefined ? 'n/a' : `${low.toFixed(2)}–${high.toFixed(2)}`);
const ms = (value) => (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0));
const kib = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

/**
 * A ratio target is met when the whole 95% interval is at or under it, missed when the whole interval is
 * over it, and not decided by this run otherwise (then the point estimate is named).
 */
function verdict(ratio, low, high, target) {
  const over = `${x(ratio)} is ${Math.round((ratio / target - 1) * 100)}% over ${x(target)}`;
  if (low === undefined) return ratio <= target ? 'met (no interval: too few runs)' : `**missed**: ${over} (no interval: too few runs)`;
  if (high <= target) return 'met';
  if (low > target) return `**missed**: ${over}`;
  return `not decided (interval spans ${x(target)}; estimate ${x(ratio)})`;
}

export function parityMarkdown(results) {
  const out = ['| page | implementation | same DOM as vanilla |', '| --- | --- | --- |'];
  for (const r of results) {
    const detail = r.error
      ? `could not run: ${r.error.split('\n')[0]}`
      : r.same
        ? 'yes'
        : `**no**: first difference — vanilla \`…${r.difference.baseline.slice(60, 150)}…\` vs \`…${r.difference.other.slice(60, 150)}…\``;
    out.push(`| ${r.page} | ${r.impl} | ${detail} |`);
  }
  return out.join('\n');
}

export function speedMarkdown(rows) {
  const out = [
    '| benchmark | measurement | samples | vanilla ms | naive Lit ms | Lit ÷ vanilla (95% CI) | Byline ms | Byline ÷ vanilla (95% CI) | target | result |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  const groups = new Map();
  for (const row of rows) {
    const key = `${row.benchmark}|${row.measurement}`;
    if (!groups.has(key)) groups.set(key, {});
    groups.get(key)[row.impl] = row;
  }
  for (const [key, g] of groups) {
    const [benchmark, measurement] = key.split('|');
    const target = benchmark.startsWith('Render 1,000') ? TARGETS.render : benchmark.startsWith('Update') ? TARGETS.update : undefined;
    const b = g.byline;
    const lit = g.lit;
    out.push(
      `| ${benchmark} | ${measurement} | ${g.vanilla?.samples ?? '—'} | ${g.vanilla ? ms(g.vanilla.meanMs) : '—'} | ` +
        `${lit ? ms(lit.meanMs) : ''} | ${lit ? `${x(lit.ratio)} (${interval(lit.low, lit.high)})` : ''} | ` +
        `${b ? ms(b.meanMs) : '—'} | ${b ? `${x(b.ratio)} (${interval(b.low, b.high)})` : '—'} | ` +
        `${target ? `≤ ${x(target)}` : ''} | ${target && b ? verdict(b.ratio, b.low, b.high, target) : ''} |`,
    );
  }
  return out.join('\n');
}

export function memoryMarkdown(m) {
  const v = m.impls.vanilla;
  const out = [
    `${m.n.toLocaleString('en')} article cards, ${m.runs} runs per implementation (median; 95% bootstrap interval of the ratio of medians).`,
    '',
    '| implementation | JS heap added | ÷ vanilla (95% CI) | JS + DOM added | ÷ vanilla (95% CI) | DOM nodes per card | target (JS heap) | result |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const [impl, r] of Object.entries(m.impls)) {
    const isByline = impl === 'byline';
    const name = impl === 'litFloor' ? 'lit, no bindings (floor; not the same DOM)' : impl;
    out.push(
      `| ${name} | ${mb(r.medianHeap)} | ${impl === 'vanilla' ? '1.00×' : `${x(r.ratio)} (${interval(r.low, r.high)})`} | ` +
        `${mb(r.medianTotal)} | ${impl === 'vanilla' ? '1.00×' : `${x(r.totalRatio)} (${interval(r.totalLow, r.totalHigh)})`} | ` +
        `${(r.nodes / m.n).toFixed(1)} | ${isByline ? `≤ ${x(TARGETS.memory)}` : ''} | ${isByline ? verdict(r.ratio, r.low, r.high, TARGETS.memory) : ''} |`,
    );
  }
  out.push('', `Vanilla adds ${mb(v.medianHeap)} of JS heap and ${mb(v.medianTotal)} of JS + DOM for the same cards.`);
  return out.join('\n');
}

export function pageMarkdown(p) {
  const d = p.demo;
  const h = p.placeholder;
  const l = p.loader;
  const most = (page) => Math.max(...page.samples.map((s) => s.bylineLongTasks));
  const addedTbt = d.tbt - h.tbt;
  const n = p.nonBlocking;
  const row = (figure, value, target = '', result = '') =>
    `| ${figure} | ${value(d)} | ${value(h)} | ${n ? `${value(n)} | ` : ''}${l ? `${value(l)} | ` : ''}${target} | ${result} |`;
  const out = [
    `Lighthouse 12.2.3, default mobile settings (simulated slow 4G, 4× CPU slowdown), ${p.runs} runs per page, medians. ` +
      '"Byline adds" = demo page − placeholder page.',
    '',
    `| figure | demo page (bundle) | placeholder page (no Byline) | ${n ? 'demo page without blocking="render" | ' : ''}${l ? 'demo page with cdn/loader.js | ' : ''}target | result (bundle) |`,
    `| --- | ---: | ---: | ${n ? '---: | ' : ''}${l ? '---: | ' : ''}---: | --- |`,
    row('total blocking time', (x) => `${ms(x.tbt)} ms`, '+0 ms', addedTbt <= TARGETS.tbt ? 'met' : `**missed**: Byline adds ${ms(addedTbt)} ms`),
    row("long tasks from Byline's scripts (most in a run)", (x) => `${most(x)}`, '0', most(d) ? `**missed**: ${most(d)}` : 'met'),
    row('cumulative layout shift', (x) => x.cls.toFixed(3), '≤ 0.01', d.cls <= TARGETS.cls ? 'met' : `**missed** by ${(d.cls - TARGETS.cls).toFixed(3)}`),
    row("Byline's script bytes as served (requests)", (x) => `${kib(x.bylineTransfer)} (${x.bylineRequests})`, '', d.bylineTransfer > d.bylineResource * 0.9 ? 'uncompressed (see Size for gzip)' : 'compressed, as served'),
    row("Byline's script boot-up (Lighthouse bootup-time)", (x) => `${ms(x.bylineBootup)} ms`),
    row('first contentful paint', (x) => `${ms(x.fcp)} ms`),
    row('largest contentful paint', (x) => `${ms(x.lcp)} ms`),
    row('performance score', (x) => `${Math.round(x.score * 100)}`),
    '',
    `Placeholders (final sizes at Lighthouse's 412 px screen): ${p.widgets.map((w) => `${w.tag} ${Math.round(w.height)} px`).join(', ')}.`,
  ];
  const od = p.demoObserved;
  const oh = p.placeholderObserved;
  const on = p.nonBlockingObserved;
  if (od && oh) {
    const observed = (figure, value, target = '', result = '') =>
      `| ${figure} | ${value(od)} | ${value(oh)} | ${on ? `${value(on)} | ` : ''}${target} | ${result} |`;
    const addedObserved = od.tbt - oh.tbt;
    const mostAfter = Math.max(...od.samples.map((s) => s.bylineLongTasksAfterFcp));
    out.push(
      '',
      'Observed: the same pages with `--throttling-method=devtools` (the browser really slowed down by the same ' +
        "4× CPU and slow 4G), because the default simulation's model of the first paint does not know " +
        '`blocking="render"` on a module script and places the bundle\'s work after it.',
      '',
      `| figure (observed) | demo page (bundle) | placeholder page (no Byline) | ${on ? 'demo page without blocking="render" | ' : ''}target | result |`,
      `| --- | ---: | ---: | ${on ? '---: | ' : ''}---: | --- |`,
      observed('total blocking time', (x) => `${ms(x.tbt)} ms`, '+0 ms', addedObserved <= TARGETS.tbt ? 'met' : `**missed**: Byline adds ${ms(addedObserved)} ms`),
      observed("long tasks from Byline's scripts after the first paint (most in a run)", (x) => `${Math.max(...x.samples.map((s) => s.bylineLongTasksAfterFcp))}`, '0', mostAfter ? `**missed**: ${mostAfter}` : 'met'),
      observed("long tasks from Byline's scripts, all (most in a run)", (x) => `${most(x)}`),
      observed('cumulative layout shift', (x) => x.cls.toFixed(3), '≤ 0.01', od.cls <= TARGETS.cls ? 'met' : `**missed** by ${(od.cls - TARGETS.cls).toFixed(3)}`),
      observed('first contentful paint', (x) => `${ms(x.fcp)} ms`),
      observed('largest contentful paint', (x) => `${ms(x.lcp)} ms`),
      observed('performance score', (x) => `${Math.round(x.score * 100)}`),
    );
  }
  return out.join('\n');
}

export function runMarkdown(info) {
  return [
    `- Date: ${info.date} (${info.mode} run, ${info.minutes} min)`,
    `- Machine: ${info.machine.cpu}, ${info.machine.cores} cores, ${info.machine.memory} memory; ${info.machine.os}; Node ${info.machine.node}`,
    `- Browser: ${info.machine.browser} (headless, \`--no-sandbox\`), the only browser used`,
    `- Load average (1, 5, 15 min) before: ${info.loadBefore}; after: ${info.loadAfter} — other work was running on this machine; ratios compare runs interleaved in the same session, which cancels most of it, absolute times do not`,
    `- Commands: \`${info.command}\`${info.parts.includes('speed') ? '; each tachometer config: `npx tachometer --config bench/tach/<name>.json` (root = repo)' : ''}`,
  ].join('\n');
}

export function fullReport({ info, parity, size, speed, memory, page }) {
  const parts = ['### This run', '', runMarkdown(info)];
  if (parity) parts.push('', '### Same DOM', '', parityMarkdown(parity));
  if (size) parts.push('', '### Size', '', sizeMarkdown(size.rows), '', profileMarkdown(size.profile, 15));
  if (speed) parts.push('', '### Speed (tachometer, ratios to vanilla)', '', speedMarkdown(speed));
  if (memory) parts.push('', '### Memory', '', memoryMarkdown(memory));
  if (page) parts.push('', '### Page cost (Lighthouse on demo/index.html)', '', pageMarkdown(page));
  return parts.join('\n');
}
