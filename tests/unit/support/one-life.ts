import { Dispatcher } from '../../../electron/core/dispatcher';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api';
import { TEST_KDF } from '../../../scripts/fixtures/core';

// The start of a crash test's scenario (one life of the app, run by ./killed-lives): its orders from
// the command line, a real core on the data folder they name, and `must`, which calls it and, on any
// failure, says FAILED with the error and exits, so the test fails with the reason rather than
// counting a kill.

export function oneLife<Orders extends { dataDir: string; fontsDir: string }>(): {
  orders: Orders;
  must: <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutput<M>>;
} {
  const orders = JSON.parse(process.argv[2] ?? '{}') as Orders;
  const core = new Dispatcher({ dataDir: orders.dataDir, fontsDir: orders.fontsDir, kdfCost: TEST_KDF });
  async function must<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const result = await core.callMethod(method, input);
    if (!result.ok) {
      process.stdout.write(`FAILED ${method} ${result.error.code} ${result.error.message}\n`);
      process.exit(2);
    }
    return result.value;
  }
  return { orders, must };
}
