#!/usr/bin/env python3
"""A plain Python FCFS / EASY-backfilling simulator: the independent oracle and speed peer for
metro6's ComputeModel.

Semantics (the same as the ComputeModel issue states them): a job holds its processors for
min(run time, requested time); jobs wider than the machine are skipped; events at one time are
applied together, completions first, then arrivals in trace order, then one scheduling pass.
FCFS starts queued jobs in order while the head fits. EASY then reserves for the head the
earliest time enough processors are free, judged from running jobs' requested end times (the
shadow time; processors left over then, counting every job whose requested end falls at that
instant, are the extra ones), and starts every later queued job,
in submit order, that fits now and either ends (by its requested time) no later than the shadow
time or needs no more than the extra processors (which it then uses up). With --backfill-depth D,
a pass looks at only the first D queued jobs behind the head (Slurm's bf_max_job_test).
With --expand TIME:PROCS (repeatable) the machine grows by PROCS processors at TIME, applied
before the completions at that time, while any job is still to arrive or run; a job is skipped
when it is wider than the machine on arrival.

Usage:
  easy_reference.py TRACE.swf --cores N --scheduler fcfs|easy [--backfill-depth D]
                    [--expand TIME:PROCS ...] [--starts OUT.csv]
  easy_reference.py TRACE.swf --cores N --scheduler S --sla-p95 W --period P [--node-size K]
                    [--max-added M]
      (the wait SLA: the first period whose P95 wait, rank ceil(0.95 n) of the waits of the jobs
      submitted in it, exceeds W seconds, and the fewest processors, a multiple of K, that added
      at that period's start leave no period above W, found by trying every multiple in turn)
  easy_reference.py --generate N --cores C --seed S --out TRACE.swf [--killed P] [--too-wide P]
      (a random test trace; --killed: the share of jobs whose requested time is below their run
      time, so the scheduler kills them; --too-wide: the share wider than C processors)
Prints the jobs simulated and jobs per CPU-second (simulation only, parsing excluded).
"""
import argparse
import heapq
import json
import math
import random
import sys
import time


def read_swf(path):
    jobs = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith(";"):
                continue
            v = [float(x) for x in line.split()]
            run = v[3]
            procs = v[4] if v[4] > 0 else v[7]
            req = v[8] if v[8] >= 0 else run
            jobs.append((int(v[0]), v[1], run, int(procs), req))
    return jobs


def simulate(jobs, cores, scheduler, depth=None, expansions=()):
    order = sorted(range(len(jobs)), key=lambda i: (jobs[i][1], i))
    start = [-1.0] * len(jobs)
    completions = []  # (actual end, job)
    running = []  # (requested end, job)
    queue = []
    free = cores
    nxt = 0
    growth = sorted(expansions)
    while True:
        t_c = completions[0][0] if completions else float("inf")
        t_a = jobs[order[nxt]][1] if nxt < len(order) else float("inf")
        pending = t_c < float("inf") or t_a < float("inf")
        t_e = growth[0][0] if growth and pending else float("inf")
        now = min(t_c, t_a, t_e)
        if now == float("inf"):
            break
        while growth and growth[0][0] <= now:
            cores += growth[0][1]
            free += growth[0][1]
            growth.pop(0)
        while completions and completions[0][0] <= now:
            _, j = heapq.heappop(completions)
            free += jobs[j][3]
            running.remove((start[j] + jobs[j][4], j))
        while nxt < len(order) and jobs[order[nxt]][1] <= now:
            j = order[nxt]
            nxt += 1
            if jobs[j][3] <= cores:
                queue.append(j)

        def launch(j):
            nonlocal free
            start[j] = now
            free -= jobs[j][3]
            running.append((now + jobs[j][4], j))
            heapq.heappush(completions, (now + min(jobs[j][2], jobs[j][4]), j))

        while queue and jobs[queue[0]][3] <= free:
            launch(queue.pop(0))
        if scheduler == "easy" and queue:
            head = queue[0]
            available = free
            shadow = None
            ends = sorted(running)
            for k, (end, j) in enumerate(ends):
                available += jobs[j][3]
                if available >= jobs[head][3]:
                    # Every running job whose requested end falls at the shadow time adds to the extra.
                    available += sum(jobs[j2][3] for end2, j2 in ends[k + 1:] if end2 == end)
                    shadow, extra = end, available - jobs[head][3]
                    break
            rest = []
            considered = queue[1:] if depth is None else queue[1 : 1 + depth]
            for j in considered:
                width, req = jobs[j][3], jobs[j][4]
                if width <= free and now + req <= shadow:
                    launch(j)
                elif width <= free and width <= extra:
                    extra -= width
                    launch(j)
                else:
                    rest.append(j)
            queue = [head] + rest + ([] if depth is None else queue[1 + depth :])
    return start


