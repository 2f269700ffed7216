#!/usr/bin/env python3
"""dateparser's `search_dates` on TempEval-3, scored exactly as Dossier's Rust test.

The Rust side is `crates/extract/tests/dates_tempeval.rs`; this script reads the same `.tml`
files the same way and scores the same way, so the two print comparable tables:

- Text: the `<TEXT>` element with its tags stripped and `&lt;` `&gt;` `&quot;` `&apos;` `&amp;`
  unescaped, piece by piece between tags (the Rust test's `parse`). Gold: its `TIMEX3`s with
  their spans in that text. Anchor: the date of the `TIMEX3` with
  `functionInDocument="CREATION_TIME"` (the document creation time, DCT), given to dateparser
  as `RELATIVE_BASE`.
- Detection is scored over gold `DATE` timexes. A prediction that overlaps no gold DATE but a
  gold `TIME`/`DURATION`/`SET` is counted apart and left out of precision. Strict: same span;
  relaxed: overlapping spans. Precision over predictions, recall over gold.
- Value accuracy is over the gold DATEs matched (relaxed) by a prediction, the first
  overlapping one: the prediction's value string against the gold value, ISO weeks written as
  Monday/Sunday ranges (`2013-W12` -> `2013-03-18/2013-03-24`), seasons, quarters, halves,
  decades and centuries as the day ranges of `interval()` below. Gold values such as
  `PRESENT_REF` or `XXXX-..` count as wrong for both tools.

dateparser returns a datetime, never a precision, so the precision of its value is read from
the matched text (rule in `dp_value`): a day number, a weekday, a numeric date or a day word
(today, yesterday, tomorrow, tonight, "N days ago") -> day; else a month name or "month" ->
month; else a four-digit year alone, "year" or "decade" -> year; else "week" -> that ISO week as a
Monday-Sunday range (as Dossier writes weeks); otherwise day. Two more figures are printed
for both tools: value accuracy *at the gold's precision* (when the gold value is `YYYY`,
`YYYY-MM` or `YYYY-MM-DD`, only the prediction's first day cut to that precision is compared:
kind to dateparser, whose precision is a guess) and value accuracy on the gold values that are
days (`YYYY-MM-DD`).

Speed: words (whitespace-separated) of all the texts divided by the time spent in
`search_dates` (best of `--repeat` runs, default 1).

Usage: python3 eval/dateparser_tempeval.py [DIR] [--prefer past|current_period|future]
       [--repeat N] [--verbose]
"""

import argparse
import datetime as dt
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(HERE, "..", "..", "shared", "data", "tempeval3", "te3-platinum")

MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]
MONTH_WORDS = set(MONTHS) | {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
WEEKDAY_WORDS = WEEKDAYS | {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
DAY_WORDS = {"today", "yesterday", "tomorrow", "tonight", "day", "days"}
RELATIVE_WORDS = {
    "last", "next", "this", "ago", "yesterday", "today", "tomorrow", "tonight", "past",
    "earlier", "later", "coming", "recent", "recently", "previous", "current", "following",
    "since", "before", "after", "now",
}


def attr(tag, name):
    key = name + '="'
    at = tag.find(key)
    if at < 0:
        return None
    at += len(key)
    end = tag.find('"', at)
    return None if end < 0 else tag[at:end]


def unescape(s):
    return (
        s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
        .replace("&apos;", "'").replace("&amp;", "&")
    )


def parse(tml):
    """(dct, plain text, [(start, end, type, value)]) as the Rust test's `parse`."""
    at = tml.find("CREATION_TIME")
    if at < 0:
        return None
    tag_start = tml.rfind("<", 0, at)
    tag_end = tml.find(">", at)
    value = attr(tml[tag_start:tag_end], "value")
    try:
        dct = dt.datetime.strptime(value[:10], "%Y-%m-%d")
    except (TypeError, ValueError):
        return None
    body_start = tml.find("<TEXT>")
    body_end = tml.find("</TEXT>")
    if body_start < 0 or body_end < 0:
        return None
    rest = tml[body_start + len("<TEXT>"):body_end]
    plain = []
    length = 0
    timexes, stack = [], []
    while True:
        lt = rest.find("<")
        if lt < 0:
            break
        piece = unescape(rest[:lt])
        plain.append(piece)
        length += len(piece)
        gt = rest.find(">", lt)
        if gt < 0:
            return None
        tag = rest[lt + 1:gt]
        if tag.startswith("TIMEX3"):
            stack.append((length, attr(tag, "type") or "", attr(tag, "value") or ""))
        elif tag.startswith("/TIMEX3") and stack:
            start, kind, val = stack.pop()
            timexes.append((start, length, kind, val))
        rest = rest[gt + 1:]
    plain.append(unescape(rest))
    return dct, "".join(plain), timexes


def words(s):
    return re.findall(r"[A-Za-z]+", s.lower())


def gold_class(text, value):
    """The class of a gold DATE (same rule as `gold_class` in the Rust test)."""
    ws = words(text)
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return "vague (now, the past)"
    if re.search(r"-(SP|SU|FA|WI|Q\d|H\d)$", value) or re.fullmatch(r"\d{2,3}|\d{3}X|\d{2}XX", value):
        return "season/quarter/decade/century"
    if "X" in value:
        return "no fixed value (XXXX)"
    if any(w in WEEKDAY_WORDS for w in ws):
        return "weekday"
    if any(w in RELATIVE_WORDS for w in ws):
        return "relative"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        if re.search(r"\b\d{4}\b", text):
            return "full date"
        return "month-day, no year"
    if re.fullmatch(r"\d{4}(-\d{2})?", value):
        return "month/year only"
    return "other"


CLASSES = [
    "full date", "month-day, no year", "weekday", "month/year only", "relative",
    "season/quarter/decade/century", "vague (now, the past)", "no fixed value (XXXX)", "other",
]

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def month_end(y, m):
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def span(a, b):
    return a.strftime("%Y-%m-%d") + "/" + b.strftime("%Y-%m-%d")


def interval(value):
    """Gold TimeML values Dossier writes as day ranges; other values unchanged."""
    m = re.fullmatch(r"(\d{4})-W(\d{1,2})", value)
    if m:
        try:
            mon = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return value
        return span(mon, mon + dt.timedelta(days=6))
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])", value)
    if m:
        y, part = int(m.group(1)), m.group(2)
        if part in SEASONS:
            a, b = SEASONS[part]
            # Winter: December of the year to February of the next.
            return span(dt.date(y, a, 1), month_end(y + (b < a), b))
        n = int(part[1])
        per = 3 if part[0] == "Q" else 6
        return span(dt.date(y, per * (n - 1) + 1, 1), month_end(y, per * n))
    if re.fullmatch(r"\d{3}X?", value):  # decade "199" or "199X" = the 1990s
        y = int(value[:3]) * 10
        return span(dt.date(y, 1, 1), dt.date(y + 9, 12, 31))
    if re.fullmatch(r"\d{2}(XX)?", value):  # century "19" or "19XX" = the 1900s
        y = int(value[:2]) * 100
        return span(dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31))
    return value


