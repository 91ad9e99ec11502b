// HubSpot's official Node client (@hubspot/api-client) against the Sandbox CRM, unchanged but for
// basePath: create, batch-upsert (contacts by email, companies by a hasUniqueValue property),
// search, associate, page, lists, and a HubSpot-shaped error.
//
//   npm ci            (once, in this folder)
//   node check-hubspot-client.mjs path/to/syncdesk-sandbox
//
// Exit codes: 0 passed, 1 failed, 77 skipped (node_modules missing), as ctest expects.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
let hubspot;
try {
  hubspot = require('@hubspot/api-client');
} catch {
  console.log('SKIPPED: @hubspot/api-client is not installed; run "npm ci" in tests/sandbox/node first.');
  process.exit(77);
}

const exe = process.argv[2];
if (!exe) {
  console.error('usage: node check-hubspot-client.mjs path/to/syncdesk-sandbox');
  process.exit(2);
}

// Start the sandbox on a free port with a small search index lag, and read its banner.
function startSandbox() {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, ['--port', '0', '--index-lag-ms', '200-400', '--random-seed', '7'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no banner from ${exe}: ${out}`)), 10000);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`sandbox exited early with ${code}: ${out}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      const token = /Access token: (\S+)/.exec(out);
      const admin = /Admin token: (\S+)/.exec(out);
      if (url && token && admin) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, baseUrl: url[1], token: token[1], adminToken: admin[1] });
      }
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function searchUntil(api, request, wanted) {
  // Writes reach search after the index lag: poll, as a real integration must.
  for (let attempt = 0; attempt < 40; attempt++) {
    const page = await api.doSearch(request);
    if (page.total >= wanted) return page;
    await sleep(100);
  }
  throw new Error(`search never returned ${wanted} results`);
}

