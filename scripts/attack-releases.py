#!/usr/bin/env python3
"""An outside attacker on the public record: every published release's CSV download, nothing else.

Written independently of Sozialmonitor's own attacker (privacy.DisclosureAudit): its own reading of
the documented download format (docs/release-format.md), its own equations, and the HiGHS solver
through SciPy instead of ojAlgo. Anyone (a data-protection officer, a statistical office) can run it
on the downloads of the public site:

    python3 scripts/attack-releases.py release-1.csv release-2.csv ...   (needs python3-scipy)

Equations: every declared margin (areas, dimensions, terms; "<=" for partial ones) of every release;
every published rate (num/den x scale = value +- half a unit of its last digit); every published
change with one published rate gives the other year's rate. The same count (measure, area, year,
target group) in several releases is one unknown, unless the releases publish different values
for it (a correction): then each release's row is its own; where taking counts of different
releases as the same number contradicts the published facts (a correction changed a withheld or a
published count), those links are dropped and the group is solved again. Counts >= 0. The files
are given in the order of publication.

For every count withheld in some release and published in none it computes linear-programming
bounds, (a) with counts >= 0 and (b) also with every withheld count >= 1 (zeros are published), and
reports counts whose bounds, rounded inwards to whole numbers, are narrower than 3 (max - min < 3)
under (a) or a single value under (b); also counts withheld in one release and published in a later
one. Exit code 1 if it finds any."""
import csv, sys, random
from collections import defaultdict
import numpy as np
from scipy.optimize import linprog
from scipy.sparse import lil_matrix, csr_matrix

W = 3  # the protection width: max - min of a withheld count's bounds must be at least W
files = sys.argv[1:]
releases = []
for f in files:
    with open(f, newline='', encoding='utf-8') as fh:
        rows = list(csv.DictReader(fh, delimiter=';'))
    for r in rows:
        for k, v in r.items():
            if v and v[0] == "'" and len(v) > 1 and v[1] in "=+-@\t\r'":
                r[k] = v[1:]
    releases.append(rows)

def key(r):
    return (r['measure'], r['area_code'], r['year'], r['target_group'])

# published values per key over all releases
published = defaultdict(set)
withheld_in = defaultdict(set)
for i, rows in enumerate(releases):
    for r in rows:
        if r['kind'] != 'count':
            continue
        if r['status'] == 'ok':
            published[key(r)].add(float(r['value']))
        elif r['status'] == 'suppressed':
            withheld_in[key(r)].add(i)
published_in = defaultdict(set)
for i, rows in enumerate(releases):
    for r in rows:
        if r['kind'] == 'count' and r['status'] == 'ok':
            published_in[key(r)].add(i)
# the order of the files is the order of publication
revealed = [k for k in withheld_in if k in published and min(withheld_in[k]) < max(published_in[k])]
changed = [k for k in withheld_in if k in published and k not in revealed]
targets_keys = [k for k in withheld_in if k not in published]

