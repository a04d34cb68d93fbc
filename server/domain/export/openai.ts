import { jsonLine } from './json-lines';
import type { ImageLocator } from './formats';
import type { NeutralRecord } from './records';
import { chatTurns } from './turns';

/**
 * OpenAI's chat fine-tuning format (SPEC §5):
 * `{"messages":[{"role":"user","content":[{"type":"text","text":…},{"type":"image_url","image_url":{"url":…}}]},{"role":"assistant","content":"…"}]}`.
 * User turns are always content-part arrays (text first, then the record's images in order,
 * on the first user turn only); assistant turns are plain strings. Image URLs are what
 * `locate` gives: data URLs in `--images inline` mode, the only mode this format accepts.
 * prm is the step-by-step chat of turns.ts; preference is OpenAI's DPO shape
 * `{"input":{"messages":[user]},"preferred_output":[assistant],"non_preferred_output":[assistant]}`.
 */
export function renderOpenai(record: NeutralRecord, locate: ImageLocator): string {
  if (record.type === 'preference') {
    // OpenAI's DPO shape: the prompt as input messages, one assistant message on each side.
    return jsonLine({
      input: { messages: [{ role: 'user', content: [{ type: 'text', text: record.prompt }, ...imageParts(record, locate)] }] },
      preferred_output: [{ role: 'assistant', content: record.chosen }],
      non_preferred_output: [{ role: 'assistant', content: record.rejected }],
    });
  }
  return jsonLine({
    messages: chatTurns(record).map((turn, i) =>
      turn.role === 'assistant'
        ? { role: 'assistant', content: turn.text }
        : {
            role: 'user',
            content: [
              { type: 'text', text: turn.text },
              ...(i === 0 ? imageParts(record, locate) : []),
            ],
          },
    ),
  });
}

function imageParts(record: NeutralRecord, locate: ImageLocator) {
  return record.images.map((image) => ({ type: 'image_url', image_url: { url: locate(image) } }));
}
