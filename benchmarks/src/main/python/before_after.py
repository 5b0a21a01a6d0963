"""Before and after a graph-runner switch, in one javanets process, alternating epoch by epoch.

Usage: before_after.py CLASSPATH PROPERTY [rounds] [cells...]
PROPERTY is a system property read when a runner is compiled (e.g. javanets.graphRunner.singleGradient):
the "before" models are built with it false, the "after" models with it true; each round trains one
epoch of each cell before and after (the order alternating round by round). Cells: mlp:<kind>:<batch>
or rnn:<form>; default the four MLP cells. Prints one Markdown line per cell: medians and the median
of the per-round ratios after / before.
"""
import os
import statistics
import subprocess
import sys

cp, prop = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 7
cells = sys.argv[4:] or ["mlp:regressor_mse:32", "mlp:regressor_mse:128",
                         "mlp:classifier_xe:32", "mlp:classifier_xe:128"]
java = subprocess.Popen(
    ["java", "-Xmx2g", "-Dorg.nd4j.log.initialization=false", "-cp", cp,
     "io.github.javanets.benchmarks.EpochServer"],
    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    env=dict(os.environ, OMP_NUM_THREADS="1"))


def ask(command):
    java.stdin.write(command + "\n")
    java.stdin.flush()
    return java.stdout.readline().strip()


def epoch(cell, variant):
    ask("set %s %s" % (prop, "true" if variant == "after" else "false"))
    parts = cell.split(":")
    return float(ask(" ".join(parts[:1] + parts[1:] + [variant])))


times = {c: {"before": [], "after": []} for c in cells}
for r in range(rounds + 2):
    for c in cells:
        order = ("before", "after") if r % 2 == 0 else ("after", "before")
        for v in order:
            t = epoch(c, v)
            if r >= 2:
                times[c][v].append(t)
java.stdin.close()
java.wait()
print("| cell | before (ms) | after (ms) | after / before (median of rounds, min-max) |")
print("|---|---|---|---|")
for c in cells:
    b, a = times[c]["before"], times[c]["after"]
    ratios = [x / y for x, y in zip(a, b)]
    print("| %s | %.1f | %.1f | %.2f (%.2f-%.2f) |" % (
        c, statistics.median(b), statistics.median(a), statistics.median(ratios), min(ratios),
        max(ratios)))
print("load: %s" % (os.getloadavg(),))
