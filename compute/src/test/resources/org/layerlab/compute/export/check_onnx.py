"""Checks ONNX files with the onnx package: full checker and strict shape inference. Prints one line per file."""
import sys

import onnx
from onnx import shape_inference

failed = 0
for path in sys.argv[1:]:
    try:
        model = onnx.load(path)
        onnx.checker.check_model(model, full_check=True)
        inferred = shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
        out = inferred.graph.output[0].type.tensor_type.shape
        print("ok", path, [d.dim_param or d.dim_value for d in out.dim])
    except Exception as e:  # noqa: BLE001 - report every failure and go on
        failed += 1
        print("FAIL", path, type(e).__name__, str(e).replace("\n", " "))
sys.exit(1 if failed else 0)
