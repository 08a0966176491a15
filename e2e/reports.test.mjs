// End-to-end: an incident manager signs in to the product's own pages and opens /reports in Debian's headless
// Chromium; the charts (Apache ECharts, served from the jar) must have drawn something, on a desktop and on a
// phone-sized screen. Screenshots: e2e/artifacts/reports-desktop.png, reports-phone.png (always kept).
// Started by run.sh against the packaged product (demo profile, fresh H2); reports a few incidents first so the
// charts have data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:8097';
const ARTIFACTS = new URL('./artifacts/', import.meta.url);
const TIMEOUT = 45_000;
const CHARTS = ['chart-volume', 'chart-backlog-priority', 'chart-backlog-age', 'chart-backlog-group', 'chart-groups',
	'chart-top-services', 'chart-top-cis'];

let browser;

before(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	// a few incidents of different services and priorities, as requesters and monitoring would report them
	const reports = [
		['rita', { title: 'Cannot open the expense tool', service: 'Expenses', type: 'software', impact: 'medium', urgency: 'low' }],
		['rob', { title: 'Printer on floor 3 jams', service: 'Printing', configurationItem: 'prn-3-01', type: 'hardware', impact: 'low', urgency: 'medium' }],
		['rita', { title: 'VPN drops every few minutes', service: 'VPN', configurationItem: 'vpn-gw-01', type: 'service_degradation', impact: 'high', urgency: 'medium' }],
		['rob', { title: 'VPN very slow from home', service: 'VPN', configurationItem: 'vpn-gw-01', type: 'service_degradation', impact: 'medium', urgency: 'medium' }],
		['rita', { title: 'Payroll export fails', service: 'Payroll', type: 'software', impact: 'high', urgency: 'high' }],
	];
	for (const [user, body] of reports) {
		const response = await fetch(`${BASE_URL}/api/incidents`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: 'Basic ' + Buffer.from(`${user}:demo`).toString('base64') },
			body: JSON.stringify({ description: 'Reported by the reports browser test', ...body }),
		});
		assert.equal(response.status, 201, `report as ${user}: ${await response.text()}`);
	}
});

after(async () => {
	await browser?.close();
});

async function signIn(t, viewport) {
	// bypassCSP: only so that axe-core can be injected; the page itself runs under its own policy otherwise
	const context = await browser.newContext({ viewport, locale: 'en-US', bypassCSP: true });
	const page = await context.newPage();
	page.setDefaultTimeout(TIMEOUT);
	page.on('pageerror', error => t.diagnostic(`page error: ${error.message}`));
	page.on('console', message => { if (message.type() === 'error') t.diagnostic(`console: ${message.text()}`); });
	await page.goto(`${BASE_URL}/reports`);
	// not signed in: the shared login page of the product's pages
	await page.waitForURL(/\/login$/);
	assert.deepEqual(await accessibilityViolations(page), [], 'accessibility of /login');
	await page.getByLabel('User name').fill('maria');
	await page.getByLabel('Password').fill('demo');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(/\/reports/);
	return { context, page };
}

/** Waits until every chart rendered and returns, per chart, how many canvas pixels are not blank. */
async function drawnPixels(page) {
	for (const id of CHARTS) {
		await page.locator(`#${id}[data-chart-ready="true"]`).waitFor();
	}
	return page.evaluate(ids => Object.fromEntries(ids.map(id => {
		const canvas = document.querySelector(`#${id} canvas`);
		if (!canvas) return [id, 0];
		const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
		let painted = 0;
		for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
		return [id, painted];
	})), CHARTS);
}

/** axe-core's WCAG 2.1 A/AA rules on the current page: the serious and critical violations, as text. */
async function accessibilityViolations(page) {
	await page.addScriptTag({ content: AXE });
	const result = await page.evaluate(() => window.axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
	return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
		.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}

async function keep(page, name) {
	await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true });
	writeFileSync(new URL(`${name}.html`, ARTIFACTS), await page.content());
}

test('an incident manager sees the reports with their charts', async t => {
	const { context, page } = await signIn(t, { width: 1400, height: 1000 });
	try {
		await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
		const pixels = await drawnPixels(page);
		t.diagnostic(`painted pixels per chart: ${JSON.stringify(pixels)}`);
		for (const id of CHARTS) assert.ok(pixels[id] > 500, `${id} drew nothing (${pixels[id]} pixels)`);
		// the figures of the five incidents reported above
		const opened = await page.locator('[data-figure="opened"] dd').innerText();
		assert.ok(Number(opened.trim()) >= 5, `opened ${opened}`);
		// the portal's satisfaction survey stores csat_score: the figure is available (a mean once someone rated)
		assert.doesNotMatch(await page.locator('[data-figure="csatAverage"] dd').innerText(), /not available/);
		// the two VPN incidents above, and any the portal test reported before
		const vpn = (await page.locator('#top-services-title').locator('xpath=../..').innerText()).match(/VPN\s+(\d+)/);
		assert.ok(vpn && Number(vpn[1]) >= 2, `VPN in the top services: ${vpn}`);
		await keep(page, 'reports-desktop');
		assert.deepEqual(await accessibilityViolations(page), [], 'accessibility of /reports');

		// the period picker and the breakdown work from the keyboard
		await page.getByLabel('Break down by').selectOption('service');
		await page.getByLabel('Break down by').press('Tab');
		await page.getByLabel('Volume per').press('Tab');
		await page.keyboard.press('Enter');
		await page.waitForURL(/groupBy=service/);
		await page.getByRole('heading', { name: 'By service', exact: true }).waitFor();
		await drawnPixels(page);

		// every table has its CSV
		const csv = await page.request.get(`${BASE_URL}/reports/export/top-services.csv`);
		assert.equal(csv.status(), 200);
		assert.match(await csv.text(), /^service,incidents\r\n/);
	}
	catch (error) {
		await keep(page, 'reports-failed').catch(() => {});
		throw error;
	}
	finally {
		await context.close();
	}
});

test('the reports work on a phone-sized screen', async t => {
	const { context, page } = await signIn(t, { width: 390, height: 844 });
	try {
		const pixels = await drawnPixels(page);
		for (const id of CHARTS) assert.ok(pixels[id] > 200, `${id} drew nothing on a phone (${pixels[id]} pixels)`);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		assert.ok(overflow <= 1, `the page is ${overflow}px wider than the screen`);
		await keep(page, 'reports-phone');
	}
	finally {
		await context.close();
	}
});
