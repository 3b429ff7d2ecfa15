#!/usr/bin/python3
"""Writes PyTorch reference values for LayerLab's layer, loss and optimizer tests.

Run with Debian's torch:  /usr/bin/python3 compute/src/test/python/make_fixtures.py
Output: compute/src/test/resources/fixtures/torch_reference.json (committed, so tests never need torch).
Weights use LayerLab's layouts: Dense kernel is [in, units] (the transpose of torch's Linear.weight); Conv2D
kernel is [filters, channels, kh, kw] like torch. Images are N x C x H x W.
"""
import json, math, os
import torch
import torch.nn.functional as F

torch.manual_seed(1234)
torch.set_default_dtype(torch.float32)
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "torch_reference.json")


def flat(t):
    return [float("%.9g" % v) for v in t.detach().reshape(-1).tolist()]


def rnd(*shape):
    return torch.randn(*shape)


layers = []


def case(name, type_, params, inputs, weights, out, training=False, buffers=None, buffers_after=None):
    layers.append({
        "name": name, "type": type_, "params": params, "training": training,
        "inputs": [{"shape": list(x.shape), "data": flat(x)} for x in inputs],
        "weights": {k: {"shape": list(v.shape), "data": flat(v)} for k, v in weights.items()},
        "buffers": {k: flat(v) for k, v in (buffers or {}).items()},
        "buffersAfter": {k: flat(v) for k, v in (buffers_after or {}).items()},
        "output": {"shape": list(out.shape), "data": flat(out)},
    })


def same_pad(h, k, s, d):
    """TensorFlow/Keras 'same' padding (extra at the end), which LayerLab uses: returns (before, after)."""
    out = (h + s - 1) // s
    total = max(0, (out - 1) * s + d * (k - 1) + 1 - h)
    return total // 2, total - total // 2


# Dense with each activation (the activation catalog is checked through Dense and the Activation layer).
acts = {"linear": lambda x: x, "relu": F.relu, "leaky-relu": lambda x: F.leaky_relu(x, 0.01), "elu": F.elu,
        "gelu": F.gelu, "silu": F.silu, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "softmax": lambda x: F.softmax(x, -1)}
for act, f in acts.items():
    x = rnd(4, 5); w = rnd(3, 5) * 0.5; b = rnd(3) * 0.1
    case("dense-" + act, "dense", {"units": 3, "activation": act}, [x], {"kernel": w.t().contiguous(), "bias": b}, f(F.linear(x, w, b)))
    case("activation-" + act, "activation", {"activation": act}, [x], {}, f(x))

# Conv2D: stride/padding/dilation combinations.
for (k, s, pad, d, bias, f) in [(3, 1, "valid", 1, True, 4), (3, 1, "same", 1, True, 2), (3, 2, "same", 1, False, 3),
                                 (2, 2, "valid", 1, True, 2), (3, 1, "valid", 2, True, 2), (4, 1, "same", 1, True, 2),
                                 (3, 2, "same", 2, True, 2), (5, 1, "valid", 1, True, 6)]:
    x = rnd(2, 3, 7, 8); w = rnd(f, 3, k, k) * 0.3; b = rnd(f) * 0.1
    if pad == "same":
        t, bt = same_pad(7, k, s, d); l, r = same_pad(8, k, s, d)
        xp = F.pad(x, (l, r, t, bt))
    else:
        xp = x
    y = F.conv2d(xp, w, b if bias else None, stride=s, dilation=d)
    weights = {"kernel": w}
    if bias: weights["bias"] = b
    case("conv2d-k%d-s%d-%s-d%d-%s" % (k, s, pad, d, "b" if bias else "nob"), "conv2d",
         {"filters": f, "kernel": k, "stride": s, "padding": pad, "dilation": d, "useBias": bias, "activation": "linear"}, [x], weights, y)
x = rnd(2, 2, 6, 6); w = rnd(3, 2, 3, 3) * 0.3; b = rnd(3) * 0.1
case("conv2d-relu", "conv2d", {"filters": 3, "kernel": 3, "activation": "relu"}, [x], {"kernel": w, "bias": b}, F.relu(F.conv2d(x, w, b)))

# Pooling.
for (p, s, pad) in [(2, 0, "valid"), (3, 2, "valid"), (3, 1, "valid"), (2, 0, "same"), (3, 2, "same")]:
    x = rnd(2, 3, 7, 6)
    stride = s if s else p
    if pad == "same":
        t, bt = same_pad(7, p, stride, 1); l, r = same_pad(6, p, stride, 1)
        ym = F.max_pool2d(F.pad(x, (l, r, t, bt), value=-math.inf), p, stride)
        # average over taps inside the image only
        ones = F.pad(torch.ones_like(x), (l, r, t, bt))
        ya = F.avg_pool2d(F.pad(x, (l, r, t, bt)), p, stride) / F.avg_pool2d(ones, p, stride)
    else:
        ym = F.max_pool2d(x, p, stride); ya = F.avg_pool2d(x, p, stride)
    prm = {"pool": p, "stride": s, "padding": pad}
    case("maxpool-p%d-s%d-%s" % (p, s, pad), "maxpool2d", prm, [x], {}, ym)
    case("avgpool-p%d-s%d-%s" % (p, s, pad), "avgpool2d", prm, [x], {}, ya)
