import { runAcmaReport } from '../../../client/cli/commands/reports';
import { ExitCode } from '../../../client/cli/exit-codes';
import { fakeApi, testContext, testIo } from './fake-api';

describe('reports run-acma', () => {
  it('asks the API to run the month as of the given date and names the run', async () => {
    const api = await fakeApi({
      'POST /reports/acma/2026-10/runs': () => ({
        status: 202,
        json: { workflowId: 'acma-report-2026-10-manual-as-of-2026-11-15', started: true },
      }),
    });
    try {
      const t = testIo();
      expect(await runAcmaReport(testContext(api.url, t.io), '2026-10', { asOf: '2026-11-15' })).toBe(ExitCode.ok);
      expect(api.requests[0]!.body).toEqual({ asOf: '2026-11-15' });
      expect(t.stdout()).toBe('Started acma-report-2026-10-manual-as-of-2026-11-15.\n');
    } finally {
      await api.close();
    }
  });

  it('refuses a malformed month or date before calling the API', async () => {
    const ctx = testContext('http://127.0.0.1:9', testIo().io);
    await expect(runAcmaReport(ctx, '2026-13', {})).rejects.toMatchObject({ exitCode: ExitCode.usage });
    await expect(runAcmaReport(ctx, '2026-10', { asOf: '15/11/2026' })).rejects.toMatchObject({
      exitCode: ExitCode.usage,
    });
  });
});
