/**
 * Is an SVG safe to store and show? Diagrams are drawn with shapes, text, styles, gradients and
 * internal references (`url(#grad)`, `href="#id"`); nothing a diagram needs can run code or fetch
 * anything. So an SVG is refused when it holds, anywhere in its text:
 * - a `<script>`, `<foreignObject>`, `<iframe>`, `<embed>`, `<object>` or `<handler>` element
 *   (any case, any namespace prefix);
 * - an event handler attribute (`on…=`), or an animation whose `attributeName` is one;
 * - a `javascript:` or `vbscript:` URL (after entities are expanded and whitespace removed, as a
 *   browser reads a URL);
 * - an external reference: `href`/`xlink:href` or CSS `url(…)` to anything but `#…` or a
 *   `data:image/(png|jpeg|gif|webp)` URL; an animated `href`; CSS `@import`; an
 *   `<?xml-stylesheet?>`; an external entity (`<!ENTITY … SYSTEM/PUBLIC …>`).
 * Character references (`&#106;`, `&#x6A;`), the five XML entities and entities the document
 * declares itself are expanded before looking, so none of the above can be spelled around.
 * Pure: text in, null (fine) or the reason out — "SVG with <script> is not accepted".
 */
export function checkSvg(source: string): string | null {
  const text = expandEntities(source);
  if (text === null) return refuse('entities that expand too far');

  const element = /<\s*(?:[\w.-]+:)?(script|foreignobject|iframe|embed|object|handler)(?=[\s/>])/i.exec(text);
  if (element) return refuse(`<${ELEMENT_NAMES[(element[1] ?? '').toLowerCase()] ?? element[1]}>`);
  if (/<!ENTITY[^>]*\s(?:SYSTEM|PUBLIC)[\s"']/i.test(text)) return refuse('an external entity');
  if (/<\?xml-stylesheet/i.test(text)) return refuse('an external stylesheet (<?xml-stylesheet?>)');

  const squeezed = text.replace(/[\p{Cc}\s]+/gu, '').toLowerCase();
  const scheme = /(javascript|vbscript):/.exec(squeezed);
  if (scheme) return refuse(`a ${scheme[1]}: URL`);
  if (squeezed.includes('@import')) return refuse('a CSS @import');

  for (const tag of text.matchAll(TAG)) {
    for (const attr of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      const name = (attr[1] ?? '').toLowerCase();
      const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
      if (/^(?:[\w.-]+:)?on/.test(name) && name.length > 2) return refuse(`an event handler attribute (${attr[1]})`);
      if (name === 'attributename' && /^\s*(?:[\w.-]+:)?(?:on|href\s*$)/i.test(value)) return refuse(`an animation of ${value.trim()}`);
      if ((name === 'href' || name.endsWith(':href')) && !isInternal(value)) return refuse(`an external reference (${attr[1]}="${shorten(value)}")`);
    }
  }
  for (const url of text.matchAll(/url\s*\(\s*(?:"([^"]*)"|'([^']*)'|([^()"']*))\s*\)/gi)) {
    const value = url[1] ?? url[2] ?? url[3] ?? '';
    if (!isInternal(value)) return refuse(`an external reference (url(${shorten(value)}))`);
  }
  return null;
}

const ELEMENT_NAMES: Record<string, string> = { foreignobject: 'foreignObject' };
/** A start tag: its name, then its attributes (quoted values may hold `>`, never `<`: each try stops at the next `<`). */
const TAG = /<([^\s/>!?<]+)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/g;
const ATTRIBUTE = /([^\s=/>"']+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function refuse(what: string): string {
  return `SVG with ${what} is not accepted`;
}

/** A fragment of this document, or an embedded raster image. */
function isInternal(value: string): boolean {
  const v = value.replace(/[\p{Cc}\s]+/gu, '').toLowerCase();
  return v.startsWith('#') || /^data:image\/(?:png|jpeg|gif|webp)[;,]/.test(v);
}

function shorten(value: string): string {
  const v = value.trim();
  return v.length > 60 ? `${v.slice(0, 57)}…` : v;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Expands character references, the XML entities and the document's own internal entities
 * (a few rounds, for entities defined through others). Null when that would grow the text past
 * twice its size plus 1 MB: the "billion laughs" shape, which no diagram has.
 */
function expandEntities(source: string): string | null {
  const declared = new Map<string, string>();
  for (const m of source.matchAll(/<!ENTITY\s+([^\s%"']+)\s+(["'])([\s\S]*?)\2\s*>/gi)) declared.set(m[1] ?? '', m[3] ?? '');
  const budget = source.length * 2 + (1 << 20);
  let text = source;
  for (let round = 0; round < 4; round += 1) {
    let grew = false;
    let size = 0;
    const next = text.replace(/&(#x[0-9a-f]+|#\d+|[A-Za-z_][\w.-]*);?/gi, (whole, ref: string) => {
      let out: string | undefined;
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
        out = Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      } else {
        out = declared.get(ref) ?? XML_ENTITIES[ref];
        if (out !== undefined && declared.has(ref)) grew = true;
      }
      if (out === undefined) return whole;
      size += out.length;
      return out;
    });
    if (next.length > budget || size > budget) return null;
    text = next;
    if (!grew) break;
  }
  return text;
}