def run_attack(ambiguous):
    # unknowns: one per key, linked over releases; a key published with different values (a correction)
    # is not linked: each release's row is its own unknown
    var_of = {}
    def var(rel, k):
        vk = (rel, k) if k in ambiguous else (None, k)
        if vk not in var_of:
            var_of[vk] = len(var_of)
        return var_of[vk]

    def term(rel, k):
        """(variable or None, constant) for a count as release rel uses it; a count the release does not
        hold is the same count in any other release (known if published there, else the linked unknown)."""
        row = index[rel].get(k)
        if row is not None and row['status'] == 'ok':
            return None, float(row['value'])
        if row is not None and row['status'] == 'suppressed':
            if k in published and k not in ambiguous:
                subs.add(k)  # taken as the value another release publishes: a link that may be wrong
                return None, next(iter(published[k]))
            return var(rel, k), 0.0
        if k in ambiguous:
            return 'missing', 0.0
        if k in published:
            return None, next(iter(published[k]))
        if k in withheld_in:
            return var(None, k), 0.0
        return 'missing', 0.0

    index = []
    for rows in releases:
        idx = {}
        for r in rows:
            if r['kind'] == 'count':
                idx[key(r)] = r
        index.append(idx)

    cons = []  # (dict var->coef, const, sense, linked keys) meaning sum coef*x + const (sense) 0 ; sense 'eq' or 'le'
    subs = set()
    def add(lhs, rhs, sense, rel):
        """sum(lhs) - sum(rhs) (sense) 0, lhs/rhs lists of count keys of release rel."""
        subs.clear()
        coef = defaultdict(float); const = 0.0
        for sign, ks in ((1, lhs), (-1, rhs)):
            for k in ks:
                v, c = term(rel, k)
                if v == 'missing':
                    subs.clear()
                    return
                if v is None:
                    const += sign * c
                else:
                    coef[v] += sign
        coef = {v: c for v, c in coef.items() if c != 0}
        if coef:
            cons.append((coef, const, sense, frozenset(subs)))
        subs.clear()

    def parse_group(g):
        return dict(p.split('=', 1) for p in g.split(';')) if g else {}

    for rel, rows in enumerate(releases):
        children = defaultdict(list)
        by_area = defaultdict(list)
        for r in rows:
            if r['kind'] == 'count':
                children[(r['measure'], r['year'], r['target_group'], r['parent_code'])].append(key(r))
                by_area[(r['measure'], r['area_code'], r['year'])].append(r)
        for r in rows:
            if r['kind'] != 'count' or not r['margin']:
                continue
            k = key(r)
            for tok in r['margin'].split(','):
                sense = 'le' if tok.endswith('<=') else 'eq'
                name = tok[:-2] if sense == 'le' else tok
                if name == 'areas':
                    parts = children[(r['measure'], r['year'], r['target_group'], r['area_code'])]
                elif name == 'terms':
                    t = r['measure'].split(' - ')
                    # whole = first - second  <=>  first - second - whole = 0 (terms margin is always exact)
                    add([(t[0], r['area_code'], r['year'], r['target_group'])],
                        [(t[1], r['area_code'], r['year'], r['target_group']), k], 'eq', rel)
                    continue
                else:
                    g = parse_group(r['target_group'])
                    parts = []
                    for o in by_area[(r['measure'], r['area_code'], r['year'])]:
                        og = parse_group(o['target_group'])
                        if name in og and name not in g and {a: b for a, b in og.items() if a != name} == g:
                            parts.append(key(o))
                if parts:
                    add(parts, [k], sense, rel)

    # rates (any release); a rate is known for (indicator, area, year, group)
    rate_known = {}
    ratio = []  # (rel, numkey, denkey, lo, hi, scale)
    def half(v):
        return 0.5 * 10 ** (-(len(v.split('.')[1]) if '.' in v else 0))
    for rel, rows in enumerate(releases):
        for r in rows:
            if r['kind'] == 'rate' and r['status'] == 'ok':
                v = float(r['value']); h = half(r['value'])
                rk = (r['measure'], r['area_code'], r['year'], r['target_group'])
                rate_known[rk] = (v - h, v + h)
                ratio.append((rel, (r['numerator'], r['area_code'], r['year'], r['target_group']),
                              (r['denominator'], r['area_code'], r['year'], r['target_group']), v - h, v + h, float(r['scale'])))
    for rel, rows in enumerate(releases):
        for r in rows:
            if r['kind'] == 'change' and r['status'] == 'ok':
                c = float(r['value']); hc = half(r['value'])
                t = (r['measure'], r['area_code'], r['year'], r['target_group'])
                b = (r['measure'], r['area_code'], r['base_year'], r['target_group'])
                tail = lambda y: (r['area_code'], y, r['target_group'])
                if t in rate_known and b not in rate_known:
                    lo, hi = rate_known[t]
                    ratio.append((rel, (r['numerator'],) + tail(r['base_year']), (r['denominator'],) + tail(r['base_year']),
                                  lo - c - hc, hi - c + hc, float(r['scale'])))
                elif b in rate_known and t not in rate_known:
                    lo, hi = rate_known[b]
                    ratio.append((rel, (r['numerator'],) + tail(r['year']), (r['denominator'],) + tail(r['year']),
                                  lo + c - hc, hi + c + hc, float(r['scale'])))
    for rel, nk, dk, lo, hi, scale in ratio:
        subs.clear()
        nv, nc = term(rel, nk); dv, dc = term(rel, dk)
        if 'missing' in (nv, dv) or (nv is None and dv is None):
            continue
        linked = frozenset(subs)
        # lo*den <= scale*num <= hi*den
        for a, b_, sense in ((lo, -scale, 1), (hi, -scale, -1)):
            coef = defaultdict(float); const = 0.0
            # sense 1: lo*den - scale*num <= 0 ; sense -1: scale*num - hi*den <= 0
            for v, c, w in ((dv, dc, a * sense), (nv, nc, b_ * sense)):
                if v is None:
                    const += w * c
                else:
                    coef[v] += w
            cons.append((dict(coef), const, 'le', linked))

    # components
    n = len(var_of)
    parent = list(range(n))
    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]; x = parent[x]
        return x
    for coef, _, _, _ in cons:
        vs = list(coef)
        for v in vs[1:]:
            a, b = find(vs[0]), find(v)
            if a != b:
                parent[a] = b
    comp_cons = defaultdict(list)
    for ci, (coef, _, _, _) in enumerate(cons):
        comp_cons[find(next(iter(coef)))].append(ci)
    vars_of_key = defaultdict(list)
    for (rel, k), v in var_of.items():
        vars_of_key[k].append(v)
    comp_targets = defaultdict(list)
    withheld_vars = set()
    # targets: counts withheld and published nowhere, and the corrected values a later release withholds
    # where the attacker has learnt that they differ from the earlier published ones
    for k in targets_keys + [k for k in changed if k in ambiguous]:
        for v in vars_of_key.get(k, []):
            comp_targets[find(v)].append((k, v))
            withheld_vars.add(v)

    def solve(comp, lower_one):
        cis = comp_cons.get(comp, [])
        vs = sorted({v for ci in cis for v in cons[ci][0]} | {v for _, v in comp_targets[comp]})
        pos = {v: i for i, v in enumerate(vs)}
        eq = [ci for ci in cis if cons[ci][2] == 'eq']; le = [ci for ci in cis if cons[ci][2] == 'le']
        def mat(cl):
            if not cl:
                return None, None
            A = lil_matrix((len(cl), len(vs))); b = np.zeros(len(cl))
            for row, ci in enumerate(cl):
                coef, const, _, _ = cons[ci]
                for v, c in coef.items():
                    A[row, pos[v]] = c
                b[row] = -const
            return csr_matrix(A), b
        Aeq, beq = mat(eq); Aub, bub = mat(le)
        bounds = [(1 if lower_one and v in withheld_vars else 0, None) for v in vs]
        def run(c):
            res = linprog(c, A_ub=Aub, b_ub=bub, A_eq=Aeq, b_eq=beq, bounds=bounds, method='highs')
            return res
        out = {}
        # random directions first: feasible points prove widths without a program per target
        rnd = random.Random(1)
        points = []
        for _ in range(4):
            c = np.array([rnd.choice((-1.0, 1.0)) * (v in withheld_vars) for v in vs])
            res = run(c)
            if res.status == 2:
                return None
            if res.status == 0:
                points.append(res.x)
        for k, v in comp_targets[comp]:
            i = pos[v]
            if points:
                lo_s = min(p[i] for p in points); hi_s = max(p[i] for p in points)
                if np.floor(hi_s + 1e-6) - np.ceil(lo_s - 1e-6) >= (1 if lower_one else W):
                    out[(k, v)] = None  # proven wide enough
                    continue
            c = np.zeros(len(vs)); c[i] = 1
            lo = run(c); hi = run(-c)
            if lo.status == 2:
                return None
            lo_v = lo.fun if lo.status == 0 else 0
            hi_v = -hi.fun if hi.status == 0 else float('inf')
            for r in (lo, hi):
                if r.status == 0:
                    points.append(r.x)
            out[(k, v)] = (lo_v, hi_v)
        return out

    narrow, pinned, infeasible_b, contradicted = [], [], 0, set()
    for comp in comp_targets:
        a = solve(comp, False)
        if a is None:
            # taking counts of different releases as the same number contradicts the published facts
            # (a correction changed them): the attacker drops these links and solves again
            key_of = {v: k for (r, k), v in var_of.items()}
            contradicted.update(key_of[v] for ci in comp_cons.get(comp, []) for v in cons[ci][0])
            contradicted.update(k for ci in comp_cons.get(comp, []) for k in cons[ci][3])
            contradicted.update(k for k, _ in comp_targets[comp])
            continue
        for (k, v), iv in a.items():
            if iv is None:
                continue
            lo, hi = iv
            w = np.floor(hi + 1e-6) - np.ceil(lo - 1e-6)
            if w < W and not (hi < 1e-6):
                narrow.append((k, lo, hi))
        b = solve(comp, True)
        if b is None:
            infeasible_b += 1
            continue
        for (k, v), iv in b.items():
            if iv is None:
                continue
            lo, hi = iv
            if np.floor(hi + 1e-6) - np.ceil(lo - 1e-6) < 1:
                pinned.append((k, lo, hi))
    return narrow, pinned, infeasible_b, contradicted, n, len(cons), len(comp_targets)


ambiguous = {k for k, vs in published.items() if len(vs) > 1}
for attempt in range(4):
    narrow, pinned, infeasible_b, contradicted, n, ncons, ngroups = run_attack(ambiguous)
    if not contradicted - ambiguous:
        break
    ambiguous |= contradicted
print(f'releases {len(releases)}; withheld counts published nowhere {len(targets_keys)}; '
      f'withheld in an earlier release and published in a later one {len(revealed)}; '
      f'published in an earlier release and withheld in a later one (a correction changed it) {len(changed)}; '
      f'unknowns {n}; relations {ncons}; groups with withheld counts {ngroups}; links dropped as contradicted {len(ambiguous)}')
print(f'(a) LP, counts >= 0: narrowed below {W}: {len(narrow)} (single value: {sum(1 for _, l, h in narrow if np.floor(h + 1e-6) - np.ceil(l - 1e-6) <= 0)})')
print(f'(b) LP, withheld >= 1: pinned to one value: {len(pinned)}; groups without a solution under (b): {infeasible_b}')
for k, l, h in (narrow + pinned)[:20]:
    print('  ', k, round(l, 3), round(h, 3))
sys.exit(1 if narrow or pinned or revealed else 0)