x = rnd(3, 4, 5, 5)
case("globalavgpool", "globalavgpool2d", {}, [x], {}, x.mean(dim=(2, 3)))

# Shape layers.
x = rnd(2, 3, 4, 2)
case("flatten", "flatten", {}, [x], {}, x.reshape(2, -1))
x = rnd(2, 24)
case("reshape", "reshape", {"shape": [2, 3, 4]}, [x], {}, x.reshape(2, 2, 3, 4))

# BatchNorm: dense and spatial, training (batch statistics + running update) and inference.
for shape in [(6, 4), (3, 2, 4, 5)]:
    c = shape[1]
    x = rnd(*shape) * 2 + 0.5; g = rnd(c) * 0.5 + 1; b = rnd(c) * 0.1
    rm = rnd(c) * 0.1; rv = torch.rand(c) + 0.5
    for training in (True, False):
        rm2, rv2 = rm.clone(), rv.clone()
        y = F.batch_norm(x, rm2, rv2, g, b, training=training, momentum=0.1, eps=1e-5)
        case("batchnorm-%s-%s" % ("spatial" if len(shape) == 4 else "dense", "train" if training else "eval"), "batchnorm",
             {"momentum": 0.1, "epsilon": 1e-5}, [x], {"gamma": g, "beta": b}, y, training=training,
             buffers={"runningMean": rm, "runningVar": rv}, buffers_after={"runningMean": rm2, "runningVar": rv2})

# LayerNorm over the whole sample.
for shape in [(4, 6), (2, 3, 4, 4)]:
    x = rnd(*shape) * 3 + 1; g = rnd(*shape[1:]) * 0.5 + 1; b = rnd(*shape[1:]) * 0.1
    case("layernorm-%d" % len(shape), "layernorm", {"epsilon": 1e-5}, [x], {"gamma": g, "beta": b},
         F.layer_norm(x, shape[1:], g, b, 1e-5))

# Merge layers.
a, b2, c3 = rnd(2, 3, 4, 4), rnd(2, 3, 4, 4), rnd(2, 3, 4, 4)
case("add-3", "add", {}, [a, b2, c3], {}, a + b2 + c3)
for axis in (0, 1, 2, -1):
    a, b2 = rnd(2, 2, 3, 4), rnd(2, 2, 3, 4)
    if axis == 0: b2 = rnd(2, 3, 3, 4)
    if axis == 1: b2 = rnd(2, 2, 2, 4)
    full = axis + 1 if axis >= 0 else axis
    case("concat-axis%d" % axis, "concatenate", {"axis": axis}, [a, b2], {}, torch.cat([a, b2], dim=full))
a, b2 = rnd(3, 4), rnd(3, 2)
case("concat-flat", "concatenate", {"axis": -1}, [a, b2], {}, torch.cat([a, b2], dim=1))

# Feature inputs: a point (x1, x2) expanded into the chosen features, in the declared order.
x = rnd(5, 2)
a, b = x[:, 0], x[:, 1]
case("features-all", "features", {"x1Squared": True, "x2Squared": True, "x1x2": True, "sinX1": True, "sinX2": True}, [x], {},
     torch.stack([a, b, a * a, b * b, a * b, torch.sin(a), torch.sin(b)], dim=1))

# Output head: a linear map to logits.
x = rnd(4, 6); w = rnd(3, 6) * 0.4; b = rnd(3) * 0.1
case("output", "output", {"units": 3}, [x], {"kernel": w.t().contiguous(), "bias": b}, F.linear(x, w, b))

# Losses: value and gradient with respect to the output.
losses = []


def loss_case(loss_id, out, labels=None, targets=None):
    o = out.clone().requires_grad_(True)
    if loss_id == "softmax-cross-entropy":
        l = F.cross_entropy(o, torch.tensor(labels))
    elif loss_id == "binary-cross-entropy":
        l = F.binary_cross_entropy_with_logits(o, torch.tensor(labels, dtype=torch.float32).reshape(o.shape))
    elif loss_id == "mse":
        l = F.mse_loss(o, targets)
    elif loss_id == "mae":
        l = F.l1_loss(o, targets)
    else:
        l = F.huber_loss(o, targets, delta=1.0)
    l.backward()
    losses.append({"loss": loss_id, "output": {"shape": list(out.shape), "data": flat(out)},
                   "labels": labels, "targets": None if targets is None else flat(targets),
                   "value": float(l), "grad": flat(o.grad)})


