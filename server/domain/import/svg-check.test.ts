import { describe, expect, it } from 'vitest';
import { checkSvg } from './svg-check';

const svg = (body: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="120"${attrs}>${body}</svg>`;
const PNG_URL = 'data:image/png;base64,iVBORw0KGgo=';

describe('checkSvg: diagrams pass', () => {
  it.each([
    ['lines and text with style attributes', svg('<line x1="0" y1="0" x2="100" y2="50" style="stroke:#000;stroke-width:2"/><text x="10" y="20" style="font-family:serif;font-size:12px">A</text><text x="90" y="40">B &amp; C &lt; D</text>')],
    ['a triangle with labels, a circle and a dashed path', svg('<polygon points="10,110 190,110 100,10" fill="none" stroke="black"/><circle cx="100" cy="70" r="30" fill="none" stroke-dasharray="4 2"/><path d="M10 110 Q 100 0 190 110" opacity="0.5"/><text x="5" y="118" font-style="italic">A</text>')],
    ['an Inkscape file with its doctype, metadata and namespaced attributes', `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- Created with Inkscape (http://www.inkscape.org/) -->
${svg('<metadata><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format></cc:Work></rdf:RDF></metadata><g inkscape:label="Layer 1" inkscape:groupmode="layer"><rect width="10" height="10" style="fill:#ff0000;fill-opacity:1"/></g>', ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" sodipodi:docname="triangle.svg" version="1.1"')}`],
    ['internal references: gradients, markers, <use href="#…">', svg('<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient><marker id="arrow" orient="auto"><path d="M0 0 L5 2.5 L0 5z"/></marker></defs><rect fill="url(#g)" width="5" height="5"/><line marker-end="url( \'#arrow\' )" x2="9"/><use href="#arrow"/><use xlink:href="#g"/>')],
    ['an embedded raster image (data: PNG, JPEG)', svg(`<image href="${PNG_URL}" width="5" height="5"/><image xlink:href="data:image/jpeg;base64,/9j/4AAQ" width="5" height="5"/>`)],
    ['a <style> block', svg('<style>.axis { stroke: #333; } text { font: 10px sans-serif; }</style><line class="axis" x2="10"/>')],
    ['text that mentions "one = 1" and "ontology"', svg('<text x="0" y="10">one = 1, ontology=2</text>')],
    ['document-declared entities used for namespaces (Illustrator)', `<!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg">]><svg xmlns="&ns_svg;" width="5" height="5"><rect width="5" height="5"/></svg>`],
  ])('%s', (_name, text) => {
    expect(checkSvg(text)).toBeNull();
  });
});

describe('checkSvg: hostile features are refused, naming what was found', () => {
  it.each([
    ['<script>', svg('<script>alert(document.cookie)</script>'), /<script>/],
    ['<SCRIPT> in capitals', svg('<SCRIPT>alert(1)</SCRIPT>'), /<script>/i],
    ['a namespaced <svg:script>', svg('<svg:script>alert(1)</svg:script>'), /script/],
    ['<script> with attributes and an external src', svg('<script type="text/javascript" href="https://evil.example/x.js"/>'), /<script>/],
    ['<foreignObject>', svg('<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'), /<foreignObject>/],
    ['<foreignobject> in lower case', svg('<foreignobject/>'), /<foreignObject>/],
    ['<iframe>', svg('<iframe src="https://evil.example"/>'), /<iframe>/],
    ['onload on the root', svg('<rect/>', ' onload="alert(1)"'), /event handler attribute \(onload\)/],
    ['onClick in mixed case', svg('<rect width="5" height="5" onClick="alert(1)"/>'), /event handler attribute \(onClick\)/],
    ['onmouseover unquoted', svg('<rect onmouseover=alert(1) />'), /event handler attribute/],
    ['a handler after a quoted ">"', svg('<text title="a > b" onfocusin="x()">t</text>'), /event handler attribute \(onfocusin\)/],
    ['a namespaced handler', svg('<rect ev:onclick="alert(1)"/>'), /event handler attribute/],
    ['<set> animating onclick', svg('<rect><set attributeName="onclick" to="x"/></rect>'), /animation of onclick/],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><text>x</text></a>'), /javascript: URL/],
    ['JavaScript: in mixed case with spaces', svg('<a xlink:href=" JavaScript :alert(1)"><text>x</text></a>'), /javascript: URL/],
    ['&#106;avascript: (a decimal character reference)', svg('<a href="&#106;avascript:alert(1)"><text>x</text></a>'), /javascript: URL/],
    ['&#x6A;ava&#x09;script: (hex references and a tab)', svg('<a href="&#x6A;ava&#x09;script:alert(1)"><text>x</text></a>'), /javascript: URL/],
    ['java&#10;script: (a newline reference)', svg('<a href="java&#10;script&#58;alert(1)"/>'), /javascript: URL/],
    ['a javascript: URL spelled through a declared entity', `<!DOCTYPE svg [<!ENTITY js "javascript">]>${svg('<a href="&js;:alert(1)"/>')}`],
    ['<animate> setting href to javascript:', svg('<a><animate attributeName="href" values="javascript:alert(1)"/></a>'), /javascript: URL/],
    ['<set> animating href to elsewhere', svg('<a><set attributeName="xlink:href" to="https://evil.example"/></a>'), /animation of xlink:href/],
    ['vbscript:', svg('<a href="vbscript:msgbox(1)"/>'), /vbscript: URL/],
    ['an external image', svg('<image href="https://evil.example/track.png" width="1" height="1"/>'), /external reference \(href="https:\/\/evil\.example\/track\.png"\)/],
    ['an external xlink:href to a local file', svg('<image xlink:href="file:///etc/passwd"/>'), /external reference \(xlink:href=/],
    ['a relative href to another file', svg('<use href="other.svg#shape"/>'), /external reference/],
    ['a data: URL that is not a raster image', svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), /external reference/],
    ['a data: text/html URL', svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>'), /script|external reference/],
    ['an external CSS url() in a style attribute', svg('<rect style="fill:url(https://evil.example/p.svg#g)"/>'), /external reference \(url\(https:/],
    ['an external CSS url() in a <style> block', svg('<style>rect { background: url("//evil.example/x.png") }</style>'), /external reference/],
    ['a CSS @import', svg('<style>@import "https://evil.example/x.css";</style>'), /@import/],
    ['an <?xml-stylesheet?>', `<?xml-stylesheet href="https://evil.example/x.css"?>${svg('<rect/>')}`, /xml-stylesheet/],
    ['an external entity', `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<text>&x;</text>')}`, /external entity/],
    ['entities that expand exponentially', `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>${svg('<text>&d;</text>')}`, /expand too far/],
  ])('%s', (_name, text, reason = /javascript: URL/) => {
    const found = checkSvg(text);
    expect(found).toMatch(/^SVG with .* is not accepted$/);
    expect(found).toMatch(reason);
  });

  it('stays fast on text made to make a regular expression backtrack', () => {
    const started = performance.now();
    for (const text of ['<a'.repeat(200_000), `<svg ${'"'.repeat(200_000)}`, `<a ${'x="1" '.repeat(100_000)}`, 'url('.repeat(100_000), '&#'.repeat(200_000)]) checkSvg(text);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
