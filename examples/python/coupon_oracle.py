#!/usr/bin/env python3
"""A small shop-side implementation of the coupon-rules wire format (op "quote" only), in plain Python 3.

It reads JSON-lines requests on stdin and writes one answer line per request, like `coupon-rules oracle`.

DELIBERATE BUG, for the conformance demo: line totals are always rounded half-even (banker's rounding),
whatever the request's "rounding" says. coupon-rules rounds them half-up by default, so an order line
such as 2 x 0.0125 = 0.025 is 0.03 there and 0.02 here. Run:

    npx coupon-rules conform --op quote -- python3 examples/python/coupon_oracle.py

and `conform` prints the smallest order on which the two disagree. Fix the bug by using `mode` below.
"""
import json
import sys
from decimal import Decimal, ROUND_DOWN, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, localcontext

# The request's rounding mode; amounts are never negative here, so Python's toward-zero and away-from-zero
# modes are the library's "down" and "up".
ROUNDINGS = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN, "half-down": ROUND_HALF_DOWN, "down": ROUND_DOWN, "up": ROUND_UP}
MINOR_UNITS = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KRW": 0, "BHD": 3, "KWD": 3, "CLF": 4}


def to_minor(amount, mu):
    return int(Decimal(amount).scaleb(mu))


def fmt(minor, mu):
    sign = "-" if minor < 0 else ""
    digits = str(abs(minor)).rjust(mu + 1, "0")
    return sign + (digits if mu == 0 else digits[:-mu] + "." + digits[-mu:])


def canonical(percent):
    text = format(Decimal(percent), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def round_div(num, den, mode):
    with localcontext() as ctx:
        ctx.prec = 200
        return int((Decimal(num) / Decimal(den)).quantize(Decimal(1), rounding=mode))


def allocate(total, weights):
    s = sum(weights)
    parts = [total * w // s for w in weights]
    rems = [total * w % s for w in weights]
    left = total - sum(parts)
    for i in sorted(range(len(weights)), key=lambda i: (-rems[i], i))[:left]:
        parts[i] += 1
    return parts


def credit_on(coupon, eligible, mu, mode):
    """(credit, uncapped-credit-was-cut, applied percent) on an eligible total in minor units."""
    if coupon is None:
        return 0, False, None
    if coupon["type"] == "fixed":
        amount = to_minor(coupon["amount"], mu)
        return min(amount, eligible), amount > eligible, None
    percent = Decimal(coupon["percent"])
    for tier in coupon.get("tiers", []):
        if to_minor(tier["minTotal"], mu) <= eligible:
            percent = Decimal(tier["percent"])
    raw = round_div(Decimal(eligible) * percent, 100, mode)
    cap = to_minor(coupon.get("maxDiscount", "0"), mu)
    if cap > 0 and raw > cap:
        return cap, True, percent
    return raw, False, percent


def quote(req):
    mu = MINOR_UNITS[req["currency"]]
    mode = ROUNDINGS[req.get("rounding", "half-up")]
    coupon = req.get("coupon")
    totals, eligible = [], []
    for line in req["lines"]:
        exact = Decimal(line["unitPrice"]) * line["quantity"]
        totals.append(int(exact.scaleb(mu).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)))  # the bug: ignores `mode`
        ok = True
        if coupon and coupon["type"] == "percent":
            limit = coupon.get("itemTypeLimit")
            if limit:
                listed = line["itemType"] in limit["itemTypes"]
                ok = listed if limit["mode"] == "only" else not listed
            if coupon.get("excludeSaleItems") and line.get("onSale"):
                ok = False
        eligible.append(ok)
    weights = [t if e else 0 for t, e in zip(totals, eligible)]
    subtotal, eligible_total = sum(totals), sum(weights)
    credit, capped, percent = credit_on(coupon, eligible_total, mu, mode)
    shares = allocate(credit, weights) if credit > 0 else [0] * len(totals)
    batches, prefix, before = [], 0, 0
    for b in sorted({line.get("batch", 1) for line in req["lines"]}):
        prefix += sum(w for w, line in zip(weights, req["lines"]) if line.get("batch", 1) == b)
        upto = credit_on(coupon, prefix, mu, mode)[0]
        own = sum(t for t, line in zip(totals, req["lines"]) if line.get("batch", 1) == b)
        batches.append({"batch": b, "subtotal": fmt(own, mu), "feeBasis": fmt(own, mu), "couponCredit": fmt(upto - before, mu)})
        before = upto
    seller = to_minor(req.get("sellerCredit", "0"), mu)
    charges = sum(to_minor(v, mu) for v in req.get("charges", {}).values())
    total_credit = credit + seller
    if total_credit > subtotal + charges:
        return {"ok": False, "errors": [{"code": "CREDIT_EXCEEDS_TOTAL", "path": "sellerCredit", "message": "credit above total"}]}
    return {
        "ok": True,
        "result": {
            "subtotal": fmt(subtotal, mu),
            "eligibleTotal": fmt(eligible_total, mu),
            "appliedPercent": None if percent is None else canonical(percent),
            "couponCredit": fmt(credit, mu),
            "capped": capped,
            "sellerCredit": fmt(seller, mu),
            "totalCredit": fmt(total_credit, mu),
            "grandTotal": fmt(subtotal + charges - total_credit, mu),
            "feeBasis": fmt(subtotal, mu),
            "lines": [
                {"id": line["id"], "lineTotal": fmt(t, mu), "eligible": e, "couponCredit": fmt(s, mu), "net": fmt(t - s, mu)}
                for line, t, e, s in zip(req["lines"], totals, eligible, shares)
            ],
            "batches": batches,
        },
    }


def answer(text):
    try:
        req = json.loads(text)
        if req.get("op") != "quote":
            return {"ok": False, "errors": [{"code": "UNKNOWN_OP", "path": "op", "message": "this program answers op quote only"}]}
        return quote(req)
    except Exception as e:  # a demo: any bad input is one generic error
        return {"ok": False, "errors": [{"code": "INVALID_REQUEST", "path": "", "message": str(e)}]}


for raw in sys.stdin:
    sys.stdout.write(json.dumps(answer(raw), separators=(",", ":")) + "\n")
    sys.stdout.flush()
