import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from './records';
import { datasetInfo, neutraliseMediaTokens, renderSharegpt } from './sharegpt';

const png = { sha256: '1'.repeat(64), mime: 'image/png' };
const jpeg = { sha256: '2'.repeat(64), mime: 'image/jpeg' };

function record(more: Partial<ConversationRecord>): ConversationRecord {
  return { type: 'conversation', images: [], prompt: 'What is $1+1$?', response: '2', ...more };
}

const countTokens = (text: string) => text.split('<image>').length - 1;

describe('renderSharegpt', () => {
  it('renders a text-only record with an empty image list', () => {
    expect(renderSharegpt(record({}))).toBe(
      '{"conversations":[{"from":"human","value":"What is $1+1$?"},{"from":"gpt","value":"2"}],"images":[]}',
    );
  });

  it('puts one <image> token per image, one per line, before the text', () => {
    const line = JSON.parse(renderSharegpt(record({ images: [png, jpeg] })));
    expect(line.conversations[0].value).toBe('<image>\n<image>\nWhat is $1+1$?');
    expect(line.images).toEqual([`images/${png.sha256}.png`, `images/${jpeg.sha256}.jpg`]);
  });

  it.each([
    ['in the question', record({ images: [png], prompt: 'The tag <image> and <video> and <audio>.' })],
    ['in the answer', record({ images: [png], response: 'See <image><image>' })],
    ['with no images at all', record({ prompt: '<image>' })],
  ])('keeps token count equal to image count with literal tokens %s', (_name, given) => {
    const line = JSON.parse(renderSharegpt(given));
    const tokens = line.conversations.reduce((n: number, turn: { value: string }) => n + countTokens(turn.value), 0);
    expect(tokens).toBe(line.images.length);
    expect(JSON.stringify(line)).not.toMatch(/<(video|audio)>/);
  });

  it('neutralises tokens visibly and leaves look-alikes alone', () => {
    expect(neutraliseMediaTokens('<image> <IMAGE> <image > <images>')).toBe('<image > <IMAGE> <image > <images>');
  });

  it('keeps each record on one line, line separators included', () => {
    const line = renderSharegpt(record({ prompt: 'a\nb\u2028c\u2029d', response: 'e\r\nf' }));
    expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(JSON.parse(line).conversations[0].value).toBe('a\nb\u2028c\u2029d');
  });
});

describe('datasetInfo', () => {
  it('registers each file for LLaMA-Factory', () => {
    const info = JSON.parse(datasetInfo([{ name: 'train', fileName: 'train.jsonl' }, { name: 'val', fileName: 'val.jsonl' }]));
    expect(info).toEqual({
      train: {
        file_name: 'train.jsonl',
        formatting: 'sharegpt',
        columns: { messages: 'conversations', images: 'images' },
        tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt' },
      },
      val: {
        file_name: 'val.jsonl',
        formatting: 'sharegpt',
        columns: { messages: 'conversations', images: 'images' },
        tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt' },
      },
    });
  });
});
