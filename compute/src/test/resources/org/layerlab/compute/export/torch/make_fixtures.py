"""Makes the ONNX import fixtures with PyTorch (Debian's python3-torch): small models exported by torch.onnx.export at
opsets 13 and 17, each with a JSON file holding a batch of inputs and PyTorch's outputs for it.

Run from this folder:  /usr/bin/python3 make_fixtures.py   (rewrites the .onnx and .json files beside it)
"""
import json
import os

import torch
from torch import nn

torch.manual_seed(20261201)
HERE = os.path.dirname(os.path.abspath(__file__))


class Mlp(nn.Module):
    """Gemm chains with the catalog activations, Dropout and Softmax at the end."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(4, 8), nn.ReLU(),
            nn.Linear(8, 8), nn.Tanh(), nn.Dropout(0.25),
            nn.Linear(8, 6), nn.Sigmoid(),
            nn.Linear(6, 6), nn.LeakyReLU(0.01),
            nn.Linear(6, 6), nn.ELU(),
            nn.Linear(6, 3), nn.Softmax(dim=1))

    def forward(self, x):
        return self.net(x)


class MatMulNet(nn.Module):
    """MatMul + Add written by hand, GELU and SiLU (both decomposed at these opsets), BatchNorm1d, a bias-free Linear."""

    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.randn(5, 7) * 0.4)
        self.b = nn.Parameter(torch.randn(7) * 0.1)
        self.bn = nn.BatchNorm1d(7)
        self.fc = nn.Linear(7, 6, bias=False)
        self.out = nn.Linear(6, 2)

    def forward(self, x):
        h = nn.functional.gelu(torch.matmul(x, self.w) + self.b)
        h = self.bn(h)
        h = nn.functional.silu(self.fc(h))
        return self.out(h)


class Cnn(nn.Module):
    """Conv with padding 1 (stride 1 and 2), BatchNorm2d, MaxPool, AvgPool, Flatten, Linear."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(4, 6, 3, stride=2, padding=1), nn.ReLU(), nn.AvgPool2d(3, stride=1),
            nn.Flatten(), nn.Linear(6, 5))

    def forward(self, x):
        return self.features(x)


class PadConv(nn.Module):
    """An explicit ZeroPad2d (a Pad node) in front of a convolution, and a 5x5 convolution with padding 1."""

    def __init__(self):
        super().__init__()
        self.pad = nn.ZeroPad2d((1, 0, 2, 1))
        self.conv = nn.Conv2d(2, 3, 2)
        self.conv2 = nn.Conv2d(3, 2, 5, padding=1)
        self.head = nn.Linear(2 * 8 * 6, 3)

    def forward(self, x):
        h = torch.tanh(self.conv(self.pad(x)))
        return self.head(torch.flatten(self.conv2(h), 1))


class Branches(nn.Module):
    """A flat input reshaped to an image, a residual Add, a channel Concat and global average pooling."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(2, 4, 3, padding=1)
        self.a = nn.Conv2d(4, 4, 3, padding=1)
        self.b = nn.Conv2d(4, 2, 1)
        self.head = nn.Linear(6, 3)

    def forward(self, x):
        h = torch.relu(self.stem(x.reshape(-1, 2, 4, 4)))
        h = h + self.a(h)
        h = torch.cat([h, self.b(h)], dim=1)
        return self.head(torch.flatten(nn.functional.adaptive_avg_pool2d(h, 1), 1))


class Recurrent(nn.Module):
    """An LSTM: LayerLab has no such layer, so importing it must be refused by name."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(3, 4, batch_first=True)
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        y, _ = self.lstm(x)
        return self.fc(y[:, -1])


MODELS = [
    ("mlp", Mlp, (4,)),
    ("matmul", MatMulNet, (5,)),
    ("cnn", Cnn, (1, 12, 12)),
    ("padconv", PadConv, (2, 8, 8)),
    ("branches", Branches, (32,)),
    ("lstm", Recurrent, (5, 3)),
]


def randomize_norms(model):
    """Running statistics as after training, so BatchNormalization is not the identity."""
    for m in model.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            m.running_mean.uniform_(-0.5, 0.5)
            m.running_var.uniform_(0.5, 1.5)
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(-0.5, 0.5)


def main():
    for name, cls, shape in MODELS:
        model = cls()
        randomize_norms(model)
        model.eval()
        x = torch.rand((5,) + shape) * 4 - 2
        with torch.no_grad():
            y = model(x)
        for opset in (13, 17):
            path = os.path.join(HERE, f"{name}_opset{opset}.onnx")
            torch.onnx.export(model, x[:1], path, opset_version=opset, input_names=["x"], output_names=["y"],
                              dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
        with open(os.path.join(HERE, f"{name}.json"), "w") as f:
            json.dump({"input_shape": list(x.shape), "input": [round(v, 7) for v in x.flatten().tolist()],
                       "output_shape": list(y.shape), "output": y.flatten().tolist()}, f)
        print(name, "ok")


if __name__ == "__main__":
    main()