def at_gold_precision(gold, value, first_day):
    """Lenient comparison: a Y / Y-M / Y-M-D gold against the prediction's first day."""
    if first_day is None:
        return False
    for pat, fmt in ((r"\d{4}", "%Y"), (r"\d{4}-\d{2}", "%Y-%m"), (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d")):
        if re.fullmatch(pat, gold):
            return first_day.strftime(fmt) == gold
    return value == interval(gold)


def dp_value(text, when):
    """dateparser's datetime as a TimeML-style value, precision read from the text."""
    ws = words(text)
    has_day_number = re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", text) and not re.fullmatch(
        r"\s*\d{4}\s*", text
    )
    numeric = re.search(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", text)
    if numeric or any(w in WEEKDAY_WORDS or w in DAY_WORDS for w in ws) or (
        has_day_number and any(w in MONTH_WORDS for w in ws)
    ):
        return when.strftime("%Y-%m-%d")
    if any(w in MONTH_WORDS or w in ("month", "months") for w in ws):
        return when.strftime("%Y-%m")
    if re.search(r"\b\d{4}\b", text) or any(w in ("year", "years", "decade", "decades") for w in ws):
        return when.strftime("%Y")
    if any(w in ("week", "weeks") for w in ws):
        d = when.date()
        mon = d - dt.timedelta(days=d.weekday())
        return span(mon, mon + dt.timedelta(days=6))
    return when.strftime("%Y-%m-%d")


def locate(text, found):
    """(start, end, substring, datetime) for each returned substring, in order, repeats kept."""
    out, cursor = [], 0
    for sub, when in found:
        at = text.find(sub, cursor)
        if at < 0:
            at = text.find(sub)
        if at < 0:
            continue
        out.append((at, at + len(sub), sub, when))
        cursor = at + len(sub)
    return out


class Stats:
    def __init__(self):
        self.files = self.gold = self.pred = self.pred_other = 0
        self.strict_gold = self.relaxed_gold = self.strict_pred = self.relaxed_pred = 0
        self.value_ok = self.value_n = self.lenient_ok = self.day_ok = self.day_n = 0
        self.classes = {c: [0, 0, 0] for c in CLASSES}  # gold, detected, value right
        self.words = 0
        self.seconds = 0.0

    def report(self, name):
        def ratio(a, b):
            return a / b if b else 0.0

        def f1(p, r):
            return 2 * p * r / (p + r) if p + r else 0.0

        sp, sr = ratio(self.strict_pred, self.pred), ratio(self.strict_gold, self.gold)
        rp, rr = ratio(self.relaxed_pred, self.pred), ratio(self.relaxed_gold, self.gold)
        print(
            f"{name}, {self.files} files: {self.gold} gold DATE timexes, {self.pred} predictions "
            f"(+{self.pred_other} overlapping gold TIME/DURATION/SET, not scored)"
        )
        print(f"  strict:  P {sp:.3f} R {sr:.3f} F1 {f1(sp, sr):.3f}")
        print(f"  relaxed: P {rp:.3f} R {rr:.3f} F1 {f1(rp, rr):.3f}")
        print(
            f"  value accuracy on matched DATEs: {self.value_ok}/{self.value_n} = "
            f"{ratio(self.value_ok, self.value_n):.3f}"
        )
        print(
            f"  value accuracy at the gold's precision: {self.lenient_ok}/{self.value_n} = "
            f"{ratio(self.lenient_ok, self.value_n):.3f}"
        )
        print(
            f"  value accuracy on matched day-valued DATEs: {self.day_ok}/{self.day_n} = "
            f"{ratio(self.day_ok, self.day_n):.3f}"
        )
        print("  per class (gold DATEs: detected, value right):")
        for c in CLASSES:
            g, d, v = self.classes[c]
            if g:
                print(f"    {c:<31} {g:>4}: detected {d:>4}, value right {v:>4}")
        print(
            f"  speed: {self.words} words in {self.seconds:.3f} s = "
            f"{ratio(self.words, self.seconds):,.0f} words/s"
        )


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def evaluate(directory, prefer, repeat, verbose):
    from dateparser.search import search_dates

    st = Stats()
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".tml"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            parsed = parse(f.read())
        if parsed is None:
            print(f"could not parse {name}", file=sys.stderr)
            continue
        dct, text, timexes = parsed
        st.files += 1
        st.words += len(text.split())
        settings = {
            "RELATIVE_BASE": dct,
            "PREFER_DATES_FROM": prefer,
            "RETURN_AS_TIMEZONE_AWARE": False,
        }
        best = None
        for _ in range(repeat):
            t0 = time.perf_counter()
            found = search_dates(text, settings=settings, languages=["en"]) or []
            took = time.perf_counter() - t0
            best = took if best is None else min(best, took)
        st.seconds += best
        preds = [(s, e, sub, dp_value(sub, when), when.date()) for s, e, sub, when in locate(text, found)]
        gold = [t for t in timexes if t[2] == "DATE"]
        other = [t for t in timexes if t[2] != "DATE"]
        st.gold += len(gold)
        for s, e, sub, _, _ in preds:
            hits = any(overlaps((s, e), (g[0], g[1])) for g in gold)
            if not hits and any(overlaps((s, e), (o[0], o[1])) for o in other):
                st.pred_other += 1
                continue
            st.pred += 1
            if hits:
                st.relaxed_pred += 1
            elif verbose:
                print(f"FP  {name[:-4]}: {sub!r}")
            if any((g[0], g[1]) == (s, e) for g in gold):
                st.strict_pred += 1
        for g in gold:
            gtext = text[g[0]:g[1]]
            cls = st.classes[gold_class(gtext, g[3])]
            cls[0] += 1
            match = next((p for p in preds if overlaps((p[0], p[1]), (g[0], g[1]))), None)
            if match is None:
                if verbose:
                    print(f"FN  {name[:-4]}: {gtext!r} {g[3]}")
                continue
            cls[1] += 1
            st.relaxed_gold += 1
            if (match[0], match[1]) == (g[0], g[1]):
                st.strict_gold += 1
            st.value_n += 1
            ok = match[3] == interval(g[3])
            if ok:
                st.value_ok += 1
                cls[2] += 1
            elif verbose:
                print(f"VAL {name[:-4]}: {gtext!r} gold {g[3]} got {match[3]} (pred {match[2]!r}, DCT {dct.date()})")
            if at_gold_precision(g[3], match[3], match[4]):
                st.lenient_ok += 1
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", g[3]):
                st.day_n += 1
                st.day_ok += ok
    return st


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", nargs="?", default=DEFAULT_DIR)
    ap.add_argument("--prefer", default="current_period", choices=["past", "current_period", "future"])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(args.dir):
        print(f"skipping: {args.dir} not found")
        return
    import dateparser

    st = evaluate(args.dir, args.prefer, max(1, args.repeat), args.verbose)
    st.report(
        f"dateparser {dateparser.__version__} search_dates (PREFER_DATES_FROM={args.prefer}) "
        f"on {os.path.basename(os.path.normpath(args.dir))}"
    )


if __name__ == "__main__":
    main()
