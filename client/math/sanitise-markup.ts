import { isAllowedElement, sanitiseAttribute } from './markup-rules';

/**
 * Parses MathLive's markup in an inert <template> (nothing in it loads or runs) and removes
 * whatever the allowlists in markup-rules.ts do not name: elements such as <a>, <img>,
 * <script>, <iframe>, event handlers, links, ids, data attributes, unknown classes and unsafe
 * CSS. Works on the DOM, never with regular expressions over HTML.
 */
export function sanitisedMathTemplate(markup: string): HTMLTemplateElement {
  const template = document.createElement('template');
  template.innerHTML = markup;
  sanitiseChildren(template.content);
  return template;
}

function sanitiseChildren(parent: ParentNode): void {
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) continue;
    if (node.nodeType !== Node.ELEMENT_NODE) {
      node.remove(); // comments, processing instructions, CDATA
      continue;
    }
    const element = node as Element;
    if (!isAllowedElement(element.localName)) {
      element.remove();
      continue;
    }
    for (const attribute of Array.from(element.attributes)) {
      const kept = sanitiseAttribute(attribute.name, attribute.value);
      if (kept === null) element.removeAttributeNode(attribute);
      else if (kept !== attribute.value) element.setAttribute(attribute.name, kept);
    }
    sanitiseChildren(element);
  }
}
