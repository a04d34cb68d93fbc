import { describe, expect, it } from 'vitest';
import { copiedImage, FORMATS } from './formats';
import type { ConversationRecord, StepLabelRecord } from './records';

const png = { sha256: '1'.repeat(64), mime: 'image/png' };
const conversation: ConversationRecord = { type: 'conversation', images: [png, png], prompt: 'Q <image>', response: 'A' };
const steps: StepLabelRecord = { type: 'step_labels', images: [png], prompt: 'Q', steps: ['s1', 's2'], labels: [true, false] };
const inline = () => 'data:image/png;base64,AAAA';

describe('openai', () => {
  it('puts text then image_url parts in the user turn and a string in the assistant turn', () => {
    expect(JSON.parse(FORMATS.openai.renderLine(conversation, inline))).toEqual({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Q <image>' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          ],
        },
        { role: 'assistant', content: 'A' },
      ],
    });
  });

  it('renders prm as the step-by-step chat: question + step 1, "+", step 2, "-"', () => {
    const line = JSON.parse(FORMATS.openai.renderLine(steps, inline));
    expect(line.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(line.messages[0].content[0].text).toBe('Q\n\ns1');
    expect(line.messages[0].content).toHaveLength(2);
    expect(line.messages[2].content).toEqual([{ type: 'text', text: 's2' }]);
    expect([line.messages[1].content, line.messages[3].content]).toEqual(['+', '-']);
  });
});

describe('trl', () => {
  it('writes conversational messages with one image placeholder per image, then images', () => {
    expect(JSON.parse(FORMATS.trl.renderLine(conversation, copiedImage))).toEqual({
      messages: [
        { role: 'user', content: [{ type: 'image' }, { type: 'image' }, { type: 'text', text: 'Q <image>' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'A' }] },
      ],
      images: [`images/${png.sha256}.png`, `images/${png.sha256}.png`],
    });
  });

  it('writes prm as prompt, completions, labels, images', () => {
    expect(FORMATS.trl.renderLine(steps, copiedImage)).toBe(
      `{"prompt":"Q","completions":["s1","s2"],"labels":[true,false],"images":["images/${png.sha256}.png"]}`,
    );
  });
});

describe('sharegpt prm', () => {
  it('alternates human and gpt turns with the image tokens in the first', () => {
    const line = JSON.parse(FORMATS.sharegpt.renderLine(steps, copiedImage));
    expect(line.conversations).toEqual([
      { from: 'human', value: '<image>\nQ\n\ns1' },
      { from: 'gpt', value: '+' },
      { from: 'human', value: 's2' },
      { from: 'gpt', value: '-' },
    ]);
  });
});
