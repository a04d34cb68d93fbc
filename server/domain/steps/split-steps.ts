/**
 * Splits a solution written as one block of text into steps (SPEC §3.3).
 *
 * Order of preference: explicit step markers ("Step k:", "**Step k**", "## Step k", "第k步");
 * else numbered lines ("1.", "1)", "(1)", "①"); else blank-line paragraphs. Returned steps are in
 * reading order, so array index i (0-based) is the step a person calls "Step i+1".
 * Display math ($$…$$, \[…\], \begin{…}…\end{…}) is never cut: markers and blank lines inside
 * it are ignored, so a formula always stays with the step that introduces it.
 */

interface Span {
  start: number;
  end: number;
}

interface Marker extends Span {
  /** Text that must stay at the start of the step (a bold opener whose closer comes later). */
  keep: string;
}

// Explicit marker at a line start. Groups: 1 heading, 2 bold opener, 3 "Step k" or "步骤k",
// 4 Chinese "第k步", 5 punctuation, 6 bold closer. "第k步" is always a marker; group 3 needs
// punctuation, a heading, bold or nothing else on its line, otherwise a line like "Step 2 gives
// x = 3" is prose, not a marker.
const EXPLICIT =
  /[ \t]*(#{1,6}[ \t]*)?(\*\*|__)?[ \t]*(?:((?:step|步骤)[ \t]*(?:\d+|[一二三四五六七八九十]+))|(第[ \t]*(?:\d+|[一二三四五六七八九十]+)[ \t]*步(?:骤)?))[ \t]*([:：，、]|[.．](?!\d)|[ \t]*[-–—](?=[ \t]))?[ \t]*(\*\*|__)?[ \t]*[:：.]?[ \t]*/iy;

// Numbered line at a line start. Groups: 1 "1." or "1、" digits, 2 "1)" digits, 3 "(1)" digits, 4 circled.
// Chinese "1、" needs no space after it (Chinese text has none).
const NUMBERED = /[ \t]*(?:(\d{1,3})(?:[.．](?=\s)|、)|(\d{1,3})[)）](?=\s)|[(（](\d{1,3})[)）]|([\u2460-\u2473]))[ \t]*/y;

const BLANK_LINES = /\n(?:[ \t]*\n)+/g;

/** Returns the solution's steps, trimmed and non-empty; empty input gives []. */
export function splitSteps(raw: string): string[] {
  const text = raw.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return [];
  const math = displayMathSpans(text);
  const lineStarts = lineStartsOutside(text, math);

  const explicit = explicitMarkers(text, lineStarts);
  if (explicit.length > 0) return cutAtMarkers(text, explicit);
  const numbered = numberedMarkers(text, lineStarts);
  if (numbered.length >= 2) return cutAtMarkers(text, numbered);
  return paragraphs(text, math);
}

function cutAtMarkers(text: string, markers: Marker[]): string[] {
  const first = markers[0];
  const pieces = first ? [text.slice(0, first.start)] : [];
  markers.forEach((marker, i) => {
    pieces.push(marker.keep + text.slice(marker.end, markers[i + 1]?.start ?? text.length));
  });
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '' && piece !== '**' && piece !== '__');
}

function explicitMarkers(text: string, lineStarts: number[]): Marker[] {
  const markers: Marker[] = [];
  for (const start of lineStarts) {
    EXPLICIT.lastIndex = start;
    const m = EXPLICIT.exec(text);
    if (!m) continue;
    const [, heading, boldOpen, english, , punctuation, boldClose] = m;
    const aloneOnLine = /^[ \t]*(?:\n|$)/.test(text.slice(start + m[0].length, start + m[0].length + 80));
    if (english !== undefined && !heading && !punctuation && !boldOpen && !aloneOnLine) continue;
    // "**Step 1: Find the vertex**" keeps its title bold: the closer belongs to the title.
    const keep = boldOpen && !boldClose ? boldOpen : '';
    markers.push({ start, end: start + m[0].length, keep });
  }
  return markers;
}