def periods_p95(jobs, start, length):
    """P95 wait per period of `length` from the first submit of a scheduled job, as ComputeModel's
    ScheduleResult.periods counts them (a job in the period it was submitted in)."""
    ran = [j for j in range(len(jobs)) if start[j] >= 0]
    if not ran:
        return [], 0.0
    origin = min(jobs[j][1] for j in ran)
    last_end = max(start[j] + min(jobs[j][2], jobs[j][4]) for j in ran)
    count = max(1, math.ceil((last_end - origin) / length))
    waits = [[] for _ in range(count)]
    for j in ran:
        k = min(count - 1, max(0, int((jobs[j][1] - origin) / length)))
        waits[k].append(start[j] - jobs[j][1])
    p95 = []
    for w in waits:
        w.sort()
        p95.append(w[math.ceil(0.95 * len(w)) - 1] if w else 0.0)
    return p95, origin


def sla_search(jobs, cores, scheduler, depth, bound, length, node, limit):
    p95, origin = periods_p95(jobs, simulate(jobs, cores, scheduler, depth), length)
    breached = [k for k, v in enumerate(p95) if v > bound]
    result = {"first_breach": breached[0] if breached else None, "periods_breached": len(breached),
              "processors_to_add": None}
    if not breached:
        return result
    when = origin + breached[0] * length
    for nodes in range(1, limit // node + 1):
        grown, _ = periods_p95(jobs, simulate(jobs, cores, scheduler, depth, [(when, nodes * node)]), length)
        if all(v <= bound for v in grown):
            result["processors_to_add"] = nodes * node
            break
    return result


def generate(n, cores, seed, path, killed=0.0, too_wide=0.0):
    rng = random.Random(seed)
    hard = random.Random(seed + 1)  # a second stream, so killed/too-wide leave the default trace as it was
    t = 0.0
    with open(path, "w") as f:
        f.write(f"; Random test trace from Tools/compute/easy_reference.py --generate {n} --cores {cores} --seed {seed}\n")
        f.write(f"; MaxProcs: {cores}\n")
        for i in range(1, n + 1):
            t += round(rng.expovariate(1 / 40.0))
            width = rng.choice([1, 2, 4, 8, 16, 32, 3, 5, 12]) if rng.random() < 0.9 else rng.randint(1, cores)
            run = max(1, round(rng.lognormvariate(5.5, 1.3)))
            req = -1 if rng.random() < 0.05 else max(run, round(run * rng.uniform(0.8, 4)))
            alloc = -1 if rng.random() < 0.05 else width
            if hard.random() < killed:
                req = max(1, round(run * hard.uniform(0.2, 0.95)))
            if hard.random() < too_wide:
                width = alloc = cores + hard.randint(1, cores)
            f.write(f"{i} {t:.0f} -1 {run} {alloc} -1 -1 {width} {req} -1 1 {i % 7} -1 -1 -1 -1 -1 -1\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("trace", nargs="?")
    p.add_argument("--cores", type=int, required=True)
    p.add_argument("--scheduler", choices=["fcfs", "easy"], default="easy")
    p.add_argument("--starts")
    p.add_argument("--generate", type=int)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out")
    p.add_argument("--backfill-depth", type=int)
    p.add_argument("--expand", action="append", default=[], metavar="TIME:PROCS")
    p.add_argument("--killed", type=float, default=0.0)
    p.add_argument("--too-wide", type=float, default=0.0)
    p.add_argument("--sla-p95", type=float)
    p.add_argument("--period", type=float, default=30.436875 * 86400)
    p.add_argument("--node-size", type=int, default=1)
    p.add_argument("--max-added", type=int)
    a = p.parse_args()
    if a.generate:
        generate(a.generate, a.cores, a.seed, a.out, a.killed, a.too_wide)
        return
    jobs = read_swf(a.trace)
    expansions = [(float(t), int(n)) for t, n in (e.split(":") for e in a.expand)]
    if a.sla_p95 is not None:
        limit = a.max_added if a.max_added is not None else 16 * a.cores
        result = sla_search(jobs, a.cores, a.scheduler, a.backfill_depth, a.sla_p95, a.period, a.node_size, limit)
        print(json.dumps(result))
        return
    t0 = time.process_time()
    start = simulate(jobs, a.cores, a.scheduler, a.backfill_depth, expansions)
    cpu = time.process_time() - t0
    ran = sum(1 for s in start if s >= 0)
    print(f"{a.scheduler}: {ran} jobs in {cpu:.3f} CPU s: {ran / cpu:.0f} jobs per CPU-second")
    if a.starts:
        with open(a.starts, "w") as f:
            f.write("id,start\n")
            for j, s in enumerate(start):
                f.write(f"{jobs[j][0]},{s:g}\n")


if __name__ == "__main__":
    sys.exit(main())
