import { Pool } from 'pg';
import {
  consumeNonce,
  findDecisionKey,
  registerDecisionKey,
  revokeDecisionKey,
} from '../../activities/decisions/registry';
import { generateSigningKey } from '../../activities/decisions/signing';
import { stackEnv } from '../support/temporal';

/** The key registry in real PostgreSQL: what the application's own role can and cannot do to it. */
let owner: Pool;
let app: Pool | null;
beforeAll(() => {
  owner = new Pool({ connectionString: stackEnv().databaseUrl, max: 2 });
  app = process.env.DATABASE_APP_URL ? new Pool({ connectionString: process.env.DATABASE_APP_URL, max: 2 }) : null;
});
afterAll(async () => {
  await owner.end();
  await app?.end();
});

describe('decision keys in PostgreSQL', () => {
  it('registers a key under an id derived from it, and revokes it', async () => {
    const key = generateSigningKey();
    const id = await registerDecisionKey(owner, {
      identity: 'eng.registry',
      role: 'oncall',
      publicKeyBase64: key.publicKeyBase64,
      registeredBy: 'test',
    });
    expect(id).toBe(key.keyId);
    await expect(
      registerDecisionKey(owner, {
        identity: 'eng.other',
        role: 'oncall',
        publicKeyBase64: key.publicKeyBase64,
        registeredBy: 'test',
      }),
    ).rejects.toThrow(/already registered to oncall:eng.registry/);
    expect(await revokeDecisionKey(owner, id)).toBe(true);
    expect((await findDecisionKey(owner, id))?.revokedAt).toBeInstanceOf(Date);
  });

  it('treats a nonce as used once: a retry of the same verification passes, any other use is a replay', async () => {
    const nonce = `n-${Date.now()}-abcdefghijkl`;
    const use = { nonce, keyId: 'k', workflowId: 'wf' };
    expect(await consumeNonce(owner, { ...use, usedBy: 'wf/run/1' })).toBe(true);
    expect(await consumeNonce(owner, { ...use, usedBy: 'wf/run/1' })).toBe(true);
    expect(await consumeNonce(owner, { ...use, usedBy: 'wf/run/2' })).toBe(false);
  });

  it("refuses the application's role any change to who may decide, and any forgetting of a used nonce", async () => {
    if (!app) throw new Error('this stack has no application login (DATABASE_APP_URL)');
    const key = generateSigningKey();
    await expect(
      registerDecisionKey(app, {
        identity: 'eng.mallory',
        role: 'oncall',
        publicKeyBase64: key.publicKeyBase64,
        registeredBy: 'worker',
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(app.query('UPDATE decision_keys SET revoked_at = NULL')).rejects.toThrow(/permission denied/);
    await expect(app.query('DELETE FROM decision_keys')).rejects.toThrow(/permission denied/);
    await expect(app.query('DELETE FROM decision_nonces')).rejects.toThrow(/permission denied/);
    expect((await app.query('SELECT count(*) FROM decision_keys')).rowCount).toBe(1);
  });
});
