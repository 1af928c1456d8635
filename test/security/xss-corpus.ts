/**
 * XSS corpus for Byline: strings that would run code, load something, or show different text if any
 * widget treated data as markup, a URL as trusted, or text as something to normalize. Every payload
 * that could execute calls the global canary `bylineCanary(id)` (installed by ./harness.ts), so an
 * execution is counted even when nothing else looks wrong.
 *
 * Written for this project: the HTML contexts Byline renders into (text in shadow roots, attributes
 * set by Lit, `href`/`src`/`srcset`, `aria-label` filled from locale templates with `{name}`), the
 * JSON contract (strings, URLs), and the reference server (stores strings verbatim after trimming).
 */
export type VectorKind =
  | 'script'
  | 'event-handler'
  | 'svg-mathml'
  | 'url'
  | 'data-url'
  | 'mxss'
  | 'css'
  | 'template'
  | 'unicode'
  | 'long';

export interface Vector {
  id: string;
  kind: VectorKind;
  value: string;
}

const C = 'bylineCanary';
const call = (id: string) => `${C}('${id}')`;

const raw: [VectorKind, (id: string) => string][] = [
  // Script elements, in the shapes parsers and filters disagree on.
  ['script', (id) => `<script>${call(id)}</script>`],
  ['script', (id) => `<SCRIPT>${call(id)}</SCRIPT>`],
  ['script', (id) => `<script src="data:text/javascript,${call(id)}"></script>`],
  ['script', (id) => `<script/src="data:,${call(id)}"></script>`],
  ['script', (id) => `<scr<script>ipt>${call(id)}</scr</script>ipt>`],
  ['script', (id) => `"><script>${call(id)}</script>`],
  ['script', (id) => `'><script>${call(id)}</script>`],
  ['script', (id) => `</title><script>${call(id)}</script>`],
  ['script', (id) => `</textarea><script>${call(id)}</script>`],
  ['script', (id) => `</style><script>${call(id)}</script>`],
  ['script', (id) => `<!--<script>${call(id)}</script>-->`],
  ['script', (id) => `<script>/*</script><script>*/${call(id)}</script>`],
  ['script', (id) => `<script type="module">${call(id)}</script>`],
  ['script', (id) => `<script\x20type="text/javascript">${call(id)};</script>`],
  ['script', (id) => `<iframe srcdoc="<script>parent.${call(id)}</script>"></iframe>`],
  ['script', (id) => `<iframe src="javascript:parent.${call(id)}"></iframe>`],
  ['script', (id) => `<object data="javascript:${call(id)}"></object>`],
  ['script', (id) => `<embed src="javascript:${call(id)}">`],
  ['script', (id) => `<base href="javascript:${call(id)}//">`],
  ['script', (id) => `<meta http-equiv="refresh" content="0;url=javascript:${call(id)}">`],
  ['script', (id) => `<form action="javascript:${call(id)}"><button>x</button></form>`],
  ['script', (id) => `<button formaction="javascript:${call(id)}">x</button>`],
  ['script', (id) => `<a href="javascript:${call(id)}">click</a>`],
  ['script', (id) => `<isindex action="javascript:${call(id)}" type=image>`],
  // Event handlers.
  ['event-handler', (id) => `<img src=x onerror=${call(id)}>`],
  ['event-handler', (id) => `<img src=x onerror="${call(id)}">`],
  ['event-handler', (id) => `<img src=x:x onerror=javascript:${call(id)}>`],
  ['event-handler', (id) => `<img/src/onerror=${call(id)}>`],
  ['event-handler', (id) => `<img src=x onerror\x0d=${call(id)}>`],
  ['event-handler', (id) => `<img src=x oNeRrOr=${call(id)}>`],
  ['event-handler', (id) => `<img src=x onerror=&#98;ylineCanary('${id}')>`],
  ['event-handler', (id) => `<img src="x" alt="" onerror="${C}&#40;'${id}'&#41;">`],
  ['event-handler', (id) => `<body onload=${call(id)}>`],
  ['event-handler', (id) => `<svg onload=${call(id)}>`],
  ['event-handler', (id) => `<input autofocus onfocus=${call(id)}>`],
  ['event-handler', (id) => `<select autofocus onfocus=${call(id)}></select>`],
  ['event-handler', (id) => `<textarea autofocus onfocus=${call(id)}></textarea>`],
  ['event-handler', (id) => `<details open ontoggle=${call(id)}>`],
  ['event-handler', (id) => `<video><source onerror=${call(id)}></video>`],
  ['event-handler', (id) => `<audio src=x onerror=${call(id)}>`],
  ['event-handler', (id) => `<marquee onstart=${call(id)}>x</marquee>`],
  ['event-handler', (id) => `<div onmouseover=${call(id)} style="position:fixed;inset:0">hover</div>`],
  ['event-handler', (id) => `<a onclick=${call(id)} href=#>x</a>`],
  ['event-handler', (id) => `<object data=x onerror=${call(id)}></object>`],
  ['event-handler', (id) => `<style onload=${call(id)}></style>`],
  ['event-handler', (id) => `<link rel=stylesheet href=x onerror=${call(id)}>`],
  ['event-handler', (id) => `<img src=x onerror=${call(id)}//`],
  ['event-handler', (id) => `" onerror="${call(id)}`],
  ['event-handler', (id) => `' onerror='${call(id)}`],
  ['event-handler', (id) => `" autofocus onfocus="${call(id)}" x="`],
  ['event-handler', (id) => `x" onmouseover=${call(id)} a="`],
  ['event-handler', (id) => `<div popover id=p onbeforetoggle=${call(id)}></div><button popovertarget=p>x</button>`],
  ['event-handler', (id) => `<img src=x onerror=eval(atob('${btoa(call(id))}'))>`],
  ['event-handler', (id) => `<img src=x onerror=\u0062ylineCanary('${id}')>`],
  // SVG and MathML.
  ['svg-mathml', (id) => `<svg><script>${call(id)}</script></svg>`],
  ['svg-mathml', (id) => `<svg><script href="data:,${call(id)}"/></svg>`],
  ['svg-mathml', (id) => `<svg><a xlink:href="javascript:${call(id)}"><text y=20>x</text></a></svg>`],
  ['svg-mathml', (id) => `<svg><a href="javascript:${call(id)}"><text y=20>x</text></a></svg>`],
  ['svg-mathml', (id) => `<svg><animate onbegin=${call(id)} attributeName=x dur=1s>`],
  ['svg-mathml', (id) => `<svg><set attributeName=onmouseover to=${call(id)}>`],
  ['svg-mathml', (id) => `<svg><animate attributeName=href values="javascript:${call(id)}"/></svg>`],
  ['svg-mathml', (id) => `<svg><image href=x onerror=${call(id)}>`],
  ['svg-mathml', (id) => `<svg><foreignObject><img src=x onerror=${call(id)}></foreignObject></svg>`],
  ['svg-mathml', (id) => `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${call(id)}'/></svg>#x"/></svg>`],
  ['svg-mathml', (id) => `<svg><style><img src=x onerror=${call(id)}></style></svg>`],
  ['svg-mathml', (id) => `<svg><title><img src=x onerror=${call(id)}></title></svg>`],
  ['svg-mathml', (id) => `<svg><desc><![CDATA[</desc><img src=x onerror=${call(id)}>]]></desc></svg>`],
  ['svg-mathml', (id) => `<math><mtext><img src=x onerror=${call(id)}></mtext></math>`],
  ['svg-mathml', (id) => `<math><maction actiontype=statusline xlink:href="javascript:${call(id)}">x</maction></math>`],
  ['svg-mathml', (id) => `<math href="javascript:${call(id)}">click</math>`],
  ['svg-mathml', (id) => `<math><mi xlink:href="data:x,<script>${call(id)}</script>">x</mi></math>`],
  ['svg-mathml', (id) => `<svg xmlns="http://www.w3.org/2000/svg" onload="${call(id)}"/>`],
  // javascript: URLs, obfuscated as browsers would still read them.
  ['url', (id) => `javascript:${call(id)}`],
  ['url', (id) => `JavaScript:${call(id)}`],
  ['url', (id) => `JAVASCRIPT:${call(id)}`],
  ['url', (id) => ` javascript:${call(id)}`],
  ['url', (id) => `\x00javascript:${call(id)}`],
  ['url', (id) => `\x01\x02\x1fjavascript:${call(id)}`],
  ['url', (id) => `\tjavascript:${call(id)}`],
  ['url', (id) => `java\tscript:${call(id)}`],
  ['url', (id) => `java\nscript:${call(id)}`],
  ['url', (id) => `java\rscript:${call(id)}`],
  ['url', (id) => `j\ta\nv\ra\tscript\n:${call(id)}`],
  ['url', (id) => `javascript\t:${call(id)}`],
  ['url', (id) => `\u00a0javascript:${call(id)}`],
  ['url', (id) => `\u2028javascript:${call(id)}`],
  ['url', (id) => `\ufeffjavascript:${call(id)}`],
  ['url', (id) => `&#106;avascript:${call(id)}`],
  ['url', (id) => `&#x6A;avascript:${call(id)}`],
  ['url', (id) => `&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116:${call(id)}`],
  ['url', (id) => `javascript&colon;${call(id)}`],
  ['url', (id) => `javascript&#58;${call(id)}`],
  ['url', (id) => `javascript%3A${call(id)}`],
  ['url', (id) => `%6Aavascript:${call(id)}`],
  ['url', (id) => `javascript://%0a${call(id)}`],
  ['url', (id) => `javascript://example.org/%0a${call(id)}`],
  ['url', (id) => `javascript:/*https://example.org*/${call(id)}`],
  ['url', (id) => `jav&#x09;ascript:${call(id)}`],
  ['url', (id) => `ｊavascript:${call(id)}`],
  ['url', (id) => `vbscript:msgbox("${id}")`],
  ['url', (id) => `VBScript:${call(id)}`],
  ['url', (id) => `livescript:${call(id)}`],
  ['url', (id) => `blob:https://example.org/${id}`],
  ['url', (id) => `filesystem:https://example.org/temporary/${id}`],
  ['url', (id) => `file:///etc/passwd#${id}`],
  ['url', (id) => `about:blank#${id}`],
  ['url', (id) => `intent://${id}#Intent;scheme=http;end`],
  ['url', (id) => `ms-settings:${id}`],
  ['url', (id) => `x-javascript:${call(id)}`],
  ['url', (id) => `https://example.org/a.jpg 1x, javascript:${call(id)} 2x`],
  ['url', (id) => `/ok.jpg 1x,javascript:${call(id)} 2x`],
  ['url', (id) => `https://example.org/"><script>${call(id)}</script>`],
  ['url', (id) => `https://example.org/' onerror='${call(id)}`],
  ['url', (id) => `//example.org/${id}`],
  ['url', (id) => `\\\\example.org\\${id}`],
  ['url', (id) => `/\\example.org/${id}`],
  // data: URLs (HTML, SVG, scripts, base64).
  ['data-url', (id) => `data:text/html,<script>${call(id)}</script>`],
  ['data-url', (id) => `data:text/html;base64,${btoa(`<script>${call(id)}</script>`)}`],
  ['data-url', (id) => `DATA:text/html,<script>${call(id)}</script>`],
  ['data-url', (id) => ` data:text/html,<img src=x onerror=${call(id)}>`],
  ['data-url', (id) => `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${call(id)}"/>`],
  ['data-url', (id) => `data:image/svg+xml;base64,${btoa(`<svg xmlns="http://www.w3.org/2000/svg" onload="${call(id)}"/>`)}`],
  ['data-url', (id) => `data:application/javascript,${call(id)}`],
  ['data-url', (id) => `data:,${call(id)}`],
  ['data-url', (id) => `da\tta:text/html,<script>${call(id)}</script>`],
  ['data-url', (id) => `data:image/png;base64,iVBORw0KGgo=#${id}`],
  ['data-url', (id) => `data:image/png;base64,iVBORw0KGgo= 1x, data:text/html,${id} 2x`],
  // mXSS and namespace confusion: shapes that change meaning when serialized and parsed again.
  ['mxss', (id) => `<noscript><p title="</noscript><img src=x onerror=${call(id)}>">`],
  ['mxss', (id) => `<svg></p><style><a id="</style><img src=1 onerror=${call(id)}>">`],
  ['mxss', (id) => `<math><mtext><table><mglyph><style><img src=x onerror=${call(id)}>`],
  ['mxss', (id) => `<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=${call(id)}>`],
  ['mxss', (id) => `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src=x onerror=${call(id)}>">`],
  ['mxss', (id) => `<svg><p><style><img src=x onerror=${call(id)}></style></p></svg>`],
  ['mxss', (id) => `<template><img src=x onerror=${call(id)}></template>`],
  ['mxss', (id) => `<xmp></xmp><img src=x onerror=${call(id)}></xmp>`],
  ['mxss', (id) => `<listing>&lt;img src=x onerror=${call(id)}&gt;</listing>`],
  ['mxss', (id) => `<textarea><img src=x onerror=${call(id)}></textarea>`],
  ['mxss', (id) => `<noembed><img title="</noembed><img src=x onerror=${call(id)}>">`],
  ['mxss', (id) => `<iframe><img title="</iframe><img src=x onerror=${call(id)}>">`],
  ['mxss', (id) => `<a href="&#x26;#x6A;avascript:${call(id)}">x</a>`],
  ['mxss', (id) => `<img src="x\` \`<script>${call(id)}</script>"\` \`>`],
  ['mxss', (id) => `<!--><img src=x onerror=${call(id)}>-->`],
  ['mxss', (id) => `<![CDATA[><img src=x onerror=${call(id)}>]]>`],
  ['mxss', (id) => `<?xml version="1.0"?><img src=x onerror=${call(id)}>`],
  ['mxss', (id) => `<!-- lit-part --><img src=x onerror=${call(id)}><!--/lit-part-->`],
  ['mxss', (id) => `<?lit$123$><img src=x onerror=${call(id)}>`],
  ['mxss', (id) => `lit$1234$<img src=x onerror=${call(id)}>`],
  // CSS injection: must stay text, never style anything.
  ['css', (id) => `<style>*{background:url("javascript:${call(id)}")}</style>`],
  ['css', (id) => `<style>@import "data:text/css,body{display:none}";</style>${id}`],
  ['css', (id) => `<div style="background-image:url(javascript:${call(id)})">x</div>`],
  ['css', (id) => `<div style="width:expression(${call(id)})">x</div>`],
  ['css', (id) => `<link rel=stylesheet href="data:text/css,*{color:red}">${id}`],
  ['css', (id) => `}</style><style>:host{display:none}</style>${id}`],
  ['css', (id) => `aspect-ratio: 1; background: url(https://evil.example/${id}); position: fixed`],
  ['css', (id) => `</style><img src=x onerror=${call(id)}>`],
  ['css', (id) => `\\3c img src=x onerror=${call(id)}\\3e`],
  // Template and locale-placeholder tricks: `{name}` templates, `$&` replacement patterns, Lit markers.
  ['template', (id) => `{name} {n} {language} ${id}`],
  ['template', (id) => `$& $' $\` $$ $1 ${id}`],
  ['template', (id) => `\${${call(id)}}`],
  ['template', (id) => `{{constructor.constructor('${call(id)}')()}}`],
  ['template', (id) => `__proto__ ${id}`],
  ['template', (id) => `%3Cscript%3E${call(id)}%3C/script%3E`],
  ['template', (id) => `&lt;script&gt;${call(id)}&lt;/script&gt;`],
  ['template', (id) => `&amp;lt;img src=x onerror=${call(id)}&amp;gt;`],
  ['template', (id) => `\\u003cscript\\u003e${call(id)}\\u003c/script\\u003e`],
  ['template', (id) => `Bộ TT&TT <b>${id}</b> &nbsp; &copy; &#60;`],
  // Bidi, zero-width and other Unicode that must reach the reader unchanged.
  ['unicode', (id) => `\u202Egnp.exe ${id}`],
  ['unicode', (id) => `abc\u202Edef\u202C ${id}`],
  ['unicode', (id) => `\u2066\u2067\u2068\u2069\u200E\u200F\u061C ${id}`],
  ['unicode', (id) => `java\u200Bscript:${call(id)}`],
  ['unicode', (id) => `<img\u200Bsrc=x onerror=${call(id)}>`],
  ['unicode', (id) => `\u200B\u200C\u200D\u2060\uFEFF${id}`],
  ['unicode', (id) => `\uFF1Cscript\uFF1E${call(id)}\uFF1C/script\uFF1E`],
  ['unicode', (id) => `\u003Cimg src=x onerror=${call(id)}\u003E`],
  ['unicode', (id) => `กระทรวง\u0E48\u0E49\u0E4A ${id} Bộ TT&TT ث`],
  ['unicode', (id) => `e\u0301\u0301\u0301\u0301 Z\u0351\u0352\u0353\u0354 ${id}`],
  ['unicode', (id) => `👨‍👩‍👧‍👦🏳️‍🌈 ${id}`],
  ['unicode', (id) => `\u0000\u0001\u0008\u000B\u007F ${id}`],
  ['unicode', (id) => `line1\nline2\r\nline3\ttab ${id}`],
  ['unicode', (id) => `\uD800 lone surrogate ${id}`],
  ['unicode', (id) => `\uFFFD\uFFFE\uFFFF ${id}`],
  ['unicode', (id) => `مرحبا <script>${call(id)}</script> שלום`],
  // Very long strings.
  ['long', (id) => `${'A'.repeat(100_000)}<img src=x onerror=${call(id)}>`],
  ['long', (id) => `${'<b>'.repeat(20_000)}<img src=x onerror=${call(id)}>`],
  ['long', (id) => `${'ก่'.repeat(50_000)}${id}`],
  ['long', (id) => `https://example.org/${'a'.repeat(200_000)}?${id}`],
  ['long', (id) => `${'\u202E'.repeat(5_000)}${id}`],
  ['long', (id) => `${'x '.repeat(999)}<script>${call(id)}</script>`],
  ['long', (id) => `${'<'.repeat(1_000_000)}${id}`],
];

/** The corpus: each vector carries its own id, which its payload passes to the canary. */
export const CORPUS: Vector[] = raw.map(([kind, make], index) => {
  const id = `v${String(index).padStart(3, '0')}`;
  return { id, kind, value: make(id) };
});

/** Vectors by kind, for the report. */
export function kinds(): Record<VectorKind, number> {
  const out = {} as Record<VectorKind, number>;
  for (const vector of CORPUS) out[vector.kind] = (out[vector.kind] ?? 0) + 1;
  return out;
}
