

def read_safetensors(path):
    """The tensors of a safetensors file as numpy arrays; the `safetensors` package when present, else numpy alone."""
    try:
        from safetensors.numpy import load_file
        return load_file(path)
    except ImportError:
        pass
    dtypes = {"F32": np.float32, "F64": np.float64, "I64": np.int64, "I32": np.int32, "U8": np.uint8}
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(data[start:end], dtype=np.dtype(dtypes[info["dtype"]]).newbyteorder("<")).reshape(info["shape"]).copy()
    return out


def load_layerlab_weights(model, path):
    """Copies LayerLab's trained tensors into the module (Dense kernels are stored transposed in PyTorch)."""
    tensors = read_safetensors(path)
    state = model.state_dict()
    for key, (name, transposed) in WEIGHTS.items():
        value = torch.from_numpy(tensors[key])
        if transposed:
            value = value.t()
        if tuple(state[name].shape) != tuple(value.shape):
            raise ValueError(f"{path}: {key} has shape {tuple(value.shape)}, {name} needs {tuple(state[name].shape)}")
        state[name] = value.contiguous()
    model.load_state_dict(state)


def load(path="weights.safetensors"):
    """A Model with LayerLab's trained weights from {path} (next to this file when relative)."""
    if not os.path.isabs(path):
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), path)
    model = Model()
    load_layerlab_weights(model, path)
    return model
