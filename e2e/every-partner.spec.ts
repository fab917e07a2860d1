// Every partner of the bundled library, through every view that shows one: its page, its
// briefing sheet and a comparison (four at a time, grid and text). A fault in one partner's data
// (two facts with one id broke Greece's sheet) shows as "This view failed to display", an
// uncaught error, or a view that never says it is ready: none may happen for any partner.
import { DEFAULT_DB } from '../src/host/paths';
import { Library } from '../src/services/library';
import { expect, goto, test, type AppSession } from './harness';

test.slow();

function partnerIds(): string[] {
  const lib = Library.open(DEFAULT_DB);
  try {
    return lib.listPartners().map((p) => p.id);
  } finally {
    lib.close();
  }
}

async function expectShown(app: AppSession, route: string, ready: string): Promise<void> {
  await goto(app, route);
  const failed = app.page.getByText('This view failed to display');
  await expect(app.page.locator(`${ready}, [data-briefing-error]`).first().or(failed), route).toBeVisible();
  await expect(failed, route).toHaveCount(0);
  await expect(app.page.locator('[data-briefing-error]'), route).toHaveCount(0);
  expect(app.problems, route).toEqual([]);
}

test('every partner’s page, briefing sheet and comparison display', async ({ app }) => {
  const ids = partnerIds();
  expect(ids.length).toBeGreaterThan(50);
  for (const id of ids) {
    await expectShown(app, `#/partner/${id}`, 'main h1');
    await expectShown(app, `#/briefing?partner=${id}&print=1`, '[data-briefing-ready]');
  }
  for (let i = 0; i < ids.length; i += 4) {
    const group = ids.slice(i, i + 4);
    if (group.length < 2) group.unshift(ids[0]!);
    await expectShown(app, `#/compare?p=${group.join(',')}&mode=grid`, '[data-facet]');
    await expectShown(app, `#/compare?p=${group.join(',')}&mode=text`, '[data-facet], .text-column, main h1');
  }
});