/**
 * Numbered lines count only as a run 1, 2, 3… in one style, so "3 apples" or a lone "2." is prose.
 * Numbers out of sequence (a nested "1." inside item 2) stay inside the current step.
 */
function numberedMarkers(text: string, lineStarts: number[]): Marker[] {
  // A run is one style at one indentation, so an indented sub-list is a separate run.
  const runs = new Map<string, Marker[]>();
  for (const start of lineStarts) {
    NUMBERED.lastIndex = start;
    const m = NUMBERED.exec(text);
    if (!m) continue;
    const style = [1, 2, 3, 4].find((g) => m[g] !== undefined) ?? 0;
    const value = style === 4 ? (m[4] ?? '').charCodeAt(0) - 0x2460 + 1 : Number(m[style]);
    const key = `${style}:${m[0].length - m[0].trimStart().length}`;
    const run = runs.get(key) ?? [];
    if (value === run.length + 1) run.push({ start, end: start + m[0].length, keep: '' });
    runs.set(key, run);
  }
  // Among styles with a real run, the one that starts first structures the text.
  const candidates = [...runs.values()].filter((run) => run.length >= 2);
  candidates.sort((a, b) => (a[0]?.start ?? 0) - (b[0]?.start ?? 0));
  return candidates[0] ?? [];
}

/** Blank-line paragraphs; a paragraph that is only display math joins the paragraph before it. */
function paragraphs(text: string, math: Span[]): string[] {
  const pieces: Array<{ text: string; onlyMath: boolean }> = [];
  let from = 0;
  const push = (start: number, end: number): void => {
    const piece = text.slice(start, end).trim();
    if (piece === '') return;
    const outsideMath = math.reduceRight(
      (rest, span) => (span.start >= start && span.end <= end ? rest.slice(0, span.start - start) + rest.slice(span.end - start) : rest),
      text.slice(start, end),
    );
    pieces.push({ text: piece, onlyMath: /^[\s.,;:]*$/.test(outsideMath) });
  };
  for (const gap of text.matchAll(BLANK_LINES)) {
    if (inside(gap.index, math)) continue;
    push(from, gap.index);
    from = gap.index + gap[0].length;
  }
  push(from, text.length);

  const steps: string[] = [];
  for (const piece of pieces) {
    if (piece.onlyMath && steps.length > 0) steps[steps.length - 1] += `\n\n${piece.text}`;
    else steps.push(piece.text);
  }
  return steps;
}

/** Offsets where a line begins, skipping lines that begin inside display math. */
function lineStartsOutside(text: string, math: Span[]): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts.filter((start) => start < text.length && !inside(start, math));
}

function inside(offset: number, spans: Span[]): boolean {
  return spans.some((span) => offset > span.start && offset < span.end);
}

/**
 * Finds closed display-math blocks. A backslash escapes the next character, so "\$" and the
 * LaTeX line break "\\[2pt]" open nothing. An unclosed opener protects nothing.
 */
function displayMathSpans(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    let close = -1;
    if (text.startsWith('$$', i)) {
      close = findUnescaped(text, '$$', i + 2);
    } else if (text.startsWith('\\[', i)) {
      close = findUnescaped(text, '\\]', i + 2);
    } else if (text.startsWith('\\begin{', i)) {
      const name = /^\\begin\{([^}]+)\}/.exec(text.slice(i))?.[1];
      close = name === undefined ? -1 : findUnescaped(text, `\\end{${name}}`, i + 1);
    } else if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (close < 0) {
      i += 1;
      continue;
    }
    spans.push({ start: i, end: close });
    i = close;
  }
  return spans;
}

/** Offset just past the first unescaped `token` at or after `from`, or -1. */
function findUnescaped(text: string, token: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (text.startsWith(token, i)) return i + token.length;
    if (text[i] === '\\') i += 1;
  }
  return -1;
}
