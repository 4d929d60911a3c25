/** Page helpers for the Kanban board: locating columns and cards, and dragging with the pointer like a person. */
import type { Locator, Page } from 'playwright-core';

export function column(page: Page, id: 'planned' | 'in_progress' | 'completed' | 'reverted'): Locator {
  return page.locator(`section[data-column="${id}"]`);
}

/** A card as rendered in its column (not the drag overlay). */
export function cardIn(page: Page, cardId: string): Locator {
  return page.locator(`section[data-column] [data-card-id="${cardId}"]`);
}

/** Card ids of a column, top to bottom. */
export async function columnCardIds(page: Page, id: 'planned' | 'in_progress' | 'completed' | 'reverted'): Promise<string[]> {
  return column(page, id)
    .locator('[data-card-id]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-card-id') ?? ''));
}

/**
 * Drags `source` with the mouse and drops it on `target`: at its vertical `position` (0 = top edge, 1 = bottom
 * edge). Moves in small steps so dnd-kit's pointer sensor activates and sees every container it crosses.
 */
export async function dragTo(page: Page, source: Locator, target: Locator, position = 0.5): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  if (!from) throw new Error('drag source is not visible');
  const startX = from.x + Math.min(60, from.width / 2);
  const startY = from.y + 14;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 8, startY + 8, { steps: 4 });
  const to = await target.boundingBox();
  if (!to) throw new Error('drop target is not visible');
  const endX = to.x + to.width / 2;
  const endY = to.y + Math.max(4, Math.min(to.height - 4, to.height * position));
  await page.mouse.move(endX, endY, { steps: 20 });
  // dnd-kit re-measures the droppables on the next frames after a move; let it see the pointer where it is.
  await nextFrames(page);
  await page.mouse.move(endX, endY + 1, { steps: 2 });
  await nextFrames(page);
  await page.mouse.up();
}

/** Resolves after the page has rendered `count` more frames (layout effects and measurements of a move ran). */
export async function nextFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(n);
      }),
    count,
  );
}

/**
 * Resolves once every finite CSS animation and transition running now has finished (entrances, drop animations), for
 * screenshots. Endless ones (a pulsing "Live" dot) are left out: they never finish.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/** Waits until dnd-kit's screen-reader live region has said `text`. */
export async function announced(page: Page, text: string, timeout = 5000): Promise<void> {
  await page.waitForFunction(
    (expected) => [...document.querySelectorAll('[id^=DndLiveRegion]')].some((e) => (e.textContent ?? '').includes(expected)),
    text,
    { timeout },
  );
}