async function main() {
  const sandbox = await startSandbox();
  const steps = [];
  const step = (name) => { steps.push(name); console.log(`- ${name}`); };
  try {
    // numberOfApiCallRetries: the client's own retry recognises HubSpot's 429 bodies (search allows
    // 5 requests a second, and paging quickly trips it, as it would against HubSpot).
    const client = new hubspot.Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl, numberOfApiCallRetries: 3 });

    step('create a unique company property (hasUniqueValue)');
    const property = await client.crm.properties.coreApi.create('companies', {
      name: 'external_id', label: 'External ID', type: 'string', fieldType: 'text',
      groupName: 'companyinformation', hasUniqueValue: true,
    });
    assert.equal(property.name, 'external_id');
    assert.equal(property.hasUniqueValue, true);

    step('create a company');
    const solo = await client.crm.companies.basicApi.create({
      properties: { name: 'Solo Ltd', domain: 'solo.example' }, associations: [],
    });
    assert.match(solo.id, /^\d+$/);
    assert.equal(solo.properties.name, 'Solo Ltd');
    assert.ok(solo.createdAt instanceof Date);

    step('batch-upsert 30 companies by external_id (all new), then again (all updates)');
    const companyInputs = Array.from({ length: 30 }, (_, i) => ({
      id: `EXT-${i}`, idProperty: 'external_id',
      properties: { name: `Company ${i}`, domain: `c${i}.example`, numberofemployees: String(10 * i) },
    }));
    let upserted = await client.crm.companies.batchApi.upsert({ inputs: companyInputs });
    assert.equal(upserted.status, 'COMPLETE');
    assert.equal(upserted.results.length, 30);
    assert.ok(upserted.results.every((r) => r._new === true || r['new'] === true));
    const idByExternal = new Map(upserted.results.map((r) => [r.properties.external_id, r.id]));
    upserted = await client.crm.companies.batchApi.upsert({
      inputs: companyInputs.map((c) => ({ ...c, properties: { ...c.properties, city: 'Lyon' } })),
    });
    assert.ok(upserted.results.every((r) => (r._new ?? r['new']) === false));
    assert.ok(upserted.results.every((r) => idByExternal.get(r.properties.external_id) === r.id));

    step('batch-upsert 20 contacts by email');
    const contactInputs = Array.from({ length: 20 }, (_, i) => ({
      id: `Person${i}@C${i}.example`, idProperty: 'email',
      properties: { firstname: `Person${i}`, lastname: 'Test' },
    }));
    const contacts = await client.crm.contacts.batchApi.upsert({ inputs: contactInputs });
    assert.equal(contacts.results.length, 20);
    const contactByEmail = new Map(contacts.results.map((r) => [r.properties.email, r.id]));
    assert.ok(contactByEmail.has('person3@c3.example'), 'emails are stored in lower case');

    step('search companies (after the index lag) with a filter, a sort and paging');
    const request = {
      filterGroups: [{ filters: [{ propertyName: 'numberofemployees', operator: 'GTE', value: '100' }] }],
      sorts: [{ propertyName: 'numberofemployees', direction: 'DESCENDING' }],
      properties: ['name', 'numberofemployees', 'external_id'], limit: 7, after: '0',
    };
    let page = await searchUntil(client.crm.companies.searchApi, request, 20);
    assert.equal(page.total, 20);
    const found = [...page.results];
    while (page.paging?.next?.after) {
      page = await client.crm.companies.searchApi.doSearch({ ...request, after: page.paging.next.after });
      found.push(...page.results);
    }
    assert.equal(found.length, 20);
    assert.equal(found[0].properties.name, 'Company 29');
    assert.equal(found[19].properties.name, 'Company 10');

    step('search contacts by email');
    const byEmail = await searchUntil(client.crm.contacts.searchApi, {
      filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'person5@c5.example' }] }],
      properties: ['email'], limit: 10, after: '0', sorts: [],
    }, 1);
    assert.equal(byEmail.results[0].id, contactByEmail.get('person5@c5.example'));

    step('associate a contact with its company (default), then 19 more in one batch');
    const assoc = await client.crm.associations.v4.basicApi.createDefault(
      'contacts', contactByEmail.get('person0@c0.example'), 'companies', idByExternal.get('EXT-0'));
    assert.equal(assoc.status, 'COMPLETE');
    const batch = await client.crm.associations.v4.batchApi.createDefault('contacts', 'companies', {
      inputs: Array.from({ length: 19 }, (_, k) => ({
        _from: { id: contactByEmail.get(`person${k + 1}@c${k + 1}.example`) },
        to: { id: idByExternal.get(`EXT-${k + 1}`) },
      })),
    });
    assert.equal(batch.results.length, 38, 'each pair comes back in both directions');
    const linked = await client.crm.associations.v4.basicApi.getPage('companies', idByExternal.get('EXT-7'), 'contacts');
    assert.equal(linked.results.length, 1);
    assert.equal(String(linked.results[0].toObjectId), contactByEmail.get('person7@c7.example'));
    assert.equal(linked.results[0].associationTypes[0].typeId, 280);

    step('page through all companies and contacts with getAll (limit 10, after)');
    const allCompanies = await client.crm.companies.getAll(10, undefined, ['external_id']);
    assert.equal(allCompanies.length, 31);
    assert.equal(new Set(allCompanies.map((c) => c.id)).size, 31);
    const allContacts = await client.crm.contacts.getAll(10);
    assert.equal(allContacts.length, 20);

    step('read a contact by email (idProperty) with its associations');
    const one = await client.crm.contacts.basicApi.getById('person7@c7.example', ['email'], undefined, ['companies'],
      false, 'email');
    assert.equal(one.id, contactByEmail.get('person7@c7.example'));
    assert.equal(one.associations.companies.results[0].id, idByExternal.get('EXT-7'));

    step('create a MANUAL list and add members');
    const list = await client.crm.lists.listsApi.create({ name: 'Node check', objectTypeId: '0-1', processingType: 'MANUAL' });
    const added = await client.crm.lists.membershipsApi.add(list.list.listId, [...contactByEmail.values()].slice(0, 5));
    assert.equal(added.recordsIdsAdded.length, 5);

    step('a duplicate contact fails with HubSpot\'s 409 body');
    await assert.rejects(
      client.crm.contacts.basicApi.create({ properties: { email: 'person1@c1.example' }, associations: [] }),
      (e) => e.code === 409 && e.body.category === 'CONFLICT' && /Existing ID: \d+/.test(e.body.message),
    );

    step('the request log counts the calls per endpoint');
    const log = await (await fetch(`${sandbox.baseUrl}/_sandbox/log?limit=0`, {
      headers: { Authorization: `Bearer ${sandbox.adminToken}` },
    })).json();
    assert.equal(log.counts['POST /crm/v3/objects/companies/batch/upsert'], 2);
    assert.equal(log.counts['POST /crm/v3/objects/contacts/batch/upsert'], 1);
    assert.equal(log.counts['POST /crm/v4/associations/contacts/companies/batch/associate/default'], 1);
    assert.equal(log.counts['GET /crm/v3/objects/companies'], 4);

    const searches = log.countsByStatus['POST /crm/v3/objects/companies/search'];
    console.log(`  company searches by status: ${JSON.stringify(searches)}`);
    console.log(`PASSED: ${steps.length} steps with @hubspot/api-client against ${sandbox.baseUrl}`);
  } finally {
    sandbox.child.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error('FAILED:', error?.stack ?? error);
  if (error?.body) console.error('body:', JSON.stringify(error.body));
  process.exit(1);
});
