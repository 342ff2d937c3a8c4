import assert from 'node:assert/strict';
import { it } from 'node:test';

/** What a proof's name starts with; the traceability check reads `proof: <item>: <title>` from the TAP output. */
export const PROOF_PREFIX = 'proof: ';

export type Assert = typeof assert;

/** node:assert, counting every call that returned (a failing one throws and fails the test anyway). */
function counting(onAssertion: () => void): Assert {
  const count = <F extends (...args: never[]) => unknown>(fn: F) =>
    ((...args: Parameters<F>) => {
      const result = fn(...args);
      onAssertion();
      return result;
    }) as F;
  return new Proxy(assert, {
    apply: (target, thisArg, args: Parameters<Assert>) =>
      count((...a: Parameters<Assert>) => Reflect.apply(target, thisArg, a))(...args),
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? count(value.bind(target) as (...args: never[]) => unknown) : value;
    },
  });
}

/**
 * A node:test test that proves an article item (`rule-exactly-once`, …), as `proof()` does in the
 * browser suite: named `proof: <item>: <title>`, and failing when its body made no assertion, so
 * that a proof can never pass by proving nothing. Assert through the `check` it is given.
 */
export function proofIt(id: string, title: string, body: (check: Assert) => Promise<void>): void {
  void it(`${PROOF_PREFIX}${id}: ${title}`, async () => {
    let assertions = 0;
    await body(counting(() => (assertions += 1)));
    assert.ok(assertions > 0, `proves nothing: no assertion about ${id} passed`);
  });
}
