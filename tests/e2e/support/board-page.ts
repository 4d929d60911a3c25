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
  await page.waitForTimeout(120);
  await page.mouse.move(endX, endY + 1, { steps: 2 });
  await page.waitForTimeout(80);
  await page.mouse.up();
}
