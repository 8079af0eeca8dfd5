/**
 * The error `coupon-rules/testing` throws when fast-check is not installed: the CLI's advice, with the
 * module loader's own error as its cause and its code kept, so that tooling which looks for
 * `ERR_MODULE_NOT_FOUND` still finds it.
 */
export function missingFastCheck(cause: unknown): Error {
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  return Object.assign(
    new Error(`coupon-rules/testing needs fast-check, an optional peer dependency: npm install --save-dev fast-check (${why ?? ''})`, { cause }),
    { code: code ?? 'ERR_MODULE_NOT_FOUND' },
  );
}
