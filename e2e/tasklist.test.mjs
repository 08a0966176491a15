// End-to-end: the whole incident lifecycle through the real Camunda Tasklist and the product's Camunda Forms,
// in Debian's headless Chromium. Started by run.sh against the packaged product (demo profile, fresh H2).
//
// Two incidents, two paths: a P4 the service desk resolves and the caller confirms (closed without review), and a
// P2 routed to network-ops (nick), confirmed by the caller and reviewed by an incident manager (maria) before closure.
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
const RUN = Date.now();

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
	// 404s are expected (Tasklist probes its session and the optional welcome box); anything else is worth a look
	page.on('response', response => {
		if (response.status() >= 400 && response.status() !== 404) {
			t.diagnostic(`${user}: HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
		}
	});
	// Tasklist loads its plugins through requirejs, which gives up after a few seconds ("Load timeout for modules")
	// and leaves the splash screen: on a busy machine the first load can miss it. That is the browser's module
	// loader, not the product: load the page once more before failing.
	for (let attempt = 1; ; attempt++) {
		await page.goto(TASKLIST);
		try {
			// The login view replaces the splash screen once Angular routed to #/login: fill that form, not the first one.
			await page.waitForURL(/#\/login/, { timeout: attempt === 1 ? 30_000 : TIMEOUT });
			break;
		}
		catch (error) {
			if (attempt === 2) throw error;
			t.diagnostic(`${user}: Tasklist did not reach its login view, loading it again`);
		}
	}
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

/** Picks an option of a searchable form-js select by typing part of it. */
async function chooseBySearch(page, scope, label, typed, option) {
	const field = scope.locator('.fjs-form-field').filter({
		has: page.locator('label.fjs-form-field-label', { hasText: new RegExp(`^${escape(label)}\\*?$`) }),
	});
	await field.locator('input').fill(typed);
	await field.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

/** Opens a task of a filter by the start of its name and the unique incident title. */
async function openTask(page, filter, taskName, title) {
	const name = new RegExp(`^${escape(taskName)} INC-\\d{6}: ${escape(title)}`);
	await page.getByRole('link', { name: filter }).click();
	await page.locator('.tasks-list li').filter({ hasText: title }).getByRole('link', { name }).click();
	await page.locator('.task-details').getByRole('heading', { name }).waitFor();
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
async function findIncident(title) {
	const response = await fetch(`${BASE_URL}/api/incidents?q=${encodeURIComponent(title)}`, {
		headers: { Authorization: `Basic ${Buffer.from('alice:demo').toString('base64')}` },
	});
	assert.equal(response.status, 200, await response.clone().text());
	const page = await response.json();
	assert.equal(page.totalElements, 1, JSON.stringify(page));
	return page.content[0];
}

/** The full incident record with its audit trail. */
async function incidentDetail(number) {
	const response = await fetch(`${BASE_URL}/api/incidents/${number}`, {
		headers: { Authorization: `Basic ${Buffer.from('alice:demo').toString('base64')}` },
	});
	assert.equal(response.status, 200, await response.clone().text());
	return response.json();
}

/** Polls the API until the incident reached the state (the browser's request may still be in flight). */
async function expectState(title, state) {
	const deadline = Date.now() + TIMEOUT;
	let incident;
	while (Date.now() < deadline) {
		incident = await findIncident(title);
		if (incident.state === state) return incident;
		await new Promise(resolve => setTimeout(resolve, 250));
	}
	assert.fail(`incident ${incident?.number} is ${incident?.state}, expected ${state}`);
}

/** Sequential stages of one scenario: once one failed, the later ones are skipped instead of timing out too. */
function stages(t) {
	let failed;
	return (name, action) => t.test(name, async stage => {
		if (failed) {
			stage.skip(`"${failed}" failed`);
			return;
		}
		try {
			await action();
		}
		catch (error) {
			failed = name;
			throw error;
		}
	});
}

/** Reports an incident through Tasklist's "Start process" dialog and its start form; returns the record. */
async function report(t, page, facts) {
	await step(t, page, `report ${facts.title}`, async () => {
		await page.getByRole('link', { name: 'Start process' }).click();
		const dialog = page.locator('.modal-dialog');
		await dialog.getByText('Incident management').click();
		await dialog.getByRole('heading', { name: 'Report an incident' }).waitFor();
		await byLabel(dialog, 'Short description').fill(facts.title);
		await byLabel(dialog, 'Details').fill(facts.description);
		// the caller is picked from the directory: typing part of the user id filters the list
		await chooseBySearch(page, dialog, 'Caller', facts.caller, `(${facts.caller})`);
		await choose(page, dialog, 'Reported via', facts.channel);
		await choose(page, dialog, 'Incident type', facts.type);
		await byLabel(dialog, 'Affected service').fill(facts.service);
		await byLabel(dialog, 'Configuration item').fill(facts.configurationItem);
		await choose(page, dialog, 'Impact', facts.impact);
		await choose(page, dialog, 'Urgency', facts.urgency);
		await dialog.getByRole('button', { name: 'Start', exact: true }).click();
		await dialog.waitFor({ state: 'detached' });
	});
	const incident = await expectState(facts.title, 'new');
	assert.match(incident.number, /^INC-\d{6}$/);
	t.diagnostic(`reported ${incident.number}: ${facts.title}`);
	return incident;
}

/** The service desk claims the triage task in its group filter and classifies the report as an incident. */
async function triageAsIncident(t, page, incident) {
	await step(t, page, `triage ${incident.title}`, async () => {
		await openTask(page, "My group's tasks", 'Triage', incident.title);
		// named by the create listener: number, title, priority
		await page.locator('.task-details').getByRole('heading', {
			name: `Triage ${incident.number}: ${incident.title} (P${incident.priority})`,
		}).waitFor();
		// the agent who reported it with the start form already has the task; anyone else claims it
		await byLabel(page, 'Affected service').waitFor();
		if (await page.getByRole('button', { name: 'Claim' }).isVisible()) await claim(page);
		// the facts reported with the start form are loaded into the triage form
		assert.equal(await byLabel(page, 'Affected service').inputValue(), incident.service);
		await page.getByLabel('An incident: work on it').check();
		await complete(page);
	});
	return expectState(incident.title, 'in_progress');
}

/** An agent of the assignment group claims Investigate in the group filter and resolves. */
async function investigateAndResolve(t, page, incident, resolutionCode, notes) {
	await step(t, page, `investigate ${incident.title}`, async () => {
		await openTask(page, "My group's tasks", 'Investigate', incident.title);
		await claim(page);
		await page.getByLabel('Resolved: service restored').check();
		await choose(page, page, 'Resolution code', resolutionCode);
		await byLabel(page, 'Resolution notes').fill(notes);
		await complete(page);
	});
	return expectState(incident.title, 'resolved');
}

/**
 * The caller confirms in the self-service portal (requesters have no Tasklist): she signs in with the product's
 * form, reads the resolution notes on her incident and accepts; the portal completes the confirmation task.
 */
async function confirmResolution(t, incident, notes) {
	const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
	sessions.push(context);
	const page = await context.newPage();
	page.setDefaultTimeout(TIMEOUT);
	await step(t, page, `confirm ${incident.title}`, async () => {
		await page.goto(`${BASE_URL}/portal/incidents/${incident.number}`);
		await page.getByLabel('User name').fill('rita');
		await page.getByLabel('Password').fill('demo');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.getByText(notes).waitFor();
		await page.getByLabel('Yes, it works again: close the incident').check();
		await page.getByRole('button', { name: 'Send answer' }).click();
		await page.getByText('Thank you for confirming that it works again.').waitFor();
	});
}

test('P4 hardware incident: reported, triaged, resolved by the service desk, confirmed by the caller, closed',
	async t => {
		const notes = 'Replaced the fuser unit; test pages print fine.';
		const stage = stages(t);
		let alice;
		let incident;

		await stage('alice logs in and sees her group filter', async () => {
			alice = await logIn(t, 'alice');
			await step(t, alice, 'group filter', async () => {
				await alice.getByRole('link', { name: "My group's tasks" }).waitFor();
			});
		});

		await stage('alice reports an incident with the start form', async () => {
			incident = await report(t, alice, {
				title: `E2E printer jams ${RUN}`, description: 'Paper jam on every print job since this morning.',
				caller: 'rita', channel: 'Email', type: 'Hardware', service: 'Printing',
				configurationItem: 'printer-3f', impact: 'Low', urgency: 'Medium',
			});
			assert.equal(incident.caller, 'rita');
			assert.equal(incident.channel, 'email');
			assert.equal(incident.type, 'hardware');
			assert.equal(incident.priority, 4);
			assert.equal(incident.assignmentGroup, 'service-desk');
		});

		await stage('alice claims the triage task and classifies it as an incident', async () => {
			const triaged = await triageAsIncident(t, alice, incident);
			assert.equal(triaged.assignee, 'alice');
		});

		await stage('alice investigates (hardware routes to service-desk) and resolves', async () => {
			await investigateAndResolve(t, alice, incident, 'Hardware replaced', notes);
		});

		await stage('rita, the caller, confirms the resolution: closed without review (P4)', async () => {
			await confirmResolution(t, incident, notes);
			await expectState(incident.title, 'closed');
			const closed = await incidentDetail(incident.number);
			assert.equal(closed.resolutionCode, 'hardware_replaced');
			assert.equal(closed.resolutionNotes, notes);
			assert.equal(closed.configurationItem, 'printer-3f');
			assert.ok(closed.firstResponseAt && closed.resolvedAt && closed.closedAt, JSON.stringify(closed));
			assert.ok(closed.activity.some(entry => entry.event === 'CLOSED'), JSON.stringify(closed.activity));
		});
	});

test('P2 VPN outage: routed to network-ops, resolved by nick, confirmed by rita, reviewed by maria, closed',
	async t => {
		const notes = 'Rolled back the VPN gateway certificate change.';
		const stage = stages(t);
		let incident;

		await stage('alice reports and triages it', async () => {
			const alice = await logIn(t, 'alice');
			incident = await report(t, alice, {
				title: `E2E VPN down ${RUN}`, description: 'Nobody in the branch office can connect since 8:00.',
				caller: 'rita', channel: 'Phone', type: 'Service outage', service: 'VPN',
				configurationItem: 'vpn-gw-01', impact: 'High', urgency: 'Medium',
			});
			assert.equal(incident.priority, 2);
			assert.equal(incident.assignmentGroup, 'network-ops');
			await triageAsIncident(t, alice, incident);
		});

		await stage('nick (network-ops) investigates and resolves', async () => {
			const nick = await logIn(t, 'nick');
			const resolved = await investigateAndResolve(t, nick, incident, 'Configuration change', notes);
			assert.equal(resolved.assignee, 'nick');
		});

		await stage('rita confirms the resolution', async () => {
			await confirmResolution(t, incident, notes);
		});

		await stage('maria (incident-managers) completes the closure review: closed', async () => {
			const maria = await logIn(t, 'maria');
			await step(t, maria, `closure review ${incident.title}`, async () => {
				await openTask(maria, "My group's tasks", 'Closure review', incident.title);
				await claim(maria);
				await byLabel(maria, 'Cause').fill('An expired intermediate certificate in the last gateway change.');
				await byLabel(maria, 'Steps taken').fill('Rolled back the change, clients reconnected.');
				await byLabel(maria, 'Preventive measures').fill('Certificate expiry monitoring on the gateways.');
				await maria.getByLabel('Open a problem record (root cause still to be found)').check();
				await complete(maria);
			});
			await expectState(incident.title, 'closed');
			const closed = await incidentDetail(incident.number);
			assert.equal(closed.resolutionCode, 'configuration_change');
			assert.equal(closed.cause, 'An expired intermediate certificate in the last gateway change.');
			assert.equal(closed.preventiveMeasures, 'Certificate expiry monitoring on the gateways.');
			assert.equal(closed.problemRequired, true);
		});
	});
