import { describe, expect, it } from 'vitest';
import { buildChatRequest, replyText } from './request-builder';

describe('buildChatRequest', () => {
  it('sends each image as a data-URL image part, in order, then the prompt text, at temperature 0', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff]);
    const body = buildChatRequest({ model: 'mathse-orm', prompt: 'Judge this.', images: [{ mime: 'image/png', data: png }, { mime: 'image/jpeg', data: jpeg }] });
    expect(body).toEqual({
      model: 'mathse-orm',
      temperature: 0,
      messages: [{
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw==' } },
          { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/' } },
          { type: 'text', text: 'Judge this.' },
        ],
      }],
    });
  });

  it('sends text only when the problem has no images, and passes temperature and max_tokens through', () => {
    const body = buildChatRequest({ model: 'm', prompt: 'p', images: [], temperature: 0.7, maxTokens: 512 });
    expect(body.messages[0]!.content).toEqual([{ type: 'text', text: 'p' }]);
    expect(body.temperature).toBe(0.7);
    expect(body.max_tokens).toBe(512);
  });
});

describe('replyText', () => {
  it.each([
    ['string content', { choices: [{ message: { role: 'assistant', content: '{"status":"CORRECT"}' } }] }, { ok: true, text: '{"status":"CORRECT"}' }],
    ['content parts', { choices: [{ message: { content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] } }] }, { ok: true, text: 'ab' }],
    ['no choices', { choices: [] }, { ok: false, reason: 'the response has no choices' }],
    ['null content', { choices: [{ message: { content: null } }] }, { ok: false, reason: 'the response has no message content' }],
    ['not an object', null, { ok: false, reason: 'the response has no choices' }],
  ])('reads %s', (_name, body, expected) => {
    expect(replyText(body)).toEqual(expected);
  });
});
