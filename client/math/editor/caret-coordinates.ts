/**
 * Where a character offset of a textarea is drawn, in pixels relative to the textarea's
 * border box (top of the caret's line, and the line's height). A textarea does not expose
 * this, so a hidden mirror `<div>` with the same text styles lays the text out once.
 */
const COPIED = [
  'boxSizing', 'width', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'fontStyle', 'fontVariant', 'fontWeight',
  'fontStretch', 'fontSize', 'lineHeight', 'fontFamily', 'textAlign', 'textTransform', 'textIndent',
  'letterSpacing', 'wordSpacing', 'tabSize', 'whiteSpace', 'wordBreak', 'overflowWrap',
] as const;

export interface CaretCoordinates {
  top: number;
  left: number;
  height: number;
}

export function caretCoordinates(textarea: HTMLTextAreaElement, offset: number): CaretCoordinates {
  const style = getComputedStyle(textarea);
  const mirror = document.createElement('div');
  for (const property of COPIED) mirror.style[property] = style[property];
  Object.assign(mirror.style, {
    position: 'absolute',
    visibility: 'hidden',
    top: '0',
    left: '-9999px',
    overflow: 'hidden',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'break-word',
  });
  mirror.textContent = textarea.value.slice(0, offset);
  const marker = document.createElement('span');
  // Something with width so the marker wraps like the next character would.
  marker.textContent = textarea.value.slice(offset, offset + 1) || '.';
  mirror.append(marker);
  document.body.append(mirror);
  const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.3;
  const coordinates = {
    top: marker.offsetTop - textarea.scrollTop,
    left: marker.offsetLeft - textarea.scrollLeft,
    height: lineHeight,
  };
  mirror.remove();
  return coordinates;
}
