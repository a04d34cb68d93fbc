import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageLoader } from './read-images';
import { makePng, tempDir, removeTempDirs } from './test-files';

afterAll(removeTempDirs);

describe('ImageLoader', () => {
  it('reads a relative image once, keeping its bytes until stored or the batch ends', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'img'));
    const png = makePng(4, 5);
    writeFileSync(join(dir, 'img/a.png'), png);
    const loader = new ImageLoader(dir);
    const first = await loader.load('img/a.png');
    expect(first).toMatchObject({ ok: true, image: { mime: 'image/png', width: 4, height: 5, bytes: png.length } });
    expect(first.ok && first.image.sha256).toMatch(/^[0-9a-f]{64}$/);

    rmSync(join(dir, 'img/a.png'));
    // Same path, spelled differently: served from the cache, bytes included.
    expect(await loader.load('./img/../img/a.png')).toEqual(first);
    loader.dropBytes();
    // Without bytes and not stored, the file must be read again — and it is gone.
    expect(await loader.load('img/a.png')).toEqual({ ok: false, reason: 'image file img/a.png not found' });
    // Only the hash is needed when validating.
    expect(await loader.load('img/a.png', false)).toMatchObject({ ok: false });
  });

  it('needs no bytes again for images already stored', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.png'), makePng(1, 1));
    const loader = new ImageLoader(dir);
    const first = await loader.load('a.png');
    if (!first.ok) throw new Error(first.reason);
    loader.markStored([first.image.sha256]);
    loader.dropBytes();
    rmSync(join(dir, 'a.png'));
    const again = await loader.load('a.png');
    expect(again).toMatchObject({ ok: true, image: { sha256: first.image.sha256 } });
    expect(again.ok && again.image.data).toBeUndefined();
  });

  it('follows links that stay inside the folder and refuses those that leave it', async () => {
    const dir = tempDir();
    const outside = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real/a.png'), makePng(1, 1));
    writeFileSync(join(outside, 'b.png'), makePng(1, 1));
    symlinkSync(join(dir, 'real'), join(dir, 'alias'));
    symlinkSync(outside, join(dir, 'escape'));
    const loader = new ImageLoader(dir);
    expect(await loader.load('alias/a.png')).toMatchObject({ ok: true });
    expect(await loader.load('escape/b.png')).toEqual({ ok: false, reason: "image path escapes the file's folder (escape/b.png is a link to somewhere outside it)" });
    expect(await loader.load('real')).toEqual({ ok: false, reason: 'image path real is not a file' });
  });

  it('describes data: URLs without caching them', async () => {
    const loader = new ImageLoader(tempDir());
    const svg = 'data:image/svg+xml,%3Csvg%20width%3D%2210%22%20height%3D%2220%22%2F%3E';
    expect(await loader.load(svg)).toMatchObject({ ok: true, image: { mime: 'image/svg+xml', width: 10, height: 20 } });
    expect(await loader.load('data:text/plain,hello')).toEqual({ ok: false, reason: 'not a PNG, JPEG, GIF, WebP or SVG image' });
  });
});
