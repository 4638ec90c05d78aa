import Anthropic from '@anthropic-ai/sdk';
import { InvokeModelCommand, ValidationException } from '@aws-sdk/client-bedrock-runtime';
import { extractIncidentRequest } from '../../../activities/compliance/extract-request';
import { diagnoseRequest } from '../../../activities/fault/diagnose-request';
import { summariseRequest } from '../../../activities/fraud/summarise-request';
import { classifyRequest, draftRequest } from '../../../activities/ticket/model-tasks';
import { startAnthropicEmulator, startBedrockEmulator } from '../../../tooling/emulators';
import { anthropicClientFor, bedrockClientFor, caught } from '../../../tooling/emulators/sdk-clients';
import { strictSchemaProblem } from '../../../tooling/emulators/strict-schema';
import { loadPromptSet } from '../../../workers/model-deps';
import { creditPolicy, duplicateChargeAccount, duplicatePassage } from '../guardrails/fixtures';
import { bodyOf } from '../requests/build';
import { emulatorPerTest } from './emulator-per-test';

const MODEL = 'claude-haiku-4-5-20251001';
const closed = { type: 'object', properties: { intent: { type: 'string', enum: ['billing', 'outage'] } } };
const strictTool = (input_schema: object) => ({
  model: MODEL,
  max_tokens: 256,
  tools: [{ name: 'classify', description: 'Classify', input_schema, strict: true }],
  tool_choice: { type: 'tool', name: 'classify' },
  messages: [{ role: 'user', content: 'My bill is wrong' }],
});

const sampleClassification = {
  reason: 'x',
  intent: 'duplicate_charge',
  secondaryIntent: null,
  department: 'BILLING' as const,
  confidence: 0.9,
  needsClarification: false,
};

describe('strict schemas the API would refuse', () => {
  it('names the first problem: open objects, lengths, ranges, patterns, unknown required, minItems > 1', () => {
    expect(strictSchemaProblem(closed, '$')).toMatch(/'additionalProperties' must be explicitly set to false/);
    const ok = { ...closed, additionalProperties: false, required: ['intent'] };
    expect(strictSchemaProblem(ok, '$')).toBeUndefined();
    const nested = (child: object) => ({ ...ok, properties: { intent: child } });
    expect(strictSchemaProblem(nested({ type: 'string', maxLength: 9 }), '$')).toMatch(/intent: 'maxLength'/);
    expect(strictSchemaProblem(nested({ type: 'number', minimum: 0 }), '$')).toMatch(/'minimum' is not supported/);
    expect(strictSchemaProblem(nested({ type: 'string', pattern: 'x' }), '$')).toMatch(/'pattern'/);
    expect(strictSchemaProblem(nested({ type: 'array', items: { type: 'string' }, minItems: 2 }), '$')).toMatch(
      /minItems: only 0 or 1/,
    );
    expect(strictSchemaProblem({ ...ok, required: ['intent', 'ghost'] }, '$')).toMatch(/'ghost' is not a declared/);
    expect(strictSchemaProblem(nested({ type: 'object', properties: {} }), '$')).toMatch(/properties\.intent: for/);
  });

  it("accepts every strict request body Switchboard sends (the SDK's strict dialect)", () => {
    const { taxonomy, prompts } = loadPromptSet();
    const classification = classifyRequest(prompts.classify, taxonomy, ['charged twice']);
    const draft = draftRequest(
      {
        conversation: ['charged twice'],
        classification: sampleClassification,
        account: duplicateChargeAccount,
        passages: [duplicatePassage],
        creditPolicy,
      },
      prompts.draft,
    );
    const incident = { id: 'I', openedAt: '2025-01-01T00:00:00Z', description: 'x', notifications: [] };
    const extract = extractIncidentRequest(prompts.extractIncident, {
      ...incident,
      incidentType: null,
      customersAffected: null,
    });
    const fraud = summariseRequest(prompts.summariseFraud, {
      accountId: 'F-1',
      patterns: ['sim_swap'],
      evidence: {},
      planType: 'prepaid',
    } as never);
    const device = { id: 'd', site: 'S', timeZone: 'Australia/Sydney', team: 't', vendor: 'v', firmware: 'f' };
    const alert = { alertId: 'A', deviceId: 'd', alertType: 'bgp_flapping', detectedAt: '2026-01-01T00:00:00Z' };
    const fault = diagnoseRequest(prompts.diagnose, {
      device: { ...device, role: 'pe' },
      alert: { ...alert, summary: 's' },
      syslog: [],
      metrics: [],
      recentChanges: [],
      bgp: [],
      interfaces: [],
    } as never);
    for (const request of [classification, draft, extract, fraud, fault]) {
      for (const model of [MODEL, 'claude-sonnet-5-5']) {
        const body = bodyOf(request as never, model) as { tools?: Array<{ input_schema: unknown }> };
        const schema =
          body.tools?.[0]?.input_schema ??
          (body as unknown as { output_config: { format: { schema: unknown } } }).output_config.format.schema;
        expect([request.task, model, strictSchemaProblem(schema, '$')]).toEqual([request.task, model, undefined]);
      }
    }
  });
});

