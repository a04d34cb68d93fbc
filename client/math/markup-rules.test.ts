import { describe, expect, it } from 'vitest';
import { isAllowedElement, sanitiseAttribute, sanitiseClassList, sanitiseStyle } from './markup-rules';

describe('markup rules', () => {
  it('allows the elements MathLive emits and nothing that links, loads or runs', () => {
    for (const tag of ['span', 'svg', 'path', 'line', 'SVG']) expect(isAllowedElement(tag)).toBe(true);
    for (const tag of ['a', 'img', 'script', 'iframe', 'object', 'embed', 'style', 'link', 'use', 'image', 'foreignObject', 'animate', 'set', 'math']) {
      expect(isAllowedElement(tag), tag).toBe(false);
    }
  });

  it('drops event handlers, links, ids and data attributes', () => {
    for (const name of ['onclick', 'onload', 'ONERROR', 'href', 'xlink:href', 'src', 'srcset', 'id', 'data-href', 'data-foo', 'formaction', 'action']) {
      expect(sanitiseAttribute(name, 'x'), name).toBeNull();
    }
  });

  it('keeps layout attributes unless they smuggle a script URL', () => {
    expect(sanitiseAttribute('viewBox', '0 0 1 1')).toBe('0 0 1 1');
    expect(sanitiseAttribute('d', 'M0 0h1')).toBe('M0 0h1');
    expect(sanitiseAttribute('fill', ' java\tscript:alert(1)')).toBeNull();
  });

  it('keeps MathLive classes only', () => {
    expect(sanitiseClassList('ML__mathit lcGreek col-align-c slice-1-of-3')).toBe('ML__mathit lcGreek col-align-c slice-1-of-3');
    expect(sanitiseClassList('app-header ML__cmr')).toBe('ML__cmr');
    expect(sanitiseClassList('evil')).toBeNull();
    expect(sanitiseAttribute('class', 'evil ML__base')).toBe('ML__base');
  });

  it('keeps layout styles and drops anything that fetches or escapes', () => {
    expect(sanitiseStyle('height:1.15em;vertical-align:-0.68em')).toBe('height:1.15em;vertical-align:-0.68em');
    expect(sanitiseStyle('width:calc(100% - 2 * 0.3em );position:absolute')).toBe('width:calc(100% - 2 * 0.3em );position:absolute');
    expect(sanitiseStyle('background:url(https://e/x)')).toBeNull();
    expect(sanitiseStyle('background: URL (x)')).toBeNull();
    expect(sanitiseStyle('background:\\75 rl(x)')).toBeNull();
    expect(sanitiseStyle('background-image:linear-gradient(red,blue)')).toBeNull();
    expect(sanitiseStyle('color:red;position:fixed;top:0')).toBe('color:red;top:0');
    expect(sanitiseStyle('behavior:x;-moz-binding:y;content:"z"')).toBeNull();
    expect(sanitiseStyle('font-size: 70%')).toBe('font-size:70%');
  });
});
