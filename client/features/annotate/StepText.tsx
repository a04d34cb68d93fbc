import { Fragment, useMemo } from 'react';
import { MathText } from '../../math/MathText';
import { segmentMath } from '../../math/segment-math';

/**
 * A step's text. With `mathReady` it is MathText (formulas typeset by MathLive); before that,
 * the same text with each formula as its LaTeX source, muted: typesetting 60 steps of heavy
 * LaTeX costs hundreds of milliseconds, so steps beyond the first screen are typeset just after
 * the first paint (see StepList). Both are plain React text: nothing here is markup.
 */
export function StepText({ text, mathReady }: { text: string; mathReady: boolean }) {
  if (mathReady) return <MathText text={text} />;
  return <PendingMath text={text} />;
}

function PendingMath({ text }: { text: string }) {
  const segments = useMemo(() => segmentMath(text), [text]);
  return (
    <span className="math-text">
      {segments.map((segment, index) =>
        segment.kind === 'text' ? (
          <Fragment key={index}>{segment.text}</Fragment>
        ) : (
          <span key={index} className={segment.display ? 'math-pending math-display' : 'math-pending'}>
            {segment.latex}
          </span>
        ),
      )}
    </span>
  );
}
