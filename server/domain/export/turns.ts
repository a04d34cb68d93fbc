import type { ConversationRecord, StepLabelRecord } from './records';

/**
 * A neutral record as chat turns, for the conversational formats (sharegpt, openai, trl's
 * `messages`). Turns alternate user, assistant, user, …, starting with the user and ending with
 * the assistant; images belong to the first user turn.
 *  - conversation (sft, reflection, orm): one user turn, one assistant turn.
 *  - step_labels (prm): the step-by-step chat of RLHFlow's PRM data: the first user turn is the
 *    question, a blank line, then step 1; each later user turn is the next step alone; each
 *    assistant turn is the label of the step before it, "+" (true) or "-" (false).
 * Preference records are not chats of this kind: each format renders them itself.
 */
export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

export const PRM_LABEL_TEXT = { true: '+', false: '-' } as const;

export function chatTurns(record: ConversationRecord | StepLabelRecord): Turn[] {
  if (record.type === 'conversation') {
    return [
      { role: 'user', text: record.prompt },
      { role: 'assistant', text: record.response },
    ];
  }
  return record.steps.flatMap((step, i): Turn[] => [
    { role: 'user', text: i === 0 ? `${record.prompt}\n\n${step}` : step },
    { role: 'assistant', text: record.labels[i] ? PRM_LABEL_TEXT.true : PRM_LABEL_TEXT.false },
  ]);
}
