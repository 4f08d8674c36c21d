// Small assertions over the API shared by the integration tests.
import type { Client } from '../../main/common/api/client';
import type { ApiError } from '../../main/common/api/errors';

/** The error a call fails with; a call that succeeds fails the test. */
export const rejection = (p: Promise<unknown>): Promise<ApiError> =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: ApiError) => e,
  );

/** A product's balance at a location, zero when it never had one. */
export async function balance(client: Client, productId: string, locationId: string): Promise<{ onHand: number; value: number }> {
  const rows = (await client.call('stock.balances', { productId, locationId, nonZero: false })).rows;
  return { onHand: rows[0]?.onHand ?? 0, value: rows[0]?.value ?? 0 };
}
