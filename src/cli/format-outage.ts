import { InputReader } from '../input.js';
import type { CouponRecord } from '../lifecycle/types.js';
import { readOutagePolicy } from '../outage/read.js';
import { planRemedies } from '../outage/remedies.js';
import type { NoticeItem, OutageInput, OutagePlan } from '../outage/types.js';
import { endOfLocalDate } from '../time/dates.js';
import { bothText, columns, durationText, idsText, joinLines, msOf, termsText, utcText } from './format-common.js';

// The breakdown of an outage-plan request: the windows, the remedy of each coupon and the notice of each
// buyer. Windows are instants (UTC); expiration dates are local to each coupon's store, shown with the
// instant their validity ends there.

/** An outage-plan request the library accepted. */
export type OutagePlanWireRequest = OutageInput & { readonly at: string };

const plural = (n: number, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/** The breakdown of an outage-plan request, from the planner the wire answer comes from (it also knows each compensation's zone). */
export function outagePlanBreakdown(request: OutagePlanWireRequest): string {
  const planned = planRemedies(request, ['op']);
  const policy = readOutagePolicy(new InputReader(), request.policy);
  if (!planned.ok || !policy) return ''; // cannot happen: the wire answer to the same request was ok
  const plan: OutagePlan = planned.value.plan;
  const zones = planned.value.compensationZones;
  const coupons = new Map<string, CouponRecord>(request.coupons.map((c) => [c.id, c]));

  // Windows are named W1, W2, … in time order: a remedy's `first..last` is then a readable range.
  const label = new Map(plan.windows.map((w, i) => [w.id, `W${String(i + 1)}`]));
  const windowsText = (ws: readonly string[]) =>
    ws
      .map((w) =>
        w
          .split('..')
          .map((id) => label.get(id) ?? id)
          .join('..'),
      )
      .join(', ');
  const until = (expires: string, zone: string) => `${expires}, valid until ${bothText(endOfLocalDate(expires, zone), zone)}`;

  const rules = [
    plural(policy.graceDays, 'grace day'),
    policy.extensionDays === null ? 'extension by the outage length' : `extension by ${plural(policy.extensionDays, 'day')}`,
    `extend ${policy.extend ? 'on' : 'off'}, reissue ${policy.reissue ? 'on' : 'off'}, honor ${policy.honor ? 'on' : 'off'}`,
    policy.compensation
      ? `compensation ${termsText(policy.compensation.terms)}, valid ${plural(policy.compensation.validDays, 'day')}, for a window of ${plural(policy.compensation.minOutageMinutes, 'minute')} or more`
      : 'no compensation',
  ];
  if (policy.loyaltyExtraDays > 0) rules.push(`loyalty members ${plural(policy.loyaltyExtraDays, 'extra day')}`);
  const out: string[] = [
    `Outage plan at ${utcText(msOf(request.at))}`,
    `Policy: ${rules.join('; ')}`,
    '',
    `Windows (UTC), ${plan.windows.length === 0 ? 'none' : 'in time order'}:`,
  ];
  out.push(
    ...columns(
      plan.windows.map((w) => [
        label.get(w.id) ?? '',
        `${w.start} – ${w.end}`,
        durationText(msOf(w.end) - msOf(w.start)),
        `incidents ${idsText(w.incidents)}`,
        w.id,
      ]),
    ),
  );

  // Each coupon's remedy: at most one of extend, reissue, honor (an honored coupon is neither extended nor reissued).
  const extend = new Map(plan.extend.map((e) => [e.couponId, e]));
  const reissue = new Map(plan.reissue.map((e) => [e.couponId, e]));
  const honor = new Map(plan.honor.map((e) => [e.couponId, e]));
  out.push('', 'Remedy per coupon:');
  for (const c of request.coupons) {
    const zone = c.timeZone;
    const e = extend.get(c.id);
    const re = reissue.get(c.id);
    const h = honor.get(c.id);
    const remedy = e
      ? `extended from ${e.from} to ${until(e.to, zone)} (answers ${windowsText(e.windows)})`
      : re
        ? `reissued as ${re.newCouponId}, expires ${until(re.expires, zone)} (answers ${windowsText(re.windows)})`
        : h
          ? `honored: redeemed on order ${h.orderId} with credit ${h.couponCredit} (answers ${windowsText(h.windows)})`
          : 'none in this plan';
    out.push(`  ${c.id} (buyer ${c.recipient}, store ${c.seller}, ${zone}): ${remedy}`);
  }
  if (plan.compensate.length > 0) {
    out.push('', 'Compensation:');
    for (const k of plan.compensate) {
      const zone = zones.get(k.couponId) ?? 'UTC';
      out.push(`  buyer ${k.buyer}, store ${k.store}: new coupon ${k.couponId}, expires ${until(k.expires, zone)} (answers ${windowsText(k.windows)})`);
    }
  }

  const zoneOf = (item: NoticeItem): string => {
    switch (item.type) {
      case 'extended':
      case 'reissued':
      case 'honored':
        return coupons.get(item.couponId)?.timeZone ?? 'UTC';
      case 'compensated':
        return zones.get(item.couponId) ?? 'UTC';
      default: {
        const never: never = item;
        return never;
      }
    }
  };
  const itemText = (item: NoticeItem): string => {
    const zone = zoneOf(item);
    switch (item.type) {
      case 'extended':
        return `coupon ${item.couponId} extended from ${item.from} to ${item.to} (valid until ${bothText(endOfLocalDate(item.to, zone), zone)})`;
      case 'reissued':
        return `coupon ${item.couponId} reissued as ${item.newCouponId}, expires ${item.expires}`;
      case 'honored':
        return `coupon ${item.couponId} honored on order ${item.orderId}: credit ${item.couponCredit}`;
      case 'compensated':
        return `new coupon ${item.couponId} from store ${item.store}, expires ${item.expires}`;
      default: {
        const never: never = item;
        return never;
      }
    }
  };
  out.push('', `Notices, one per buyer:${plan.notices.length === 0 ? ' none' : ''}`);
  for (const n of plan.notices) {
    out.push(`  buyer ${n.buyer}${n.priority ? ' (loyalty member: sent first)' : ''}:`);
    for (const item of n.items) out.push(`    - ${itemText(item)}, for ${windowsText(item.windows)}`);
  }
  return joinLines(out);
}
