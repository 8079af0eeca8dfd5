import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Incident, mergeIncidents, type OutageInput, type OutagePlan, type RedemptionAttempt } from '../../src/index.js';
import { coupon, EMPTY, inc, nothingFor, plan, W, windowOf } from './fixtures.js';

// Rules 1 to 4 of docs/outages.md: windows, which coupons they affect, the extension length and the new expiry.
/**
 * What was done to each coupon, in short, a window written `<its incident ids>` when its id is the one its
 * incidents give: `extend c 2026-12-02→2026-12-03 [<inc-1>]` or `reissue c as c~reissue~<inc-1> until 2026-12-03 [<inc-1>]`.
 */
const remedies = (p: OutagePlan) => {
  const names = new Map(p.windows.map((w) => [W(...w.incidents), `<${w.incidents.join('+')}>`]));
  const named = (s: string) => s.replace(/w-[0-9a-f]{32}/gu, (id) => names.get(id) ?? id);
  return [
    ...p.extend.map((e) => named(`extend ${e.couponId} ${e.from}→${e.to} [${e.windows.join()}]`)),
    ...p.reissue.map((e) => named(`reissue ${e.couponId} as ${e.newCouponId} until ${e.expires} [${e.windows.join()}]`)),
  ];
};
/** The id rule of docs/outages.md, with node's SHA-256: each id's UTF-8 bytes in ascending byte order, each prefixed by its length and ':'. */
const referenceId = (ids: readonly string[]) => {
  const bytes = ids.map((id) => Buffer.from(id, 'utf8')).sort((x, y) => Buffer.compare(x, y));
  const hash = createHash('sha256');
  for (const b of bytes) hash.update(`${String(b.length)}:`).update(b);
  return `w-${hash.digest('hex').slice(0, 32)}`;
};

