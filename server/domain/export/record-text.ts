/** Text pieces several kinds share. Contract: "Step N" is 1-based. */

/** Steps trimmed (never dropped: indices must keep pointing at the same steps); null if none has text. */
export function cleanSteps(steps: readonly string[]): string[] | null {
  const trimmed = steps.map((s) => s.trim());
  return trimmed.some((s) => s !== '') ? trimmed : null;
}

/** "The answer to this problem is X." — null without an answer; a trailing "." is not doubled. */
export function answerSentence(finalAnswer: string | null): string | null {
  const answer = (finalAnswer ?? '').trim().replace(/\.$/, '').trim();
  return answer === '' ? null : `The answer to this problem is ${answer}.`;
}

/** "Step 1: …" paragraphs, then the answer sentence when there is a final answer. */
export function numberedSteps(steps: readonly string[], finalAnswer: string | null): string {
  const sentence = answerSentence(finalAnswer);
  return [...steps.map((step, i) => `Step ${i + 1}: ${step}`), ...(sentence === null ? [] : [sentence])].join('\n\n');
}

/** A solution as an assistant would write it: steps as paragraphs, then the answer sentence. */
export function solutionText(steps: readonly string[], finalAnswer: string | null): string {
  const sentence = answerSentence(finalAnswer);
  return [...steps, ...(sentence === null ? [] : [sentence])].join('\n\n');
}
