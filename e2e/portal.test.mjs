// End-to-end: the requester's self-service portal (/portal) in Debian's headless Chromium. rita signs in with the
// product's form, searches the knowledge base, reports an incident in her own words (on a phone-sized screen) and
// reads back its number and the response target; the agents' steps (triage, "on hold: waiting for the caller",
// resolution) are done through the engine REST API as alice and nick, as Tasklist would; rita answers while the
// incident waits for her and it resumes, she confirms the resolution and rates it 4. axe-core checks every page
// (serious and critical WCAG 2.1 A/AA violations fail the test). Screenshots of each step: e2e/artifacts/portal-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BASE_URL = process.env.BASE_URL ?? 'http://localhost:8097';
const ARTIFACTS = new URL('./artifacts/', import.meta.url);
const TIMEOUT = 45_000;
const RUN = Date.now();
const PHONE = { width: 390, height: 844 };

let browser;

before(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
});

after(async () => {
	await browser?.close();
});

const basic = user => 'Basic ' + Buffer.from(`${user}:demo`).toString('base64');

async function api(user, method, path, body) {
	const response = await fetch(`${BASE_URL}${path}`, {
		method,
		headers: { Authorization: basic(user), ...(body ? { 'Content-Type': 'application/json' } : {}) },
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Engine variables in the REST API's shape. */
const variables = values => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));

/** An agent claims and completes the active task of the incident, with the variables the Camunda Form would submit. */
async function completeTask(user, number, taskKey, values) {
	let tasks = [];
	for (let i = 0; i < 50 && tasks.length === 0; i++) {
		tasks = (await api(user, 'GET', `/engine-rest/task?processInstanceBusinessKey=${number}&taskDefinitionKey=${taskKey}`)).body;
		if (tasks.length === 0) await new Promise(resolve => setTimeout(resolve, 200));
	}
	assert.equal(tasks.length, 1, `${user} sees one ${taskKey} task of ${number}`);
	const claim = await api(user, 'POST', `/engine-rest/task/${tasks[0].id}/claim`, { userId: user });
	assert.equal(claim.status, 204, JSON.stringify(claim.body));
	const done = await api(user, 'POST', `/engine-rest/task/${tasks[0].id}/complete`, { variables: variables(values) });
	assert.equal(done.status, 204, JSON.stringify(done.body));
}

/** axe-core's WCAG 2.1 A/AA rules on the current page: the serious and critical violations, as text. */
async function accessibilityViolations(page) {
	await page.addScriptTag({ content: AXE });
	const result = await page.evaluate(() => window.axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
	return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
		.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}

/** Screenshot and DOM of a step (always kept), after the accessibility check of the page as it is then. */
async function keep(page, name) {
	await page.screenshot({ path: new URL(`portal-${name}.png`, ARTIFACTS).pathname, fullPage: true });
	writeFileSync(new URL(`portal-${name}.html`, ARTIFACTS), await page.content());
	assert.deepEqual(await accessibilityViolations(page), [], `accessibility of ${name} (${page.url()})`);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	assert.ok(overflow <= 1, `${name}: the page is ${overflow}px wider than the screen`);
}

async function signIn(t, user, viewport) {
	// bypassCSP: only so that axe-core can be injected; the page itself runs under its own policy otherwise
	const context = await browser.newContext({ viewport, locale: 'en-US', bypassCSP: true });
	const page = await context.newPage();
	page.setDefaultTimeout(TIMEOUT);
	page.on('pageerror', error => t.diagnostic(`${user}: page error: ${error.message}`));
	page.on('console', message => { if (message.type() === 'error') t.diagnostic(`${user}: console: ${message.text()}`); });
	// "/" sends a visitor to the sign-in form, and a requester from there to the portal
	await page.goto(`${BASE_URL}/`);
	await page.waitForURL(/\/login$/);
	await page.getByLabel('User name').fill(user);
	await page.getByLabel('Password').fill('demo');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(/\/portal$/);
	return { context, page };
}

test('rita reports through the portal, answers while on hold, confirms the resolution and rates it', async t => {
	const { context, page } = await signIn(t, 'rita', PHONE);
	const title = `VPN disconnects every few minutes ${RUN}`;
	let number;
	try {
		// home: the demo profile seeds the knowledge base, so "VPN" must find the requester article about it
		await page.getByRole('heading', { level: 1, name: 'How can we help?' }).waitFor();
		await page.getByLabel('Search for a solution').pressSequentially('VPN', { delay: 50 });
		await page.waitForResponse(response => response.url().includes('/portal/knowledge'));
		await page.locator('#knowledge-results .hit').first().waitFor();
		assert.ok(await page.locator('#knowledge-results .hit').count() > 0, 'the demo knowledge base answers "VPN"');
		await keep(page, '1-home');

		// report in her own words, on a phone; nothing that changes the priority is preselected
		await page.getByRole('link', { name: /Report an incident/ }).first().click();
		await page.getByRole('heading', { level: 1, name: 'Report an incident' }).waitFor();
		assert.equal(await page.locator('input[type=radio]:checked').count(), 0, 'no answer preselected');
		await page.getByLabel('What is wrong?').pressSequentially(title, { delay: 10 });
		// the suggestions while she types are mandatory too: the seeded article and the published VPN workarounds
		await page.getByRole('heading', { name: 'Does one of these solve it?' }).waitFor();
		await page.getByLabel('Describe it').fill('Since this morning, at home and in the office; the client says "peer not responding".');
		await page.getByLabel('Which service is affected?').fill('VPN');
		// submitting without the answers shows what is missing (server-side, status 400) and keeps what she typed
		await page.getByRole('button', { name: 'Report incident' }).click();
		await page.getByRole('alert').getByText('Choose who is affected.').waitFor();
		assert.equal(await page.getByLabel('What is wrong?').inputValue(), title);
		await keep(page, '2-report-missing-answers');
		await page.getByLabel('Something is slow or works only partly').check();
		await page.getByLabel('My team or several colleagues').check();
		await page.getByLabel('Yes, but slowly or only partly').check();
		await keep(page, '3-report-filled');
		await page.getByRole('button', { name: 'Report incident' }).click();

		// the number and what happens next
		const logged = page.locator('#reported');
		await logged.waitFor();
		number = (await logged.innerText()).match(/INC-\d{6}/)[0];
		assert.match(await logged.innerText(), /We aim to respond by \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
		await keep(page, '4-reported');
		const reported = (await api('rita', 'GET', `/api/incidents/${number}`)).body;
		assert.equal(reported.channel, 'portal');
		assert.equal(reported.caller, 'rita');
		assert.equal(reported.impact, 'medium');
		assert.equal(reported.urgency, 'medium');
		assert.equal(reported.type, 'service_degradation');
		assert.equal(reported.priority, 3);

		// alice triages, nick (network-ops: VPN) puts it on hold waiting for rita and writes an internal work note
		await completeTask('alice', number, 'Triage', {
			classification: 'incident', incidentType: 'service_degradation', service: 'VPN', impact: 'medium', urgency: 'medium',
		});
		const note = `Internal: gateway logs show IKE rekey failures ${RUN}`;
		assert.equal((await api('nick', 'POST', `/api/incidents/${number}/comments`, { visibility: 'internal', body: note })).status, 201);
		await completeTask('nick', number, 'Investigate', {
			investigationOutcome: 'on_hold', onHoldReason: 'awaiting_caller',
			onHoldComment: 'Which version of the VPN client do you use? (Help → About)',
		});

		// rita sees that the incident waits for her, and the question; never the work note
		await page.goto(`${BASE_URL}/portal/incidents`);
		await page.getByRole('link', { name: new RegExp(title) }).waitFor();
		assert.match(await page.locator('#incident-list').innerText(), /On hold/);
		await keep(page, '5-my-incidents');
		await page.getByRole('link', { name: new RegExp(title) }).click();
		await page.getByText('On hold: waiting for you').waitFor();
		await page.getByText('Which version of the VPN client do you use?').waitFor();
		assert.equal(await page.getByText(note).count(), 0, 'internal work note shown to the caller');
		assert.doesNotMatch(await page.content(), /IKE rekey/);
		await keep(page, '6-waiting-for-you');
		await page.getByLabel('Your comment').fill('Version 5.2.1 on Windows 11.');
		await page.getByRole('button', { name: 'Add comment' }).click();
		await page.getByText('Your comment was added.').waitFor();
		await page.locator('[data-testid=state]', { hasText: 'In progress' }).waitFor();
		assert.equal((await api('rita', 'GET', `/api/incidents/${number}`)).body.state, 'in_progress');

		// nick resolves
		await completeTask('nick', number, 'Investigate', {
			investigationOutcome: 'resolved', resolutionCode: 'configuration_change',
			resolutionNotes: 'Updated the VPN profile for client 5.2; please reconnect once.',
		});

		// rita confirms in the portal (requesters have no Tasklist) and rates it 4
		await page.goto(`${BASE_URL}/portal/incidents/${number}`);
		await page.getByText('Updated the VPN profile for client 5.2').first().waitFor();
		await keep(page, '7-resolved');
		await page.getByLabel('Yes, it works again: close the incident').check();
		await page.getByRole('button', { name: 'Send answer' }).click();
		await page.getByText('Thank you for confirming that it works again.').waitFor();
		await page.getByLabel('4 out of 5').check();
		await page.getByLabel('Anything to tell us? (optional)').fill('Quick answer, thanks.');
		await page.getByRole('button', { name: 'Send rating' }).click();
		await page.getByText('You rated this incident 4 out of 5. Thank you.').waitFor();
		await keep(page, '8-rated');
		// the same page on a desktop screen (the README's picture: docs/portal.png)
		await page.setViewportSize({ width: 1280, height: 1000 });
		await page.locator('#timeline-title').scrollIntoViewIfNeeded();
		await page.screenshot({ path: new URL('portal-desktop.png', ARTIFACTS).pathname });

		const closed = (await api('maria', 'GET', `/api/incidents/${number}`)).body;
		assert.equal(closed.state, 'closed');
		assert.equal(closed.csatScore, 4);
		assert.equal(closed.csatComment, 'Quick answer, thanks.');
		// once only
		assert.equal((await api('rita', 'POST', `/api/incidents/${number}/satisfaction`, { score: 5 })).status, 409);
	}
	catch (error) {
		await page.screenshot({ path: new URL('portal-failed.png', ARTIFACTS).pathname, fullPage: true }).catch(() => {});
		writeFileSync(new URL('portal-failed.html', ARTIFACTS), await page.content().catch(() => ''));
		throw error;
	}
	finally {
		await context.close();
	}
});

test('another requester never sees rita\'s incident, and requesters have no Tasklist', async t => {
	const reported = await api('rita', 'POST', '/api/incidents', {
		title: `Printer jams ${RUN}`, type: 'hardware', impact: 'low', urgency: 'low',
	});
	assert.equal(reported.status, 201);
	const { context, page } = await signIn(t, 'rob', { width: 1280, height: 900 });
	try {
		const response = await page.goto(`${BASE_URL}/portal/incidents/${reported.body.number}`);
		assert.equal(response.status(), 404);
		await page.getByRole('heading', { name: 'Incident not found' }).waitFor();
		await page.goto(`${BASE_URL}/portal/incidents?q=${encodeURIComponent('Printer jams ' + RUN)}`);
		await page.getByText('No incidents found.').waitFor();
		assert.equal(await page.getByRole('link', { name: 'Tasklist' }).count(), 0);
		await keep(page, '9-other-requester');
	}
	finally {
		await context.close();
	}
});
