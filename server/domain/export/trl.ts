import { jsonLine } from './json-lines';
import type { ImageLocator } from './formats';
import type { NeutralRecord } from './records';
import { chatTurns } from './turns';

/**
 * TRL's dataset shapes (SPEC §5), as `datasets.load_dataset("json", …)` reads them:
 *  - conversation (sft, reflection, orm): TRL's conversational vision shape
 *    `{"messages":[{"role":"user","content":[{"type":"image"},…,{"type":"text","text":…}]},
 *    {"role":"assistant","content":[{"type":"text","text":…}]}],"images":["images/<sha>.png",…]}`
 *    — one `{"type":"image"}` placeholder per entry of `images`, in the first user turn, before
 *    the text. Every turn's content is a part list on every line (Arrow needs one type per
 *    column), and `images` is always present, possibly empty.
 *  - step_labels (prm): TRL's stepwise-supervision shape
 *    `{"prompt":…,"completions":[step, …],"labels":[bool, …],"images":[…]}` (PRMTrainer).
 *  - preference: TRL's conversational preference shape (DPOTrainer)
 *    `{"prompt":[user turn as above],"chosen":[assistant turn],"rejected":[assistant turn],"images":[…]}`.
 * Image paths are relative to the export folder (`--images copy`, the only mode here).
 */
export function renderTrl(record: NeutralRecord, locate: ImageLocator): string {
  const images = record.images.map(locate);
  if (record.type === 'preference') {
    return jsonLine({
      prompt: [{ role: 'user', content: [...record.images.map(() => ({ type: 'image' })), { type: 'text', text: record.prompt }] }],
      chosen: [{ role: 'assistant', content: [{ type: 'text', text: record.chosen }] }],
      rejected: [{ role: 'assistant', content: [{ type: 'text', text: record.rejected }] }],
      images,
    });
  }
  if (record.type === 'step_labels') {
    return jsonLine({ prompt: record.prompt, completions: record.steps, labels: record.labels, images });
  }
  return jsonLine({
    messages: chatTurns(record).map((turn, i) => ({
      role: turn.role,
      content: [
        ...(i === 0 ? record.images.map(() => ({ type: 'image' })) : []),
        { type: 'text', text: turn.text },
      ],
    })),
    images,
  });
}
