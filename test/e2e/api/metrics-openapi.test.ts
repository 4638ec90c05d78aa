import { accessTable, undocumentedRoutes } from '../../../client/api/roles';
import { uniqueTicketId } from '../support';
import { apiTestBed, type ApiTestBed } from './support';

let bed: ApiTestBed;
beforeAll(async () => {
  bed = await apiTestBed();
});
afterAll(() => bed.close());

const sample = (text: string, name: string, labels: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.split(' ').pop()) : 0;
};

describe('/metrics', () => {
  it('needs a key, and exposes the switchboard_* figures, which move with requests', async () => {
    expect((await bed.call('GET', '/metrics')).statusCode).toBe(401);
    const before = (await bed.call('GET', '/metrics', { as: 'analyst' })).body;
    const ticketId = uniqueTicketId('MET');
    const started = await bed.call('POST', '/tickets', {
      as: 'service',
      body: { ticketId, accountId: 'ACC-1003', channel: 'email', message: 'Can I export my usage history to CSV?' },
    });
    expect(started.statusCode).toBe(202);
    await bed.connection.client.workflow.getHandle(`ticket-${ticketId}`).result();

    const response = await bed.call('GET', '/metrics', { as: 'service' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const after = response.body;
    for (const name of [
      'switchboard_http_request_duration_seconds_bucket',
      'switchboard_workflows_started_total',
      'switchboard_model_cost_usd',
      'switchboard_model_calls',
      'switchboard_decisions_total',
      'switchboard_ticket_routes',
      'switchboard_escalations',
      'switchboard_ticket_feedback',
    ]) {
      expect(after).toContain(name);
    }
    expect(sample(after, 'switchboard_workflows_started_total', 'use_case="ticket"')).toBe(
      sample(before, 'switchboard_workflows_started_total', 'use_case="ticket"') + 1,
    );
    const posts = 'method="POST",route="/tickets",status="202"';
    expect(sample(after, 'switchboard_http_request_duration_seconds_count', posts)).toBe(1);
    // The offline engine is free, so spend stays put; the calls behind it must have moved.
    expect(after).toMatch(/^switchboard_model_cost_usd\{use_case="ticket"\} \d/m);
    expect(sample(after, 'switchboard_model_calls', 'use_case="ticket"')).toBeGreaterThanOrEqual(
      sample(before, 'switchboard_model_calls', 'use_case="ticket"') + 2,
    );
    expect(after).not.toMatch(/switchboard_metrics_scrape_errors_total\{/);
  });
});

describe('/openapi.json', () => {
  it('lists every path and method of the access table, with bearer auth and the role of each', async () => {
    const response = await bed.call('GET', '/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const key of Object.keys(accessTable)) {
      if ((undocumentedRoutes as string[]).includes(key)) continue;
      const [method, template] = key.split(' ') as [string, string];
      const operation = document.paths[template.replace(/:([a-z]+)/gi, '{$1}')]?.[method.toLowerCase()];
      expect([key, operation?.description]).toEqual([key, expect.stringMatching(/Roles: |Public|Any valid API key/)]);
    }
    expect(document.info.description).toContain('| POST /faults/:id/approval |');
    const ticketBody = document.paths['/tickets'].post.requestBody.content['application/json'].schema;
    expect(ticketBody.required).toEqual(expect.arrayContaining(['ticketId', 'accountId', 'channel', 'message']));
    expect(ticketBody.additionalProperties).toBe(false);
  });

  it('has a browsable page at /docs, without a key, over the same document', async () => {
    const page = await bed.call('GET', '/docs');
    expect([page.statusCode, page.headers['content-type']]).toEqual([200, expect.stringMatching(/^text\/html/)]);
    expect(page.body).toContain("url: '/openapi.json'");
    for (const asset of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css']) {
      const served = await bed.call('GET', asset);
      expect([asset, served.statusCode, served.body.length > 1000]).toEqual([asset, 200, true]);
    }
    expect((await bed.call('GET', '/docs/package.json')).statusCode).toBe(404);
    expect((await bed.call('GET', '/docs/..%2Fpackage.json')).statusCode).toBe(404);
  });

  it('answers the probes', async () => {
    expect((await bed.call('GET', '/healthz')).json()).toEqual({ ok: true });
    expect((await bed.call('GET', '/readyz')).json()).toEqual({ ok: true });
  });
});
