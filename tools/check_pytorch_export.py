#!/usr/bin/python3
"""Checks LayerLab's PyTorch export on every sample project, end to end.

For each sample (trained briefly in LayerLab by the SampleExportTest Maven test, which exports the folders):
  1. load LayerLab's weights into model.py's Model and compare its outputs with LayerLab's (must be <= 1e-4),
  2. train one epoch in one process (python3 train.py --epochs 1),
  3. train one epoch under torchrun with 2 processes on loopback (DistributedDataParallel, gloo on CPU),
and print a table of the metrics. Needs Debian's python3-torch; run from the repository root:

    /usr/bin/python3 tools/check_pytorch_export.py            # exports with Maven, then checks
    /usr/bin/python3 tools/check_pytorch_export.py --dir DIR  # checks folders exported before
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile

PY = "/usr/bin/python3"


def run(cmd, cwd=None, timeout=600):
    """Runs a step; one that hangs (seen once with torchrun on a heavily loaded machine) fails after `timeout` s."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return 124, out + "\n(timed out after %d s)" % timeout
    return p.returncode, p.stdout


def free_port():
    """A free loopback port for the rendezvous (the fixed default of --standalone collides with other runs)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def last_metrics(out):
    """The last "metrics {...}" line (torchrun's tee prefixes lines with the rank, e.g. "[default0]:")."""
    lines = [l[l.index("metrics {") + len("metrics "):] for l in out.splitlines() if "metrics {" in l]
    return json.loads(lines[-1]) if lines else None


def fmt(m, key):
    return "%.4f" % m[key] if m and key in m else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", help="folders already exported (skip the Maven step)")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = args.dir or tempfile.mkdtemp(prefix="layerlab-pytorch-")
    if not args.dir:
        code, out = run(["mvn", "-B", "-q", "-pl", "sample-projects", "-am", "test", "-Dtest=SampleExportTest",
                         "-Dsurefire.failIfNoSpecifiedTests=false", "-Dlayerlab.exportDir=" + out_dir], cwd=root, timeout=1800)
        if code != 0:
            print(out[-4000:])
            sys.exit("the Maven export step failed")
    rows, failed = [], False
    head = ("sample", "max |PyTorch-LayerLab|", "1 proc loss", "1 proc acc", "1 proc val_acc", "1 proc s",
            "2 proc loss", "2 proc acc", "2 proc val_acc", "2 proc s")
    # The table is printed a row at a time, as each sample finishes: the image samples take minutes each.
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head), flush=True)
    for name in sorted(os.listdir(out_dir)):
        folder = os.path.join(out_dir, name)
        if not os.path.isfile(os.path.join(folder, "train.py")):
            continue
        code, out = run([PY, "train.py", "--compare", "reference.safetensors"], cwd=folder)
        diff = json.loads([l for l in out.splitlines() if "max_abs_diff" in l][-1])["max_abs_diff"] if "max_abs_diff" in out else float("nan")
        failed |= code != 0
        code1, out1 = run([PY, "train.py", "--epochs", "1", "--out", "single.pt"], cwd=folder)
        # --redirects 2 --tee 1: torch 1.13's launcher fails on Python 3.11 with its default "0" (Std.NONE is not found
        # when iterating the flag enum); these values work on every version, and the worker logs go to --log_dir.
        logs = os.path.join(folder, "torchrun-logs")
        code2, out2 = run([PY, "-m", "torch.distributed.run", "--nnodes", "1", "--master_addr", "127.0.0.1",
                           "--master_port", str(free_port()), "--nproc_per_node", "2", "--redirects", "2", "--tee", "1",
                           "--log_dir", logs, "train.py", "--epochs", "1", "--out", "ddp.pt"], cwd=folder)
        m1, m2 = last_metrics(out1), last_metrics(out2)
        if code1 != 0 or m1 is None:
            failed = True
            print(name, "single process failed:\n", out1[-2000:])
        if code2 != 0 or m2 is None:
            failed = True
            print(name, "torchrun failed:\n", out2[-2000:])
            for dirpath, _, files in os.walk(logs):
                for f in files:
                    with open(os.path.join(dirpath, f)) as fh:
                        print(os.path.join(dirpath, f), fh.read()[-2000:])
        rows.append((name, diff, m1, m2))
        print("| " + " | ".join([name, "%.2e" % diff, fmt(m1, "loss"), fmt(m1, "accuracy"), fmt(m1, "val_accuracy"), fmt(m1, "seconds"),
                                 fmt(m2, "loss"), fmt(m2, "accuracy"), fmt(m2, "val_accuracy"), fmt(m2, "seconds")]) + " |", flush=True)
    bad = [r for r in rows if not (r[1] <= 1e-4)]
    if bad or failed or not rows:
        sys.exit("FAILED: " + ", ".join(r[0] for r in bad) if bad else "FAILED")
    print("all %d samples: outputs within 1e-4 of LayerLab's, one epoch trained on 1 and 2 processes" % len(rows))


if __name__ == "__main__":
    main()
