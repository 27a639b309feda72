// Layout checks for the browser tests: is every field of a form really where it is drawn?
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/**
 * For every visible field of the form: scrolls it into view and checks that the element at
 * the centre of its (visible) box is the field itself (or its label, or something inside either), so
 * nothing is drawn over it and a click lands on it. Returns how many fields were checked.
 */
export async function assertFieldsClickable(page: Page, formSelector: string, where: string): Promise<number> {
  const fields = page.locator(`${formSelector} :is(input:not([type=hidden]), select, textarea, button, [contenteditable=true])`);
  const count = await fields.count();
  let checked = 0;
  for (let i = 0; i < count; i += 1) {
    const field = fields.nth(i);
    if (!(await field.isVisible())) continue;
    await field.scrollIntoViewIfNeeded();
    const verdict = await field.evaluate((element) => {
      const box = element.getBoundingClientRect();
      // the centre of the part inside the window (a long editor is taller than the window)
      const top = Math.max(box.top, 0);
      const bottom = Math.min(box.bottom, window.innerHeight);
      const hit = document.elementFromPoint(box.left + box.width / 2, (top + bottom) / 2);
      const labels = 'labels' in element && element.labels ? Array.from(element.labels as NodeListOf<HTMLLabelElement>) : [];
      const ok = hit !== null && (element === hit || element.contains(hit) || labels.some((label) => label.contains(hit)));
      // (no named helper functions in here: the bundler would wrap them in a helper the page lacks)
      const name = element.getAttribute('name') ?? element.id ?? element.className;
      const hitName = hit
        ? `${hit.tagName.toLowerCase()}${hit.id ? `#${hit.id}` : ''}.${String(hit.className).split(' ').join('.')}`
        : 'nothing';
      return { ok, name: `${element.tagName.toLowerCase()}[${name}]`, hit: hitName };
    });
    assert.ok(verdict.ok, `${where}: ${verdict.name} is covered by ${verdict.hit}`);
    checked += 1;
  }
  return checked;
}
