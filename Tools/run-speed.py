#!/usr/bin/env python3
"""Speed of `metro6 run` on the bundled city (the figures the metro model issue asks for).

Measures, with the release binary, best of --repeat runs each:
  1. the network alone, one replication: wall time and subscriber-months per second;
  2. the network with 4x the subscribers (and 4x the equipment): the time ratio (want <= 4.4x);
  3. 8 replications on 1 thread and on 2 threads: the speed-up (want >= 1.8x on 2 cores);
  4. the compute centre alone over the ten years (the bundled scenario with and without it).
Usage: Tools/run-speed.py [--bin .build/release/metro6] [--repeat 3]
"""
import argparse, json, os, subprocess, tempfile, time
import yaml  # PyYAML: only this tool needs it

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
p = argparse.ArgumentParser()
p.add_argument("--bin", default=os.path.join(root, ".build/release/metro6"))
p.add_argument("--repeat", type=int, default=3)
a = p.parse_args()

with open(os.path.join(root, "Scenarios/shenzhen-2011.yaml")) as f:
    city = yaml.safe_load(f)
for action in city.get("plan", []):
    action["month"] = str(action["month"])
city["start"] = str(city["start"])

def write(doc):
    fd, path = tempfile.mkstemp(suffix=".yaml")
    with os.fdopen(fd, "w") as f:
        yaml.safe_dump(doc, f)
    return path

def best(args):
    times = []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        out = subprocess.run([a.bin, "run", *args, "--format", "json"], check=True, capture_output=True, text=True).stdout
        times.append(time.perf_counter() - t0)
    return min(times), json.loads(out)

network = dict(city)
network.pop("compute", None)
network["plan"] = [x for x in city["plan"] if x["action"] != "expandCompute"]
scaled = json.loads(json.dumps(network))
for d in scaled["districts"]:
    for key in ("subscribers", "netAddsPerMonth"):
        d[key] = {t: v * 4 for t, v in d[key].items()}
    for plant in d["accessNodes"].values():
        for k in ("nodes", "ready", "upgradable"):
            plant[k] *= 4
    d["bngs"]["count"] *= 4
    d["uplinkGbps"] *= 4
scaled["addressing"]["publicIPv4"] *= 4
scaled["addressing"]["cgnatGbps"] *= 4
scaled["traffic"]["coreGbps"] *= 4

paths = [write(network), write(scaled)]
try:
    t1, doc = best([paths[0]])
    sub_months = sum(m["subscribers"] for m in doc["months"])
    t4, _ = best([paths[1]])
    r1, _ = best([paths[0], "--replications", "8", "--threads", "1"])
    r2, _ = best([paths[0], "--replications", "8", "--threads", "2"])
    full, _ = best([])
    print("| measure | figure |")
    print("|---|---:|")
    print(f"| network, 1 replication, wall s | {t1:.3f} |")
    print(f"| subscriber-months per second | {sub_months / t1:,.0f} |")
    print(f"| 4x subscribers: time ratio (want <= 4.4) | {t4 / t1:.2f} |")
    print(f"| 8 replications, 1 thread s / 2 threads s | {r1:.2f} / {r2:.2f} |")
    print(f"| speed-up on 2 threads (want >= 1.8) | {r1 / r2:.2f} |")
    print(f"| bundled scenario with its compute centre, wall s | {full:.3f} |")
    print(f"| compute centre, ten years (difference), s | {full - t1:.3f} |")
finally:
    for path in paths:
        os.unlink(path)
