import { Fragment, useLayoutEffect, useMemo, useRef } from 'react';
import { renderMath } from './render-math';
import { segmentFormulaOrText, segmentMath } from './segment-math';

/**
 * Text with LaTeX, as annotators read it. Prose is React text (never HTML); each formula is
 * MathLive's markup for neutralised LaTeX, sanitised on the DOM before it is inserted.
 * Line breaks in the text are kept (see .math-text in styles.css).
 */
interface MathTextProps {
  text: string;
  className?: string;
  /** The field usually holds a bare formula without delimiters (answers): see segmentFormulaOrText. */
  formula?: boolean;
}

export function MathText({ text, className, formula = false }: MathTextProps) {
  const segments = useMemo(() => (formula ? segmentFormulaOrText(text) : segmentMath(text)), [text, formula]);
  return (
    <span className={className ? `math-text ${className}` : 'math-text'}>
      {segments.map((segment, index) =>
        segment.kind === 'text' ? (
          <Fragment key={index}>{segment.text}</Fragment>
        ) : (
          <Formula key={index} latex={segment.latex} display={segment.display} />
        ),
      )}
    </span>
  );
}

function Formula({ latex, display }: { latex: string; display: boolean }) {
  const template = useMemo(() => renderMath(latex, display), [latex, display]);
  const host = useRef<HTMLSpanElement>(null);

  useLayoutEffect(() => {
    // React renders no children into the host; this effect owns its content.
    if (template) host.current?.replaceChildren(template.content.cloneNode(true));
  }, [template]);

  const className = display ? 'math-display' : 'math-inline';
  if (!template) {
    // MathLive could not lay it out: show the source, as text.
    const source = display ? `$$${latex}$$` : `$${latex}$`;
    return <code className={`${className} math-source`}>{source}</code>;
  }
  return <span ref={host} className={className} role="math" aria-label={latex} />;
}
