import type { Locator, Page } from '@playwright/test';

/** Enough Tab presses to reach anything on our longest page (the sign-up form), with room to spare. */
const MOST_TABS = 80;

/** Whether the element has focus now (a single check, for the Tab loop below). */
const isFocused = (target: Locator) =>
  target.evaluate((element: { matches(selector: string): boolean }) => element.matches(':focus'));

/** Presses Tab, as a keyboard user would, until the target has focus; fails if it never does. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < MOST_TABS; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}: it is not in the page's tab order`);
}

/** Tabs to a text field and types into it, replacing what was there. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Tabs to a button or link and presses Enter. */
export async function pressEnterOn(page: Page, control: Locator): Promise<void> {
  await tabTo(page, control);
  await page.keyboard.press('Enter');
}

/** Tabs to a closed drop-down and moves through it with the arrow keys until it holds the value. */
export async function chooseWithArrows(page: Page, select: Locator, value: string): Promise<void> {
  await tabTo(page, select);
  const options = await Promise.all(
    (await select.getByRole('option').all()).map(async (option) => (await option.getAttribute('value')) ?? ''),
  );
  const from = options.indexOf(await select.inputValue());
  const to = options.indexOf(value);
  if (to < 0) throw new Error(`${select.toString()} has no option ${value}`);
  const key = to > from ? 'ArrowDown' : 'ArrowUp';
  for (let moves = Math.abs(to - from); moves > 0; moves -= 1) await page.keyboard.press(key);
}

/** Tabs to a checkbox and ticks it with the space bar. */
export async function tickWithSpace(page: Page, checkbox: Locator): Promise<void> {
  await tabTo(page, checkbox);
  await page.keyboard.press('Space');
}
