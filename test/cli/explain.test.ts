import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/cli/explain.js';
import { answerWireRequest } from '../../src/index.js';
import { WIRE_REQUEST_OPS, wireRequestArb } from '../../src/testing/index.js';
import { FULL_REQUESTS } from '../contract/full-requests.js';

// `coupon-rules explain`: a breakdown of every op's answer. The content is checked in-process through
// explainText (what the command prints); the command itself — files, stdin, exit codes, TZ — is spawned.

const EXAMPLES = {
  quote: 'examples/tiered-parts-order.json',
  'coupon-issue-check': 'examples/coupon-issue-check.json',
  'coupon-state': 'examples/coupon-state.json',
  'coupon-choices': 'examples/coupon-choices.json',
  'dispute-state': 'examples/dispute-state.json',
  'outage-plan': 'examples/outage-plan.json',
} as const;

const read = (file: string) => readFileSync(file, 'utf8');

async function explain(request: unknown, json = false) {
  return explainText('explain', typeof request === 'string' ? request : JSON.stringify(request), 'request.json', json);
}

/** The breakdown of a request that must be answered ok. */
async function breakdown(request: unknown): Promise<string> {
  const out = await explain(request);
  expect(out.stderr).toBe('');
  expect(out.exitCode).toBe(0);
  return out.stdout;
}

const lines = (text: string) => text.split('\n').map((l) => l.trimEnd());

/** The violations the library finds for an issue-check request. */
function violations(text: string): readonly { readonly code: string; readonly message: string }[] {
  const answer = answerWireRequest(JSON.parse(text));
  return answer.ok ? (answer.result as { violations: { code: string; message: string }[] }).violations : [];
}

