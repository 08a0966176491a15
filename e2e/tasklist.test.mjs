// End-to-end: the whole incident lifecycle through the real Camunda Tasklist and the product's Camunda Forms,
// in Debian's headless Chromium. Started by run.sh against the packaged product (demo profile, fresh H2).
//
// Report (alice, start form) → Triage (alice, service-desk) → Investigate (alice: hardware routes to service-desk)
// → Confirm resolution (rita, the caller) → CLOSED. Impact low × urgency medium = P4: no closure review.
// Each step checks the incident record through the product API, which proves the forms rendered and submitted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:8097';
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/`;
const ARTIFACTS = new URL('./artifacts/', import.meta.url);
// Generous: two shared CPUs, Tasklist loads its plugins and forms lazily.
const TIMEOUT = 45_000;
const TITLE = `E2E printer jams ${Date.now()}`;

let browser;
const sessions = [];

before(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
});

after(async () => {
	for (const context of sessions) await context.close().catch(() => {});
	await browser?.close();
});

/** A fresh browser context (no cookies, no storage) logged in to Tasklist through its login form. */
async function logIn(t, user) {
	const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
	sessions.push(context);
	const page = await context.newPage();
	page.setDefaultTimeout(TIMEOUT);
	page.on('pageerror', error => t.diagnostic(`${user}: page error: ${error.message}`));
	await page.goto(TASKLIST);
	// The login view replaces the splash screen once Angular routed to #/login: fill that form, not the first one.
	await page.waitForURL(/#\/login/);
	await page.getByPlaceholder('Username').fill(user);
	await page.getByPlaceholder('Password').fill('demo');
	await page.getByRole('button', { name: 'Log in' }).click();
	await page.getByRole('link', { name: 'My tasks' }).waitFor();
	return page;
}

/** Runs a step; on failure keeps a screenshot and the DOM under e2e/artifacts/ for debugging selectors. */
async function step(t, page, name, action) {
	try {
		await action();
	}
	catch (error) {
		const file = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
		await page.screenshot({ path: new URL(`${file}.png`, ARTIFACTS).pathname, fullPage: true }).catch(() => {});
		writeFileSync(new URL(`${file}.html`, ARTIFACTS), await page.content().catch(() => ''));
		t.diagnostic(`failed at "${name}": screenshot and DOM in e2e/artifacts/${file}.*`);
		throw error;
	}
}

const escape = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form-js field by its label (required fields carry a "*" that is not part of the label's text). */
const byLabel = (scope, label) => scope.getByLabel(new RegExp(`^${escape(label)}\\*?$`));

/** Picks an option of a form-js select (a custom dropdown, not a native <select>). */
async function choose(page, scope, label, option) {
	const field = scope.locator('.fjs-form-field').filter({
		has: page.locator('label.fjs-form-field-label', { hasText: new RegExp(`^${escape(label)}\\*?$`) }),
	});
	await field.locator('.fjs-input-group').click();
	await field.locator('.fjs-dropdownlist-item', { hasText: option }).click();
}

/** Opens a task of a filter by the start of its name and the unique incident title. */
async function openTask(page, filter, taskName) {
	await page.getByRole('link', { name: filter }).click();
	const entry = page.locator('.tasks-list li').filter({ hasText: TITLE });
	await entry.getByRole('link', { name: new RegExp(`^${escape(taskName)} INC-\\d{6}: ${escape(TITLE)}`) }).click();
	await page.locator('.task-details')
		.getByRole('heading', { name: new RegExp(`^${escape(taskName)} INC-\\d{6}: ${escape(TITLE)}`) }).waitFor();
}

async function claim(page) {
	await page.getByRole('button', { name: 'Claim' }).click();
	await page.getByRole('button', { name: 'Claim' }).waitFor({ state: 'detached' });
}

/** Completes the open task's form and waits until Tasklist has closed it. */
async function complete(page) {
	await page.getByRole('button', { name: 'Complete' }).click();
	await page.getByRole('button', { name: 'Complete' }).waitFor({ state: 'detached' });
}

/** The incident as the product API lists it (alice is an agent: she sees every incident). */
async function findIncident() {
	const response = await fetch(`${BASE_URL}/api/incidents?q=${encodeURIComponent(TITLE)}`, {
		headers: { Authorization: `Basic ${Buffer.from('alice:demo').toString('base64')}` },
	});
	assert.equal(response.status, 200, await response.clone().text());
	const page = await response.json();
	assert.equal(page.totalElements, 1, JSON.stringify(page));
	return page.content[0];
}

/** Polls the API until the incident reached the state (the browser's request may still be in flight). */
async function expectState(state) {
	const deadline = Date.now() + TIMEOUT;
	let incident;
	while (Date.now() < deadline) {
		incident = await findIncident();
		if (incident.state === state) return incident;
		await new Promise(resolve => setTimeout(resolve, 250));
	}
	assert.fail(`incident ${incident?.number} is ${incident?.state}, expected ${state}`);
}

test('incident lifecycle through Tasklist and the Camunda Forms', async t => {
	let alice;
	let number;

	await t.test('alice logs in and sees her group filter', async () => {
		alice = await logIn(t, 'alice');
		await step(t, alice, 'group filter', async () => {
			await alice.getByRole('link', { name: "My group's tasks" }).waitFor();
		});
	});

	await t.test('alice reports an incident with the start form', async () => {
		await step(t, alice, 'start form', async () => {
			await alice.getByRole('link', { name: 'Start process' }).click();
			const dialog = alice.locator('.modal-dialog');
			await dialog.getByText('Incident management').click();
			await dialog.getByRole('heading', { name: 'Report an incident' }).waitFor();
			await byLabel(dialog, 'Short description').fill(TITLE);
			await byLabel(dialog, 'Details').fill('Paper jam on every print job since this morning.');
			await byLabel(dialog, 'Caller (user id)').fill('rita');
			await choose(alice, dialog, 'Reported via', 'Email');
			await choose(alice, dialog, 'Incident type', 'Hardware');
			await byLabel(dialog, 'Affected service').fill('Printing');
			await byLabel(dialog, 'Configuration item').fill('printer-3f');
			await choose(alice, dialog, 'Impact', 'Low');
			await choose(alice, dialog, 'Urgency', 'Medium');
			await dialog.getByRole('button', { name: 'Start', exact: true }).click();
			await dialog.waitFor({ state: 'detached' });
		});
		const incident = await expectState('new');
		number = incident.number;
		assert.match(number, /^INC-\d{6}$/);
		assert.equal(incident.caller, 'rita');
		assert.equal(incident.channel, 'email');
		assert.equal(incident.type, 'hardware');
		assert.equal(incident.priority, 4);
		assert.equal(incident.assignmentGroup, 'service-desk');
		t.diagnostic(`reported ${number}: ${TITLE}`);
	});

	await t.test('alice claims the triage task in her group filter and classifies it as an incident', async () => {
		await step(t, alice, 'triage', async () => {
			await openTask(alice, "My group's tasks", 'Triage');
			await alice.getByRole('link', { name: new RegExp(`^Triage ${number}: ${escape(TITLE)} \\(P4\\)$`) })
				.waitFor();
			await claim(alice);
			// the facts reported with the start form are loaded into the triage form
			assert.equal(await byLabel(alice, 'Affected service').inputValue(), 'Printing');
			await alice.getByLabel('An incident: work on it').check();
			await complete(alice);
		});
		const incident = await expectState('in_progress');
		assert.equal(incident.assignee, 'alice');
	});

	await t.test('alice investigates (hardware routes to service-desk) and resolves', async () => {
		await step(t, alice, 'investigate', async () => {
			await openTask(alice, "My group's tasks", 'Investigate');
			await claim(alice);
			await alice.getByLabel('Resolved: service restored').check();
			await choose(alice, alice, 'Resolution code', 'Hardware replaced');
			await byLabel(alice, 'Resolution notes').fill('Replaced the fuser unit; test pages print fine.');
			await complete(alice);
		});
		await expectState('resolved');
	});

	await t.test('rita, the caller, confirms the resolution and the incident closes', async () => {
		const rita = await logIn(t, 'rita');
		await step(t, rita, 'confirm resolution', async () => {
			await openTask(rita, 'My tasks', 'Confirm resolution');
			await rita.getByText('Replaced the fuser unit; test pages print fine.').waitFor();
			await rita.getByLabel('Yes, my service works again').check();
			await complete(rita);
		});
		const incident = await expectState('closed');
		assert.equal(incident.number, number);
	});
});
