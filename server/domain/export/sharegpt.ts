import { imagePath } from './image-files';
import { jsonLine } from './json-lines';
import type { ImageRef, NeutralRecord } from './records';
import { chatTurns } from './turns';

/**
 * LLaMA-Factory's sharegpt format (SPEC §5):
 * `{"conversations":[{"from":"human","value":"<image>…"},{"from":"gpt","value":"…"}],"images":[…]}`.
 * LLaMA-Factory requires the number of `<image>` tokens in a record's turns to equal the length
 * of its `images` list. Redline puts exactly one token per image, one per line, at the start
 * of the human turn, and neutralises literal media tokens in any text by writing `<image>` as
 * `<image >` (likewise `<video>`, `<audio>`): it reads the same, but no longer counts as a
 * token. `images` is always present (possibly empty) so every line has the same columns;
 * paths are relative to the export folder, LLaMA-Factory's default `media_dir`. prm records
 * are the multi-turn chat of turns.ts (assistant turns "+" / "-").
 */

export const IMAGE_TOKEN = '<image>';
const MEDIA_TOKEN = /<(image|video|audio)>/g;

export function neutraliseMediaTokens(text: string): string {
  return text.replace(MEDIA_TOKEN, '<$1 >');
}

/** One line of train.jsonl / val.jsonl, without the newline. */
export function renderSharegpt(record: NeutralRecord, locate: (image: ImageRef) => string = imagePath): string {
  const tokens = record.images.map(() => `${IMAGE_TOKEN}\n`).join('');
  if (record.type === 'preference') {
    // LLaMA-Factory's ranking shape: the prompt turns, then one chosen and one rejected turn.
    return jsonLine({
      conversations: [{ from: 'human', value: `${tokens}${neutraliseMediaTokens(record.prompt)}` }],
      chosen: { from: 'gpt', value: neutraliseMediaTokens(record.chosen) },
      rejected: { from: 'gpt', value: neutraliseMediaTokens(record.rejected) },
      images: record.images.map(locate),
    });
  }
  return jsonLine({
    conversations: chatTurns(record).map((turn, i) => ({
      from: turn.role === 'user' ? 'human' : 'gpt',
      value: `${i === 0 ? tokens : ''}${neutraliseMediaTokens(turn.text)}`,
    })),
    images: record.images.map(locate),
  });
}

export interface DatasetFile {
  /** The name a trainer config refers to (`dataset: train`). */
  name: string;
  /** Relative to the export folder. */
  fileName: string;
}

/**
 * `dataset_info.json` registering each file, so `dataset_dir` can point at the export folder;
 * `ranking` (preference) adds `ranking: true` and the chosen / rejected columns.
 */
export function datasetInfo(files: readonly DatasetFile[], ranking = false): string {
  const info: Record<string, unknown> = {};
  for (const file of files) {
    info[file.name] = {
      file_name: file.fileName,
      formatting: 'sharegpt',
      ...(ranking ? { ranking: true } : {}),
      columns: ranking
        ? { messages: 'conversations', chosen: 'chosen', rejected: 'rejected', images: 'images' }
        : { messages: 'conversations', images: 'images' },
      tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt' },
    };
  }
  return `${JSON.stringify(info, null, 2)}\n`;
}