/** The CLI from sources, run in parallel with others (`input` on its stdin): stdout, stderr and the exit code. */
function cli(args: readonly string[], options: { readonly env?: Readonly<Record<string, string>>; readonly input?: string } = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

describe('coupon-rules explain: a breakdown of every op', () => {
  it('quote: the quote breakdown, the same as `quote` prints', async () => {
    const text = await breakdown(read(EXAMPLES.quote));
    expect(text).toContain('Applied percent            20% (tier 2: from 50.00)');
    expect(text).toContain('Coupon credit              12.00 (capped; uncapped 12.70)');
    expect(text).toMatch(/L3 .*— \(on sale\)/);
    expect((await explainText('quote', read(EXAMPLES.quote), EXAMPLES.quote, false)).stdout).toBe(text);
    // Without an op a request is a quote, as `quote` reads it.
    const { op: _op, ...noOp } = FULL_REQUESTS.quote;
    expect(await breakdown(noOp)).toBe(await breakdown(FULL_REQUESTS.quote));
  });

  it('coupon-state: status, expiry in the store zone and UTC, the timeline with each verdict, the actions allowed now', async () => {
    const text = lines(await breakdown(read(EXAMPLES['coupon-state'])));
    expect(text).toEqual(
      expect.arrayContaining([
        "Times in the store's zone Europe/Berlin, UTC in brackets",
        'Viewed at Tue 2026-12-22 09:00 +01:00 [2026-12-22T08:00:00.000Z]',
        'Status:  expired: validity ended Mon 2026-12-21 00:00 +01:00 [2026-12-20T23:00:00.000Z]',
        'Terms:   percentage off order total: 15% off; maximum discount 20.00',
        'Expires: 2026-12-20 (Europe/Berlin), valid through the end of that local day',
        '         validity ends Mon 2026-12-21 00:00 +01:00 [2026-12-20T23:00:00.000Z]',
        '  as issued: open, expires 2026-12-15 (validity ends Wed 2026-12-16 00:00 +01:00 [2026-12-15T23:00:00.000Z])',
        '  Tue 2026-12-01 10:00 +01:00 [2026-12-01T09:00:00.000Z]  edited: terms percentage off order total: 15% off; maximum discount 20.00; expiration 2026-12-20',
        '      verdict: allowed → open, expires 2026-12-20',
        '  Wed 2026-12-23 11:00 +01:00 [2026-12-23T10:00:00.000Z]  deleted by the seller',
        '      verdict: not applied: after the instant viewed',
        '  edit     no: COUPON_EXPIRED (the coupon has expired)',
        '  delete   yes',
      ]),
    );
    // The expiry happened between the edit and the deletion: the timeline says so in its place.
    const expired = text.indexOf('  Mon 2026-12-21 00:00 +01:00 [2026-12-20T23:00:00.000Z]  validity ended: expired');
    expect(expired).toBeGreaterThan(text.indexOf('      verdict: allowed → open, expires 2026-12-20'));
    expect(expired).toBeLessThan(text.indexOf('  Wed 2026-12-23 11:00 +01:00 [2026-12-23T10:00:00.000Z]  deleted by the seller'));
  });

  it('coupon-state: remedy events, a redemption as of its attempt, and the record’s answered incidents', async () => {
    const text = lines(await breakdown(FULL_REQUESTS['coupon-state']));
    expect(text).toEqual(
      expect.arrayContaining([
        'Status:  redeemed on order o1 at Thu 2026-12-03 10:30 +01:00 [2026-12-03T09:30:00.000Z]',
        'Terms:   fixed amount off order total, 5.00',
        '         validity ends Mon 2026-12-28 00:00 +01:00 [2026-12-27T23:00:00.000Z]',
        'Outage incidents already answered: i0',
        '  Thu 2026-12-03 11:00 +01:00 [2026-12-03T10:00:00.000Z]  extended to 2026-12-27 (outage remedy for i1)',
        '      verdict: allowed → open, expires 2026-12-27',
        '  Fri 2026-12-04 11:00 +01:00 [2026-12-04T10:00:00.000Z]  honored on order o1, attempted Thu 2026-12-03 10:30 +01:00 [2026-12-03T09:30:00.000Z] (outage remedy for i1)',
        '      verdict: allowed → redeemed on order o1',
        '  redeem   no: COUPON_REDEEMED (the coupon has been redeemed)',
      ]),
    );
  });

  it('coupon-issue-check: the store’s today, the expiration window, and each violation in words', async () => {
    const text = lines(await breakdown(read(EXAMPLES['coupon-issue-check'])));
    expect(text).toEqual(
      expect.arrayContaining([
        // 16:00 UTC on 22 November is already the 23rd in Tokyo.
        'At Mon 2026-11-23 01:00 +09:00 [2026-11-22T16:00:00.000Z]: today is 2026-11-23 in the store',
        'Recipient:  registered, e-mail not confirmed',
        'Expiration: 2027-11-24 (may be from 2026-11-23 to 2027-11-23)',
        '            the coupon would be valid through 2027-11-24, until Thu 2027-11-25 00:00 +09:00 [2027-11-24T15:00:00.000Z]',
        'Verdict: not allowed: 2 violations',
        // Each violation with the answer's own message.
        ...violations(read(EXAMPLES['coupon-issue-check'])).map(({ code, message }) => `  ${code.padEnd(27)}  ${message}`),
      ]),
    );
    expect(violations(read(EXAMPLES['coupon-issue-check'])).map((v) => v.code)).toEqual(['RECIPIENT_EMAIL_UNCONFIRMED', 'EXPIRATION_TOO_FAR']);
    expect(await breakdown(FULL_REQUESTS['coupon-issue-check'])).toContain('Verdict: allowed: the coupon may be given\n');
    const { expires: _e, ...noExpiry } = FULL_REQUESTS['coupon-issue-check'];
    const none = lines(await breakdown(noExpiry));
    expect(none).toEqual(expect.arrayContaining(['Expiration: none given', 'Verdict: not allowed: 1 violation']));
    expect(none).toContainEqual(expect.stringMatching(/^ {2}EXPIRATION_REQUIRED {2}\S/u));
  });

  it('coupon-choices: the prompt, each choice best first with its credit and expiry, and why the others are not offered', async () => {
    const text = lines(await breakdown(read(EXAMPLES['coupon-choices'])));
    expect(text).toEqual(
      expect.arrayContaining([
        'Checkout at 2026-12-01T10:00:00.000Z: buyer buyer-42 in store shop-7',
        'Prompt: choose: 2 coupons, the best first; or keep them for another order',
        '  1. c-2  credit 2.00 USD',
        '     valid until Fri 2027-01-01 00:00 -05:00 [2027-01-01T05:00:00.000Z] (America/New_York)',
        '     terms: percentage off order total: 10% off',
        '  2. c-1  credit 1.50 USD',
        '  c-3  from another store (shop-9)',
        '  c-4  declined by the buyer',
      ]),
    );
    const request = JSON.parse(read(EXAMPLES['coupon-choices'])) as { order: Record<string, unknown> };
    const taken = lines(await breakdown({ ...request, order: { ...request.order, hasCoupon: true } }));
    expect(taken).toEqual(
      expect.arrayContaining(['Prompt: none: the order already has a coupon (one per order)', '  c-1  open, but this order cannot take a coupon']),
    );
    expect(await breakdown(FULL_REQUESTS['coupon-choices'])).toContain('Prompt: offer: one coupon to apply, or keep for another order\n');
  });

  it('dispute-state: whose turn, time left from `at`, every deadline as a local date and an instant, the offers and what each party may do', async () => {
    const text = lines(await breakdown(read(EXAMPLES['dispute-state'])));
    expect(text).toEqual(
      expect.arrayContaining([
        "Times in the policy's zone Europe/Berlin, UTC in brackets",
        'Viewed at Fri 2026-12-04 10:00 +01:00 [2026-12-04T09:00:00.000Z]',
        'Status:     awaiting-buyer',
        "Whose turn: the buyer's: to accept or decline the offer of 8.00",
        'Time left:  3d 14h 0m for the buyer, until Tue 2026-12-08 00:00 +01:00 [2026-12-07T23:00:00.000Z]',
        'Claim:      13.50 requested, refundable up to 13.50; the seller offers 8.00',
        '  Tue 2026-12-01 11:00 +01:00 [2026-12-01T10:00:00.000Z]  buyer opened the dispute: NOT_AS_DESCRIBED, asks 13.50 for L1 × 1; evidence photo-1; "wrong colour"',
        '      tell buyer and seller: opened (e0-buyer, e0-seller)',
        '  Wed 2026-12-02 16:30 +01:00 [2026-12-02T15:30:00.000Z]  seller offered 8.00 instead; evidence catalogue-page',
        '      tell buyer: offer-made (e1-buyer)',
        '  seller       Sun 2026-12-06  Mon 2026-12-07 00:00 +01:00 [2026-12-06T23:00:00.000Z]  in 2d 14h 0m',
        '  buyer        Mon 2026-12-07  Tue 2026-12-08 00:00 +01:00 [2026-12-07T23:00:00.000Z]  in 3d 14h 0m (running)',
        '  negotiation  Sun 2026-12-13  Mon 2026-12-14 00:00 +01:00 [2026-12-13T23:00:00.000Z]  in 9d 14h 0m',
        '  ruling       Wed 2026-12-16  Thu 2026-12-17 00:00 +01:00 [2026-12-16T23:00:00.000Z]  in 12d 14h 0m',
        '  Tue 2026-12-01 11:00 +01:00 [2026-12-01T10:00:00.000Z]  buyer   claim          13.50  superseded',
        '  Wed 2026-12-02 16:30 +01:00 [2026-12-02T15:30:00.000Z]  seller  counter-offer   8.00  pending',
        '  buyer     may change-claim, accept, decline, escalate',
        '            not cancel: SELLER_ALREADY_RESPONDED (the seller has already responded)',
        '  seller    nothing',
        '            not agree, counter, disagree, escalate: WRONG_TURN (it is not their turn)',
        '  platform  nothing',
      ]),
    );
  });

  it('dispute-state: a review begun by silence in its place on the timeline, events after `at` not applied, a closed dispute', async () => {
    const request = JSON.parse(read(EXAMPLES['dispute-state'])) as { events: unknown[]; at: string };
    // The buyer does not answer by the end of 7 December (Berlin); viewed on the 9th, with a ruling still to come.
    const silent = lines(
      await breakdown({ ...request, events: [...request.events, { type: 'ruled', at: '2026-12-10T10:00:00Z', amount: '9.00' }], at: '2026-12-09T12:00:00Z' }),
    );
    const review = silent.indexOf('  Tue 2026-12-08 00:00 +01:00 [2026-12-07T23:00:00.000Z]  under review: the buyer let their deadline pass');
    expect(review).toBeGreaterThan(silent.indexOf('      tell buyer: offer-made (e1-buyer)'));
    expect(silent[review + 1]).toBe('      tell buyer and seller: under-review (review-buyer, review-seller)');
    expect(silent).toEqual(
      expect.arrayContaining([
        'Status:     under review since Tue 2026-12-08 00:00 +01:00 [2026-12-07T23:00:00.000Z]',
        "Whose turn: the platform's: to rule",
        'Time left:  7d 11h 0m for the platform, until Thu 2026-12-17 00:00 +01:00 [2026-12-16T23:00:00.000Z]',
        '  buyer        Mon 2026-12-07  Tue 2026-12-08 00:00 +01:00 [2026-12-07T23:00:00.000Z]  passed 1d 13h 0m ago',
        '  Thu 2026-12-10 11:00 +01:00 [2026-12-10T10:00:00.000Z]  platform ruled a refund of 9.00',
        '      not applied: after the instant viewed',
        '  buyer     nothing',
        '            not change-claim, cancel, accept, decline, escalate: DEADLINE_PASSED (their deadline has passed)',
        '  platform  may rule',
      ]),
    );
    const closed = lines(await breakdown(FULL_REQUESTS['dispute-state']));
    expect(closed).toEqual(
      expect.arrayContaining([
        'Status:     resolved: refund 12.00 (ruled)',
        "Whose turn: no one's: the dispute is closed",
        'Time left:  none: no one is waited for',
        '  Fri 2026-12-04 11:00 +01:00 [2026-12-04T10:00:00.000Z]  platform  ruling         12.00  final',
        '            not rule: DISPUTE_CLOSED (the dispute is closed)',
      ]),
    );
    expect(closed.join('\n')).toContain('Policy: business days (weekend Sat, Sun; holidays 2026-12-25)');
  });

  it('dispute-state: the process limit, a half-hour zone, milliseconds, and an overdue ruling', async () => {
    const text = lines(
      await breakdown({
        op: 'dispute-state',
        policy: { timeZone: 'Asia/Kolkata', maxProcessDays: 4, platformReviewDays: 1 },
        order: {
          quote: { op: 'quote', currency: 'JPY', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '1000', quantity: 3 }] },
          shippedAt: '2026-11-20T09:00:00Z',
        },
        events: [
          { type: 'opened', at: '2026-12-01T10:00:00.123Z', reason: 'OTHER', amount: '500' },
          { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '600' },
        ],
        at: '2026-12-08T00:00:00Z',
      }),
    );
    expect(text).toEqual(
      expect.arrayContaining([
        'Viewed at Tue 2026-12-08 05:30 +05:30 [2026-12-08T00:00:00.000Z]',
        "Time left:  none: the platform's deadline passed 2d 5h 30m ago, at Sun 2026-12-06 00:00 +05:30 [2026-12-05T18:30:00.000Z]",
        'Overdue:    yes: the process took longer than the policy allows',
        '  Tue 2026-12-01 15:30:00.123 +05:30 [2026-12-01T10:00:00.123Z]  buyer opened the dispute: OTHER, asks 500',
        '  Sat 2026-12-05 00:00 +05:30 [2026-12-04T18:30:00.000Z]  under review: the time to negotiate ran out (process limit)',
        '  negotiation  Fri 2026-12-04  Sat 2026-12-05 00:00 +05:30 [2026-12-04T18:30:00.000Z]  passed 3d 5h 30m ago',
        '            not agree, counter, disagree, escalate: PROCESS_LIMIT_REACHED (the time to negotiate is over)',
      ]),
    );
  });

  it('outage-plan: the windows, the remedy of each coupon with its expiry where it is, compensation and the notices per buyer', async () => {
    const text = lines(await breakdown(read(EXAMPLES['outage-plan'])));
    const w = 'w-f3eaf40f811f88bbc313a24833369561';
    expect(text).toEqual(
      expect.arrayContaining([
        'Outage plan at 2026-12-02T08:00:00.000Z',
        `  W1  2026-12-01T22:30:00.000Z – 2026-12-02T01:30:00.000Z  3h 0m  incidents inc-1  ${w}`,
        `  c-1 (buyer buyer-42, store shop-7, Europe/Berlin): reissued as c-1~reissue~${w}, expires 2026-12-03, valid until Fri 2026-12-04 00:00 +01:00 [2026-12-03T23:00:00.000Z] (answers W1)`,
        '  c-2 (buyer buyer-42, store shop-7, Europe/Berlin): extended from 2026-12-02 to 2026-12-03, valid until Fri 2026-12-04 00:00 +01:00 [2026-12-03T23:00:00.000Z] (answers W1)',
        '  c-3 (buyer buyer-51, store shop-7, Europe/Berlin): none in this plan',
        '  c-4 (buyer buyer-51, store shop-7, Europe/Berlin): honored: redeemed on order o-9 with credit 2.00 (answers W1)',
        `  buyer buyer-51, store shop-7: new coupon compensation~shop-7~buyer-51~${w}, expires 2027-01-01, valid until Sat 2027-01-02 00:00 +01:00 [2027-01-01T23:00:00.000Z] (answers W1)`,
        '  buyer buyer-42 (loyalty member: sent first):',
        `    - coupon c-1 reissued as c-1~reissue~${w}, expires 2026-12-03, for W1`,
        '  buyer buyer-51:',
        '    - coupon c-4 honored on order o-9: credit 2.00, for W1',
      ]),
    );
  });

  it('outage-plan: consecutive windows a remedy answers are one range of labels', async () => {
    const coupon = { seller: 's1', recipient: 'b1', timeZone: 'UTC', terms: { type: 'fixed', amount: '1.00' }, events: [] };
    const text = await breakdown({
      op: 'outage-plan',
      at: '2026-12-03T00:00:00Z',
      incidents: [
        { id: 'a', start: '2026-12-01T01:00:00Z', end: '2026-12-01T02:00:00Z' },
        { id: 'b', start: '2026-12-01T03:00:00Z', end: '2026-12-01T04:00:00Z' },
        { id: 'c', start: '2026-12-01T05:00:00Z', end: '2026-12-01T06:00:00Z' },
      ],
      coupons: [{ ...coupon, id: 'c1', expires: '2026-12-01' }],
    });
    expect(text).toContain('  c1 (buyer b1, store s1, UTC): reissued as c1~reissue~');
    expect(text).toContain('(answers W1..W3)');
    expect(text).toMatch(/^ {2}W3 {2}2026-12-01T05:00:00\.000Z – 2026-12-01T06:00:00\.000Z {2}1h 0m {2}incidents c {2}w-/mu);
  });

  it('has a breakdown for every generated request of every op, and lists the errors of every refused one', async () => {
    for (const op of WIRE_REQUEST_OPS) {
      await fc.assert(
        fc.asyncProperty(wireRequestArb(op, { maxEvents: 6, maxCoupons: 4 }), async (request) => {
          const answer = answerWireRequest(request);
          const out = await explain(request);
          expect(out.exitCode).toBe(answer.ok ? 0 : 1);
          if (answer.ok) expect(out.stdout.length).toBeGreaterThan(0);
          else expect(out.stderr.split('\n')[0]).toMatch(/^[A-Z_]+( at .+)?: /u);
        }),
        { numRuns: 40 },
      );
    }
  });
});

