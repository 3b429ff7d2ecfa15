"""For each exported PyTorch folder: import its model.py, load LayerLab's weights, run it on LayerLab's reference
inputs (reference.safetensors: x, y) and print the largest absolute difference. Exit 1 when one exceeds 1e-4."""
import importlib.util
import json
import sys

import numpy as np
import torch

worst = 0.0
for i, folder in enumerate(sys.argv[1:]):
    spec = importlib.util.spec_from_file_location("exported_model_%d" % i, folder + "/model.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    model = mod.load(folder + "/weights.safetensors")
    model.eval()
    ref = mod.read_safetensors(folder + "/reference.safetensors")
    with torch.no_grad():
        out = model(torch.from_numpy(ref["x"])).numpy()
    diff = float(np.abs(out - ref["y"]).max()) if out.shape == ref["y"].shape else float("inf")
    worst = max(worst, diff)
    print(json.dumps({"folder": folder, "max_abs_diff": diff, "shape": list(out.shape)}))
sys.exit(0 if worst <= 1e-4 else 1)
