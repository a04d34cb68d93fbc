/**
 * Scripts that run inside the page. They are plain JavaScript strings, not functions: tsx
 * compiles this repository with esbuild's keepNames, whose `__name` helper does not exist in
 * the page, so a serialised TypeScript function would throw there. Times are the page's
 * performance.now() milliseconds.
 */

/** Installed before the app loads: records when every step shows rendered math. */
export const renderProbe = (stepCount: number) => `(() => {
  const check = () => {
    const items = document.querySelectorAll('li[data-step-index]');
    const done = items.length === ${stepCount} && [...items].every((li) => li.querySelector('[role="math"]'));
    if (done) window.__stepsShownAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

/** Data arrival: when the solution's JSON finished downloading. */
export const dataArrivedAt = `(() => {
  const entry = performance.getEntriesByType('resource').find((e) => /\\/api\\/solutions\\/\\d+$/.test(e.name));
  return entry ? entry.responseEnd : null;
})()`;

/**
 * Key latency: from the keydown's timestamp to the first animation frame after the DOM changed
 * in response (the frame that shows it). One sample per key press, in window.__keyLatencies.
 */
export const keyProbe = `(() => {
  window.__keyLatencies = [];
  let pressedAt = null;
  window.addEventListener('keydown', (event) => { pressedAt = event.timeStamp; }, { capture: true });
  new MutationObserver(() => {
    if (pressedAt === null) return;
    const start = pressedAt;
    pressedAt = null;
    requestAnimationFrame(() => window.__keyLatencies.push(performance.now() - start));
  }).observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
})()`;

/** The baseline page: the same steps as plain text, and j moving a highlight. */
export function baselinePage(steps: string[]): string {
  const items = steps.map((s, i) => `<li data-step-index="${i}">${s.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</li>`).join('');
  return `<!doctype html><style>.on{background:#fde68a}</style><ol id="steps"></ol>
<script>
  const html = ${JSON.stringify(items)};
  let focus = 0;
  window.__render = () => { const t = performance.now(); document.getElementById('steps').innerHTML = html;
    return new Promise((r) => requestAnimationFrame(() => r(performance.now() - t))); };
  window.addEventListener('keydown', (e) => { if (e.key !== 'j') return; const items = document.querySelectorAll('li');
    items[focus]?.classList.remove('on'); focus = (focus + 1) % items.length; items[focus]?.classList.add('on'); });
</script>`;
}