describe('coupon-rules explain: the command', () => {
  it('prints the answer object with --json, equal to answerWireRequest’s', async () => {
    for (const file of Object.values(EXAMPLES)) {
      const out = await explainText('explain', read(file), file, true);
      expect(out.exitCode).toBe(0);
      expect(JSON.parse(out.stdout)).toEqual(answerWireRequest(JSON.parse(read(file))));
    }
  });

  it('on a refusal exits 1 with each error on stderr (and with --json the answer object on stdout)', async () => {
    const bad = { ...FULL_REQUESTS['coupon-state'], at: '2026-12-05 10:00' };
    const out = await explain(bad);
    expect(out).toEqual({ exitCode: 1, stdout: '', stderr: expect.stringMatching(/^INVALID_INSTANT at at: /u) as unknown });
    const json = await explain(bad, true);
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual(answerWireRequest(bad));
    expect((await explain('{"op":"refund"}')).stderr).toMatch(/^UNKNOWN_OP at op: /u);
    expect(await explain('nope')).toEqual({ exitCode: 1, stdout: '', stderr: expect.stringMatching(/^INVALID_JSON: request\.json is not JSON/u) as unknown });
  });

  it('reads stdin with -, and a missing file is one line on stderr with exit code 2', async () => {
    const [stdin, missing, usage] = await Promise.all([
      cli(['explain', '-'], { input: read(EXAMPLES['dispute-state']) }),
      cli(['explain', 'no-such-file.json']),
      cli(['explain']),
    ]);
    expect(stdin.status).toBe(0);
    expect(stdin.stdout).toBe((await explainText('explain', read(EXAMPLES['dispute-state']), '-', false)).stdout);
    expect(missing).toEqual({ status: 2, stdout: '', stderr: 'coupon-rules: cannot read no-such-file.json: no such file\n' });
    expect(usage.status).toBe(2);
    expect(usage.stderr.split('\n')[0]).toBe('coupon-rules explain: explain takes one FILE (or - for stdin)');
  });

  it('quote points a valid request of another op to explain, and still refuses an invalid one with its errors', async () => {
    const [pointed, refused, json] = await Promise.all([
      cli(['quote', EXAMPLES['coupon-state']]),
      cli(['quote', 'examples/does-not-exist.json']),
      cli(['quote', EXAMPLES['dispute-state'], '--json']),
    ]);
    expect(pointed).toEqual({
      status: 2,
      stdout: '',
      stderr: `coupon-rules quote: this is a "coupon-state" request; use coupon-rules explain ${EXAMPLES['coupon-state']}\n`,
    });
    expect(refused.status).toBe(2);
    expect(json.status).toBe(2);
    expect(json.stderr).toBe(`coupon-rules quote: this is a "dispute-state" request; use coupon-rules explain ${EXAMPLES['dispute-state']}\n`);
    const invalid = await explainText('quote', JSON.stringify({ op: 'coupon-state' }), '-', false);
    expect(invalid.exitCode).toBe(1);
    expect(invalid.stderr).toContain('REQUIRED at coupon');
  });

  it('prints the same breakdown whatever the host’s time zone (TZ=UTC, TZ=Pacific/Kiritimati)', async () => {
    const runs = await Promise.all(
      Object.values(EXAMPLES).flatMap((file) =>
        ['UTC', 'Pacific/Kiritimati'].map(async (tz) => ({ file, tz, run: await cli(['explain', file], { env: { TZ: tz } }) })),
      ),
    );
    for (const { file, run } of runs) {
      expect(run.status).toBe(0);
      expect(run.stdout).toBe((await explainText('explain', read(file), file, false)).stdout);
    }
  });
});
