import { chromium } from '@playwright/test';
const [,, url, out, width = '1280', height = '900'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update'] });
const page = await browser.newPage({ viewport: { width: +width, height: +height } });
const requests = [];
page.on('request', (r) => requests.push(r.url()));
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url);
try { await page.waitForSelector('[data-phase="ready"]', { timeout: 30000 }); } catch (e) { console.log('not ready', await page.locator('[data-testid=load-status]').textContent()); }
await page.waitForTimeout(500);
if (process.env.TABLE) await page.getByRole('button', { name: /데이터 표|data table/i }).first().click();
await page.screenshot({ path: out, fullPage: true });
console.log('external', requests.filter((u) => !u.startsWith('http://127.0.0.1') && !u.startsWith('http://localhost') && !u.startsWith('data:')));
await browser.close();
