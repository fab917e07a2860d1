import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { parseServeArgs, startBrowserEdition, QUIET_CHROMIUM_FLAGS } from '/work/main/src/web/serve';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-'));
const ed = await startBrowserEdition({ ...parseServeArgs([]), userDb: path.join(tmp, 'u.db'), build: false });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...QUIET_CHROMIUM_FLAGS, '--no-sandbox'] });
const page = await browser.newPage();
const msgs: string[] = [];
page.on('console', (m) => { if (/Content.Security|CSP|Refused/i.test(m.text())) msgs.push(m.text().slice(0, 200)); });
await page.route('**/*', async (route) => {
  const res = await route.fetch();
  const headers = { ...res.headers() };
  if (headers['content-security-policy']) headers['content-security-policy'] = headers['content-security-policy'].replace(" 'unsafe-inline'", '');
  let body = await res.body();
  if ((headers['content-type'] ?? '').includes('text/html')) body = Buffer.from(body.toString().replace(" 'unsafe-inline'", ''));
  await route.fulfill({ status: res.status(), headers, body });
});
for (const r of ['#/', '#/doc/foreign-relations-of-albania', '#/doc/albania-nato-relations/kucove-air-base?hl=Kucove', '#/search?q=Kosovo', '#/partner/kosovo', '#/bookmarks', '#/doc/security-and-defence-partnership-between-the-european-union']) {
  await page.goto(ed.server.url + r); await page.waitForTimeout(1500);
  await page.mouse.wheel(0, 3000); await page.waitForTimeout(500);
}
console.log(msgs.length ? msgs.join('\n') : 'no CSP violations without unsafe-inline');
await browser.close(); await ed.close();
