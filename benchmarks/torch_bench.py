#!/usr/bin/python3
"""The LayerLab benchmark workloads in PyTorch, one per process, printed as one JSON line.

Usage: /usr/bin/python3 benchmarks/torch_bench.py <w1|w2|w3|w4-mlp|w4-lenet|sgemm|info> [--threads N] [--quick]
Needs Debian's python3-torch (run with /usr/bin/python3). For a fair comparison torch must load OpenBLAS
(apt-get install libopenblas0-pthread); the "info" workload reports which BLAS library torch loaded.
"""
import gzip, json, os, struct, sys, time

import torch
import torch.nn as nn
import torch.nn.functional as F

FASHION = "/usr/share/datasets/fashion-mnist"


def arg(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def loaded_blas():
    libs = set()
    with open("/proc/self/maps") as fh:
        for line in fh:
            p = line.split()[-1]
            if any(s in p for s in ("blas", "lapack", "mkl", "gomp", "omp")) and p.startswith("/"):
                libs.add(os.path.realpath(p))
    return sorted(libs)


def fashion(part, limit):
    def read(path):
        with gzip.open(path, "rb") as fh:
            return fh.read()
    if not os.path.exists(os.path.join(FASHION, part + "-images-idx3-ubyte.gz")):
        sys.exit("Fashion-MNIST is missing: sudo apt-get install dataset-fashion-mnist")
    im = read(os.path.join(FASHION, part + "-images-idx3-ubyte.gz"))
    lb = read(os.path.join(FASHION, part + "-labels-idx1-ubyte.gz"))
    n, h, w = struct.unpack(">III", im[4:16])
    n = min(n, limit)
    x = torch.frombuffer(bytearray(im[16:16 + n * h * w]), dtype=torch.uint8).float().div_(255).reshape(n, 1, h, w)
    y = torch.frombuffer(bytearray(lb[8:8 + n]), dtype=torch.uint8).long()
    return x, y


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))


def lenet():
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def train(model, x, y, opt, loss_fn, batch, epochs):
    n = x.shape[0]
    t0 = time.perf_counter()
    for _ in range(epochs):
        perm = torch.randperm(n)
        for i in range(0, n, batch):
            idx = perm[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
    return n * epochs / (time.perf_counter() - t0)


def spirals(n=400):
    # LayerLab's two-spirals generator (default settings), so both sides learn the same points.
    xs, ys = [], []
    import math
    for i in range(n):
        label = i % 2
        f = (i // 2) / (n / 2.0)
        r, t = 5 * f, 1.75 * f * 2 * math.pi + label * math.pi
        xs.append([r * math.sin(t), r * math.cos(t)]); ys.append([float(label)])
    return torch.tensor(xs), torch.tensor(ys)


def w1(quick):
    x, y = spirals()
    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.03)
    loss = nn.BCEWithLogitsLoss()
    train(model, x, y, opt, loss, 10, 5 if quick else 20)
    return {"samples_per_s": round(train(model, x, y, opt, loss, 10, 20 if quick else 100))}


def fashion_run(make_model, quick, epochs):
    x, y = fashion("train", 10000 if quick else 60000)
    tx, ty = fashion("t10k", 10000)

    def once():
        torch.manual_seed(1)
        model = make_model()
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        return model, train(model, x, y, opt, nn.CrossEntropyLoss(), 64, epochs)
    model, sps = once()
    with torch.no_grad():
        acc = (model(tx).argmax(1) == ty).float().mean().item()
    _, warm = once()  # the same run again in this process, as LayerLab's side does
    return {"samples_per_s": round(sps), "samples_per_s_warm": round(warm), "test_accuracy": round(acc, 4),
            "train_samples": x.shape[0], "epochs": epochs}


def warm_up(call, times, quick):
    """At least `times` calls and at least 1 s of them (0.3 s quick), as Bench.warmUp does on LayerLab's side."""
    t0, done = time.perf_counter(), 0
    while done < times or time.perf_counter() - t0 < (0.3 if quick else 1.0):
        call(); done += 1


def w4(model, shape, quick):
    model.eval()
    one, many = torch.rand(1, *shape), torch.rand(256, *shape)
    n1, n256 = (2000, 30) if quick else (20000, 200)
    with torch.no_grad():
        warm_up(lambda: model(one), n1 // 2, quick)
        t0 = time.perf_counter()
        for _ in range(n1): model(one)
        lat = (time.perf_counter() - t0) / n1 * 1e6
        warm_up(lambda: model(many), n256 // 3, quick)
        t0 = time.perf_counter()
        for _ in range(n256): model(many)
        sps = 256 * n256 / (time.perf_counter() - t0)
    return {"latency_us_batch1": round(lat, 1), "samples_per_s_batch256": round(sps)}


def sgemm(quick):
    r = {}
    for n in (512, 1024):
        a, b = torch.rand(n, n), torch.rand(n, n)
        for _ in range(5): a @ b
        reps, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < (1.0 if quick else 3.0):
            a @ b; reps += 1
        r["gflops_%d" % n] = round(2 * n ** 3 * reps / (time.perf_counter() - t0) / 1e9, 1)
    return r


def main():
    workload = sys.argv[1]
    threads = int(arg("--threads", "2"))
    quick = "--quick" in sys.argv
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    if workload == "info":
        torch.rand(64, 64) @ torch.rand(64, 64)  # make sure the BLAS is loaded
        r = {"torch": torch.__version__, "blas": loaded_blas(), "torch_threads": torch.get_num_threads(),
             "build": [kv for kv in torch.__config__.show().replace("\n", ",").split(",")
                       if kv.strip().startswith(("BLAS_INFO", "USE_MKLDNN", "USE_OPENMP"))]}
    elif workload == "w1": r = w1(quick)
    elif workload == "w2": r = fashion_run(mlp, quick, 1)
    elif workload == "w3": r = fashion_run(lenet, quick, 1 if quick else 2)
    elif workload == "w4-mlp": r = w4(mlp(), (1, 28, 28), quick)
    elif workload == "w4-lenet": r = w4(lenet(), (1, 28, 28), quick)
    elif workload == "sgemm": r = sgemm(quick)
    else: sys.exit("unknown workload " + workload)
    r["threads"] = threads
    print(json.dumps(dict({"workload": workload}, **r)))


if __name__ == "__main__":
    main()