loss_case("softmax-cross-entropy", rnd(5, 4) * 3, labels=[0, 3, 1, 1, 2])
loss_case("softmax-cross-entropy", torch.tensor([[80.0, -80.0, 0.0], [-100.0, 100.0, 50.0]]), labels=[1, 2])
loss_case("binary-cross-entropy", rnd(6, 1) * 4, labels=[0, 1, 1, 0, 1, 0])
loss_case("binary-cross-entropy", torch.tensor([[90.0], [-90.0], [30.0]]), labels=[0, 1, 1])
for lid in ("mse", "mae", "huber"):
    loss_case(lid, rnd(4, 3) * 2, targets=rnd(4, 3) * 2)

# Optimizers: weights w, gradient of 0.5·Σ c·w² + d·w, i.e. g = c·w + d; five steps.
optims = []
c = torch.rand(7) * 2 + 0.1; d = rnd(7); w0 = rnd(7)


def opt_case(opt_id, params, make):
    w = w0.clone().requires_grad_(True)
    opt = make([w])
    traj = []
    for _ in range(5):
        opt.zero_grad()
        loss = (0.5 * c * w * w + d * w).sum()
        loss.backward()
        opt.step()
        traj.append(flat(w))
    optims.append({"optimizer": opt_id, "params": params, "trajectory": traj})


opt_case("sgd", {"learningRate": 0.1}, lambda p: torch.optim.SGD(p, lr=0.1))
opt_case("sgd", {"learningRate": 0.1, "momentum": 0.9}, lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9))
opt_case("sgd", {"learningRate": 0.1, "momentum": 0.9, "nesterov": True}, lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True))
opt_case("sgd", {"learningRate": 0.1, "momentum": 0.5, "l2": 0.01}, lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.5, weight_decay=0.01))
opt_case("adam", {"learningRate": 0.05}, lambda p: torch.optim.Adam(p, lr=0.05))
opt_case("adam", {"learningRate": 0.05, "beta1": 0.8, "beta2": 0.99, "l2": 0.1}, lambda p: torch.optim.Adam(p, lr=0.05, betas=(0.8, 0.99), weight_decay=0.1))
opt_case("adamw", {"learningRate": 0.05, "weightDecay": 0.1}, lambda p: torch.optim.AdamW(p, lr=0.05, weight_decay=0.1))
opt_case("rmsprop", {"learningRate": 0.01}, lambda p: torch.optim.RMSprop(p, lr=0.01))
opt_case("rmsprop", {"learningRate": 0.01, "rho": 0.9}, lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9))
opt_case("adagrad", {"learningRate": 0.1}, lambda p: torch.optim.Adagrad(p, lr=0.1))

# Learning-rate schedules: the rate before each of 15 steps, 3 steps per epoch (epoch-based ones step per epoch).
schedules = []
SPE, TOTAL = 3, 15


def sched_case(sid, params, make, per_epoch):
    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1)
    s = make(opt)
    rates = []
    for step in range(TOTAL):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        if not per_epoch:
            s.step()
        elif (step + 1) % SPE == 0:
            s.step()
    schedules.append({"schedule": sid, "params": params, "baseLr": 0.1, "stepsPerEpoch": SPE, "totalSteps": TOTAL, "rates": rates})


sched_case("constant", {}, lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda e: 1.0), True)
sched_case("step", {"stepEpochs": 2, "gamma": 0.5}, lambda o: torch.optim.lr_scheduler.StepLR(o, 2, 0.5), True)
sched_case("exponential", {"gamma": 0.8}, lambda o: torch.optim.lr_scheduler.ExponentialLR(o, 0.8), True)
sched_case("cosine", {"minFactor": 0.1}, lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, TOTAL, eta_min=0.01), False)
sched_case("linear-warmup", {"warmupSteps": 5}, lambda o: torch.optim.lr_scheduler.LinearLR(o, 1 / 5, 1.0, 4), False)

# Gradient clipping by global norm.
g1, g2 = rnd(3, 4) * 2, rnd(5) * 2
p1, p2 = torch.zeros(3, 4, requires_grad=True), torch.zeros(5, requires_grad=True)
p1.grad, p2.grad = g1.clone(), g2.clone()
torch.nn.utils.clip_grad_norm_([p1, p2], 1.5)
clip = {"maxNorm": 1.5, "grads": [flat(g1), flat(g2)], "clipped": [flat(p1.grad), flat(p2.grad)]}

# Zero padding (own generator, so adding it left every other value as it was).
gen = torch.Generator().manual_seed(11)
x = torch.randn(2, 3, 4, 5, generator=gen)
case("zeropad2d", "zeropad2d", {"top": 2, "bottom": 0, "left": 1, "right": 3}, [x], {}, F.pad(x, (1, 3, 2, 0)))

doc = {"torch": torch.__version__, "layers": layers, "losses": losses,
       "optimizer": {"c": flat(c), "d": flat(d), "w0": flat(w0), "cases": optims},
       "schedules": schedules, "clip": clip}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as fh:
    json.dump(doc, fh, separators=(",", ":"))
print("wrote", os.path.normpath(OUT), len(layers), "layer cases,", len(losses), "loss cases,", len(optims), "optimizer cases")