describe('Anthropic emulator and strict outputs', () => {
  const sdk = emulatorPerTest(() => startAnthropicEmulator({ strictAnswers: true }), anthropicClientFor);
  const create = (params: object) => sdk.client.messages.create(params as never);

  it('answers 400 to a strict tool whose schema is not closed, and to an unsupported keyword in output_config', async () => {
    const open = await caught(create(strictTool(closed)));
    expect(open).toBeInstanceOf(Anthropic.BadRequestError);
    expect(open).toMatchObject({ status: 400, type: 'invalid_request_error' });
    expect((open as Error).message).toMatch(/tools\.0\.custom\.input_schema: for 'object' type/);
    const { tools: _t, tool_choice: _c, ...plain } = strictTool(closed);
    const schema = { type: 'object', additionalProperties: false, properties: { n: { type: 'integer', maximum: 3 } } };
    const ranged = await caught(create({ ...plain, output_config: { format: { type: 'json_schema', schema } } }));
    expect((ranged as Error).message).toMatch(/output_config\.format\.schema\.properties\.n: 'maximum'/);
    expect(sdk.emulator.requests).toHaveLength(2);
  });

  it('takes the same schema without strict, as the API does (it is only a hint then)', async () => {
    const { tools, ...rest } = strictTool(closed);
    sdk.emulator.enqueue({ kind: 'reply', toolInput: { intent: 'invented' } });
    const loose = await create({ ...rest, tools: [{ ...tools[0], strict: false }] });
    expect(loose.content[0]).toMatchObject({ type: 'tool_use', input: { intent: 'invented' } });
  });

  it('serves an answer that fits a strict schema, and refuses to fake one that does not', async () => {
    const params = strictTool({ ...closed, additionalProperties: false, required: ['intent'] });
    sdk.emulator.enqueue(
      { kind: 'reply', toolInput: { intent: 'billing' } },
      { kind: 'reply', toolInput: { intent: 'invented' } },
      { kind: 'reply', rawToolInput: '{"intent": "bill' },
      { kind: 'reply', toolInput: { intent: 'billing' }, stopReason: 'max_tokens' },
    );
    expect((await create(params)).content[0]).toMatchObject({ input: { intent: 'billing' } });
    expect((await caught(create(params))) as Error).toMatchObject({ status: 500 });
    expect(((await caught(create(params))) as Error).message).toMatch(/cannot return unparseable output/);
    // Constrained decoding cannot stop a max_tokens cut: that one still comes back, short.
    expect((await create(params)).stop_reason).toBe('max_tokens');
  });
});

describe('Bedrock emulator and strict outputs', () => {
  const sdk = emulatorPerTest(
    () => startBedrockEmulator({ strictAnswers: true }),
    bedrockClientFor,
    (client) => client.destroy(),
  );

  it('answers ValidationException to a strict tool the API would not compile, and serves a fitting one', async () => {
    const invoke = (schema: object) => {
      const { model: _model, ...body } = strictTool(schema);
      return sdk.client.send(
        new InvokeModelCommand({
          modelId: 'au.anthropic.claude-sonnet-5-5',
          contentType: 'application/json',
          body: JSON.stringify({ ...body, anthropic_version: 'bedrock-2023-05-31' }),
        }),
      );
    };
    const refused = await caught(invoke(closed));
    expect(refused).toBeInstanceOf(ValidationException);
    expect((refused as Error).message).toMatch(/additionalProperties/);
    sdk.emulator.enqueue({ kind: 'reply', toolInput: { intent: 'outage' } });
    const served = await invoke({ ...closed, additionalProperties: false });
    const message = JSON.parse(new TextDecoder().decode(served.body));
    expect(message.content[0]).toMatchObject({ type: 'tool_use', input: { intent: 'outage' } });
  });
});