describe('mergeIncidents (rule 1: windows)', () => {
  it('lists the ids of a window in id order, whatever order the incidents start in', () => {
    expect(mergeIncidents([inc('z', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'), inc('a', '2026-12-01T10:30:00Z', '2026-12-01T12:00:00Z')])).toEqual([
      { id: W('a', 'z'), start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T12:00:00.000Z', incidents: ['a', 'z'] },
    ]);
  });

  it('keeps the end of a window that contains a later, shorter incident', () => {
    expect(
      mergeIncidents([inc('inner', '2026-12-01T11:00:00Z', '2026-12-01T12:00:00Z'), inc('outer', '2026-12-01T10:00:00Z', '2026-12-01T14:00:00Z')]),
    ).toEqual([{ id: W('inner', 'outer'), start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T14:00:00.000Z', incidents: ['inner', 'outer'] }]);
  });

  it('merges touching incidents (next.start = current.end) but not ones a millisecond apart, and sorts windows by start', () => {
    expect(
      mergeIncidents([
        inc('late', '2026-12-03T00:00:00Z', '2026-12-03T01:00:00Z'),
        inc('b', '2026-12-01T12:00:00Z', '2026-12-01T14:00:00Z'),
        inc('a', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z'),
        inc('gap', '2026-12-01T14:00:00.001Z', '2026-12-01T15:00:00Z'),
      ]),
    ).toEqual([
      { id: W('a', 'b'), start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T14:00:00.000Z', incidents: ['a', 'b'] },
      { id: W('gap'), start: '2026-12-01T14:00:00.001Z', end: '2026-12-01T15:00:00.000Z', incidents: ['gap'] },
      { id: W('late'), start: '2026-12-03T00:00:00.000Z', end: '2026-12-03T01:00:00.000Z', incidents: ['late'] },
    ]);
  });

  it('takes Date instants and instants with an offset, and answers UTC instants', () => {
    expect(mergeIncidents([{ id: 'd', start: new Date('2026-12-01T10:00:00Z'), end: '2026-12-01T12:00:00+01:00' }])).toEqual([
      { id: W('d'), start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T11:00:00.000Z', incidents: ['d'] },
    ]);
    expect(mergeIncidents([])).toEqual([]);
  });
});

describe('window ids (rule 1)', () => {
  it('are w- and the first 32 hex digits of the SHA-256 of the incident ids as a set', () => {
    for (const ids of [['inc-1'], ['a', 'b'], ['ab', 'b'], ['é', 'z', 'Z', '~'], ['x'.repeat(300), 'y']]) {
      const [window] = mergeIncidents(ids.map((id) => inc(id, '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z')));
      expect(window?.id).toBe(referenceId(ids));
      expect(window?.id).toMatch(/^w-[0-9a-f]{32}$/u);
    }
    expect(W('inc-1')).toBe('w-f3eaf40f811f88bbc313a24833369561'); // as docs/outages.md shows it
  });

  it('are the same for the same incidents whatever their order and whatever other incidents are in the request', () => {
    const a = inc('a', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z');
    const b = inc('b', '2026-12-01T10:30:00Z', '2026-12-01T12:00:00Z');
    const alone = mergeIncidents([a, b]);
    expect(alone.map((w) => w.id)).toEqual([W('a', 'b')]);
    expect(mergeIncidents([b, a]).map((w) => w.id)).toEqual([W('a', 'b')]);
    const others = [inc('early', '2026-11-20T10:00:00Z', '2026-11-20T11:00:00Z'), inc('late', '2026-12-01T12:00:00.001Z', '2026-12-01T13:00:00Z')];
    const crowded = plan({ at: '2026-12-02T00:00:00Z', incidents: [others[1] as Incident, b, others[0] as Incident, a], coupons: [] }).windows;
    expect(crowded.map((w) => w.id)).toEqual([W('early'), W('a', 'b'), W('late')]);
    expect(crowded[1]).toEqual(alone[0]);
  });

  it('differ for different sets of incidents, even with the same span, and for ids that only join the same', () => {
    const ids = [W('a', 'b'), W('a'), W('b'), W('a', 'b', 'c'), W('ab'), W('a,b'), W('1:a'), W('a:b')];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('affected coupons (rule 2)', () => {
  const at = '2026-12-02T08:00:00Z';

  it('are those whose validity ended after the window started: ending exactly at its start is not enough', () => {
    // A coupon expiring 1 December (UTC) is valid until 2 December 00:00Z.
    const c = coupon('c', '2026-12-01');
    const touching = inc('i', '2026-12-02T00:00:00Z', '2026-12-02T02:00:00Z');
    expect(plan({ at, incidents: [touching], coupons: [c] })).toEqual({ ...EMPTY, windows: [windowOf(touching)] });
    expect(remedies(plan({ at, incidents: [inc('i', '2026-12-01T23:59:59.999Z', '2026-12-02T02:00:00Z')], coupons: [c] }))).toEqual([
      'reissue c as c~reissue~<i> until 2026-12-03 [<i>]',
    ]);
  });

  it('count graceDays local days after the window: the last affected expiration date is the local date of its last instant + graceDays', () => {
    const incidents = [inc('inc-1', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z')];
    const coupons = [coupon('d1', '2026-12-01'), coupon('d2', '2026-12-02'), coupon('d3', '2026-12-03'), coupon('d4', '2026-12-04')];
    expect(remedies(plan({ at, incidents, coupons }))).toEqual([
      'extend d2 2026-12-02→2026-12-03 [<inc-1>]',
      'reissue d1 as d1~reissue~<inc-1> until 2026-12-03 [<inc-1>]',
    ]);
    expect(remedies(plan({ at, incidents, coupons, policy: { graceDays: 0 } }))).toEqual(['reissue d1 as d1~reissue~<inc-1> until 2026-12-02 [<inc-1>]']);
    expect(remedies(plan({ at, incidents, coupons, policy: { graceDays: 2 } }))).toEqual([
      'extend d2 2026-12-02→2026-12-04 [<inc-1>]',
      'extend d3 2026-12-03→2026-12-04 [<inc-1>]',
      'reissue d1 as d1~reissue~<inc-1> until 2026-12-04 [<inc-1>]',
    ]);
  });

  it('count a window ending exactly at local midnight as ending on the day before', () => {
    const incidents = [inc('i', '2026-12-01T22:00:00Z', '2026-12-02T00:00:00Z')];
    expect(remedies(plan({ at, incidents, coupons: [coupon('d2', '2026-12-02'), coupon('d3', '2026-12-03')] }))).toEqual([
      'extend d2 2026-12-02→2026-12-03 [<i>]',
    ]);
    expect(remedies(plan({ at, incidents: [inc('i', '2026-12-01T22:00:00Z', '2026-12-02T00:00:00.001Z')], coupons: [coupon('d3', '2026-12-03')] }))).toEqual([
      'extend d3 2026-12-03→2026-12-04 [<i>]',
    ]);
  });

  it('ends a window exactly at local midnight on the previous day, for the grace days', () => {
    const after = '2026-12-02T01:00:00Z';
    const window = { id: 'w', start: '2026-12-01T10:00:00Z', end: '2026-12-02T00:00:00Z' };
    expect(plan({ at: after, incidents: [window], coupons: [coupon('c', '2026-12-03')] }).extend).toEqual([]);
    expect(plan({ at: after, incidents: [window], coupons: [coupon('c', '2026-12-02')] }).extend).toHaveLength(1);
  });

  it("are judged in the coupon store's time zone: a window ending 00:30 in Berlin ends on the next local day there", () => {
    // 22:00Z to 23:30Z on 1 December: 23:00 to 00:30 in Berlin, so the grace day there is 3 December; in UTC it is 2 December.
    const incidents = [inc('i', '2026-12-01T22:00:00Z', '2026-12-01T23:30:00Z')];
    const p = plan({ at, incidents, coupons: [coupon('berlin', '2026-12-03', { timeZone: 'Europe/Berlin' }), coupon('utc', '2026-12-03')] });
    expect(remedies(p)).toEqual(['extend berlin 2026-12-03→2026-12-04 [<i>]']);
  });

  it('are judged as they stood when the window ended: an expiry brought forward afterwards does not make a coupon a victim', () => {
    const incidents = [inc('inc-1', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z')];
    const edited = coupon('c', '2026-12-10', { events: [{ type: 'edited', at: '2026-12-01T13:00:00Z', expires: '2026-12-02' }] });
    expect(plan({ at, incidents, coupons: [edited] })).toEqual(nothingFor(incidents));
    // the same coupon expiring 2 December from the start is affected
    expect(remedies(plan({ at, incidents, coupons: [coupon('c', '2026-12-02')] }))).toEqual(['extend c 2026-12-02→2026-12-03 [<inc-1>]']);
  });

  it('are judged as they stand now during a window still under way: events after the planning instant have not happened', () => {
    const incidents = [inc('inc-1', '2026-12-01T10:00:00Z', '2026-12-02T10:00:00Z')];
    const later = coupon('c', '2026-12-01', { events: [{ type: 'deleted', at: '2026-12-01T22:00:00Z' }] });
    expect(remedies(plan({ at: '2026-12-01T20:00:00Z', incidents, coupons: [later] }))).toEqual(['extend c 2026-12-01→2026-12-03 [<inc-1>]']);
    expect(plan({ at: '2026-12-01T22:00:00Z', incidents, coupons: [later] })).toEqual(nothingFor(incidents));
  });

  it('are skipped for a window when they were remedied for any incident of it, or for the window by its id', () => {
    const incidents = [inc('a', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'), inc('b', '2026-12-01T11:00:00Z', '2026-12-01T12:00:00Z')];
    const merged = { ...EMPTY, windows: [{ id: W('a', 'b'), start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T12:00:00.000Z', incidents: ['a', 'b'] }] };
    expect(plan({ at, incidents, coupons: [coupon('c', '2026-12-02', { remedies: ['b'] })] })).toEqual(merged);
    expect(plan({ at, incidents, coupons: [coupon('c', '2026-12-02', { remedies: [W('a', 'b')] })] })).toEqual(merged);
    // the window of "a" alone is another window
    expect(remedies(plan({ at, incidents, coupons: [coupon('c', '2026-12-02', { remedies: ['other', W('a')] })] }))).toEqual([
      'extend c 2026-12-02→2026-12-03 [<a+b>]',
    ]);
  });

  it("end after the start of the local day graceDays before the expiration date: in St. John's, the hour after the 00:01 fall-back counts", () => {
    // On 7 November 2010 St. John's fell back at 00:01 NDT (02:31Z) to 23:01 NST on 6 November; 7 November began at 02:30Z.
    // A window ending at 03:00Z (23:30 NST on 6 November, after the start of 7 November) affects a coupon expiring 8 November.
    const zone = { timeZone: 'America/St_Johns' };
    const at2010 = '2010-11-07T12:00:00Z';
    const ending = (end: string) =>
      remedies(plan({ at: at2010, incidents: [inc('i', '2010-11-07T01:00:00Z', end)], coupons: [coupon('c', '2010-11-08', zone)] }));
    expect(ending('2010-11-07T03:00:00Z')).toEqual(['extend c 2010-11-08→2010-11-09 [<i>]']);
    expect(ending('2010-11-07T02:30:00.001Z')).toEqual(['extend c 2010-11-08→2010-11-09 [<i>]']);
    expect(ending('2010-11-07T02:30:00Z')).toEqual([]); // ends exactly at the start of 7 November
    expect(ending('2010-11-07T02:00:00Z')).toEqual([]);
  });
});

describe('the extension length (rule 3) and the new expiry (rule 4)', () => {
  // A coupon expiring on the grace day after a window ending 1 December 12:00Z, planned just after the window.
  const at = '2026-12-01T13:00:00Z';
  const c = coupon('c', '2026-12-02');
  const to = (incident: Incident, policy?: OutageInput['policy']) =>
    plan({ at, incidents: [incident], coupons: [c], ...(policy ? { policy } : {}) }).extend.map((e) => e.to);

  it('is the window length rounded up to whole days, at least one', () => {
    expect(to(inc('hour', '2026-12-01T11:00:00Z', '2026-12-01T12:00:00Z'))).toEqual(['2026-12-03']);
    expect(to(inc('day', '2026-11-30T12:00:00Z', '2026-12-01T12:00:00Z'))).toEqual(['2026-12-03']);
    expect(to(inc('day+1ms', '2026-11-30T11:59:59.999Z', '2026-12-01T12:00:00Z'))).toEqual(['2026-12-04']);
    expect(to(inc('2.5 days', '2026-11-29T00:00:00Z', '2026-12-01T12:00:00Z'))).toEqual(['2026-12-05']);
  });

  it('is a fixed number of days with extension { days }, whatever the window length; "outage-length" is the default', () => {
    const window = inc('i', '2026-11-29T00:00:00Z', '2026-12-01T12:00:00Z');
    expect(to(window, { extension: { days: 1 } })).toEqual(['2026-12-03']);
    expect(to(window, { extension: { days: 9 } })).toEqual(['2026-12-11']);
    expect(to(window, { extension: 'outage-length' })).toEqual(['2026-12-05']);
  });

  it('is never earlier than the local date of the later of the window end and now, plus graceDays', () => {
    const window = inc('i', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z');
    expect(plan({ at: '2026-12-10T12:00:00Z', incidents: [window], coupons: [coupon('c', '2026-12-01')] }).reissue).toEqual([
      { couponId: 'c', newCouponId: `c~reissue~${W('i')}`, expires: '2026-12-11', windows: [W('i')] },
    ]);
    expect(plan({ at: '2026-12-10T12:00:00Z', incidents: [window], coupons: [coupon('c', '2026-12-01')], policy: { graceDays: 3 } }).reissue[0]?.expires).toBe(
      '2026-12-13',
    );
  });

  it('is measured from the end of a window still under way', () => {
    // 48 hours from 1 December 10:00Z, planned on 2 December: 1 December + 2 days is earlier than 3 December (its end) + 1.
    const ongoing = inc('i', '2026-12-01T10:00:00Z', '2026-12-03T10:00:00Z');
    expect(plan({ at: '2026-12-02T00:00:00Z', incidents: [ongoing], coupons: [coupon('c', '2026-12-01')] }).reissue).toEqual([
      { couponId: 'c', newCouponId: `c~reissue~${W('i')}`, expires: '2026-12-04', windows: [W('i')] },
    ]);
  });
});

describe('several windows (decisions)', () => {
  it('each propose a new expiry and the latest wins; lengths do not add up; the remedy names the windows as a run, its id the first', () => {
    const incidents = [inc('w2', '2026-11-30T20:00:00Z', '2026-11-30T22:00:00Z'), inc('w1', '2026-11-28T00:00:00Z', '2026-11-30T12:00:00Z')];
    // w1 (2.5 days → 3) proposes 30 November + 3 = 3 December; w2 (2 hours → 1) proposes 2 December.
    expect(plan({ at: '2026-12-01T01:00:00Z', incidents, coupons: [coupon('c', '2026-11-30')] }).reissue).toEqual([
      { couponId: 'c', newCouponId: `c~reissue~${W('w1')}`, expires: '2026-12-03', windows: [`${W('w1')}..${W('w2')}`] },
    ]);
  });

  it('answer a window still under way that the new expiry reaches, in the same plan', () => {
    const incidents = [inc('inc-1', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z'), inc('inc-2', '2026-12-03T00:00:00Z', '2026-12-04T00:00:00Z')];
    const at = '2026-12-03T01:00:00Z';
    // inc-1 moves the expiry to 4 December (3 December + 1), in the grace day of inc-2, which moves it to 5 December.
    expect(plan({ at, incidents, coupons: [coupon('c', '2026-12-01')] }).reissue).toEqual([
      { couponId: 'c', newCouponId: `c~reissue~${W('inc-1')}`, expires: '2026-12-05', windows: [`${W('inc-1')}..${W('inc-2')}`] },
    ]);
    // unless the coupon was remedied for inc-2 already
    expect(plan({ at, incidents, coupons: [coupon('c', '2026-12-01', { remedies: ['inc-2'] })] }).reissue).toEqual([
      { couponId: 'c', newCouponId: `c~reissue~${W('inc-1')}`, expires: '2026-12-04', windows: [W('inc-1')] },
    ]);
  });

  it('do not answer a window still under way that the new expiry does not reach', () => {
    const incidents = [inc('inc-1', '2026-11-28T00:00:00Z', '2026-11-30T12:00:00Z'), inc('inc-2', '2026-12-01T09:00:00Z', '2026-12-01T11:00:00Z')];
    expect(plan({ at: '2026-12-01T10:00:00Z', incidents, coupons: [coupon('c', '2026-11-29')], policy: { extension: { days: 10 } } }).reissue).toEqual([
      { couponId: 'c', newCouponId: `c~reissue~${W('inc-1')}`, expires: '2026-12-09', windows: [W('inc-1')] },
    ]);
  });

  it('do not make a remedy granted at planning time reach a window that had already ended', () => {
    const incidents = [inc('inc-1', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z'), inc('inc-2', '2026-12-05T09:00:00Z', '2026-12-05T10:00:00Z')];
    // the new expiry, 6 December, lies in the grace day of inc-2, but inc-2 ended before the plan
    expect(plan({ at: '2026-12-05T12:00:00Z', incidents, coupons: [coupon('c', '2026-12-01')] }).reissue).toEqual([
      { couponId: 'c', newCouponId: `c~reissue~${W('inc-1')}`, expires: '2026-12-06', windows: [W('inc-1')] },
    ]);
    // a window ending exactly at the planning instant has ended: it is not under way
    expect(plan({ at: '2026-12-05T10:00:00Z', incidents, coupons: [coupon('c', '2026-12-01')] }).reissue).toEqual([
      { couponId: 'c', newCouponId: `c~reissue~${W('inc-1')}`, expires: '2026-12-06', windows: [W('inc-1')] },
    ]);
  });
});

describe('the window an attempt falls in ([start, end))', () => {
  const window = inc('inc-1', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z');
  const attempt = (at: string): RedemptionAttempt => ({
    couponId: 'c',
    orderId: 'o1',
    at,
    order: {
      currency: 'EUR',
      lines: [{ id: 'L1', itemType: 'Part', unitPrice: '25.00', quantity: 1 }],
      buyer: 'b1',
      store: 's1',
      newOrder: true,
      hasCoupon: false,
    },
  });
  const honored = (at: string) =>
    plan({ at: '2026-12-02T00:00:00Z', incidents: [window], coupons: [coupon('c', '2026-12-20')], attempts: [attempt(at)] }).honor.length;

  it('includes its start and excludes its end', () => {
    expect(honored('2026-12-01T09:59:59.999Z')).toBe(0);
    expect(honored('2026-12-01T10:00:00Z')).toBe(1);
    expect(honored('2026-12-01T11:59:59.999Z')).toBe(1);
    expect(honored('2026-12-01T12:00:00Z')).toBe(0);
  });
});
