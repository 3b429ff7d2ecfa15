

def schedule_factor(step, steps_per_epoch, total_steps):
    """LayerLab's learning-rate schedule: the factor for the step about to be taken."""
    kind, p = SETTINGS["schedule"], SETTINGS["schedule_params"]
    if kind == "constant":
        return 1.0
    if kind == "step":
        return p["gamma"] ** ((step // steps_per_epoch) // p["stepEpochs"])
    if kind == "exponential":
        return p["gamma"] ** (step // steps_per_epoch)
    if kind == "cosine":
        low = p["minFactor"]
        return low + (1 - low) * 0.5 * (1 + math.cos(math.pi * min(1.0, step / max(1, total_steps))))
    if kind == "linear-warmup":
        return min(1.0, (step + 1.0) / p["warmupSteps"])
    raise ValueError("unknown schedule " + kind)


def make_optimizer(params):
    kind, p = SETTINGS["optimizer"], SETTINGS["optimizer_params"]
    if kind == "sgd":
        return torch.optim.SGD(params, lr=p["learningRate"], momentum=p.get("momentum", 0.0), nesterov=p.get("nesterov", False))
    if kind == "adam":
        return torch.optim.Adam(params, lr=p["learningRate"], betas=(p["beta1"], p["beta2"]), eps=p["epsilon"])
    if kind == "adamw":
        return torch.optim.AdamW(params, lr=p["learningRate"], betas=(p["beta1"], p["beta2"]), eps=p["epsilon"], weight_decay=p["weightDecay"])
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=p["learningRate"], alpha=p["rho"], eps=p["epsilon"])
    if kind == "adagrad":
        return torch.optim.Adagrad(params, lr=p["learningRate"], eps=p["epsilon"])
    raise ValueError("unknown optimizer " + kind)


def make_loss():
    kind = SETTINGS["loss"]
    if kind == "softmax-cross-entropy":
        return nn.CrossEntropyLoss()
    if kind == "binary-cross-entropy":
        return nn.BCEWithLogitsLoss()
    if kind == "mse":
        return nn.MSELoss()
    if kind == "mae":
        return nn.L1Loss()
    if kind == "huber":
        return nn.HuberLoss(delta=SETTINGS["loss_params"].get("delta", 1.0))
    raise ValueError("unknown loss " + kind)


def load_data(path):
    """The same training and validation samples LayerLab used (its split, as exported)."""
    t = read_safetensors(path)
    sets = []
    for part in ("train", "val"):
        if "x_" + part not in t:
            sets.append(None)
            continue
        x = torch.from_numpy(t["x_" + part])
        y = torch.from_numpy(t["y_" + part])
        y = y.long().reshape(-1) if SETTINGS["loss"] == "softmax-cross-entropy" else y.reshape(len(x), -1)
        sets.append(TensorDataset(x, y))
    return sets


def evaluate(model, loader, loss_fn, device, distributed):
    """Mean loss and (for classification) accuracy over a data set, summed across processes."""
    model.eval()
    totals = torch.zeros(3, dtype=torch.float64, device=device)
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            out = model(x)
            totals[0] += loss_fn(out, y).item() * len(x)
            totals[1] += len(x)
            if SETTINGS["loss"] == "softmax-cross-entropy":
                totals[2] += (out.argmax(dim=1) == y).sum().item()
            elif SETTINGS["loss"] == "binary-cross-entropy":
                totals[2] += ((out > 0).float() == y).all(dim=1).sum().item()
    if distributed:
        dist.all_reduce(totals)
    metrics = {"loss": totals[0].item() / max(1, totals[1].item())}
    if SETTINGS["loss"] in ("softmax-cross-entropy", "binary-cross-entropy"):
        metrics["accuracy"] = totals[2].item() / max(1, totals[1].item())
    return metrics


def compare(model, path):
    """Runs the model on LayerLab's reference inputs and prints the largest difference from LayerLab's outputs."""
    t = read_safetensors(path)
    model.eval()
    with torch.no_grad():
        out = model(torch.from_numpy(t["x"])).numpy()
    diff = float(np.abs(out - t["y"]).max())
    print(json.dumps({"compare": path, "max_abs_diff": diff}))
    return diff


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Train the network exported from LayerLab (one process, or under torchrun).")
    ap.add_argument("--epochs", type=int, default=SETTINGS["epochs"])
    ap.add_argument("--weights", default=os.path.join(here, "weights.safetensors"), help="LayerLab's trained weights")
    ap.add_argument("--from-scratch", action="store_true", help="start from PyTorch's initial weights instead")
    ap.add_argument("--data", default=os.path.join(here, "data.safetensors"))
    ap.add_argument("--compare", metavar="FILE", help="only compare outputs with LayerLab's reference (inputs x, outputs y)")
    ap.add_argument("--out", default=os.path.join(here, "trained.pt"), help="where rank 0 saves the trained state dict")
    args = ap.parse_args()

    torch.manual_seed(SETTINGS["seed"])
    model = Model()
    if not args.from_scratch:
        load_layerlab_weights(model, args.weights)
    if args.compare:
        sys.exit(0 if compare(model, args.compare) <= 1e-4 else 1)

    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    cuda = torch.cuda.is_available()
    rank, world = 0, 1
    device = torch.device("cpu")
    if distributed:
        dist.init_process_group("nccl" if cuda else "gloo")
        rank, world = dist.get_rank(), dist.get_world_size()
        if cuda:
            device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
            torch.cuda.set_device(device)
    elif cuda:
        device = torch.device("cuda")
    model.to(device)
    net = DistributedDataParallel(model, device_ids=[device.index] if cuda else None) if distributed else model

    train_set, val_set = load_data(args.data)
    # The batch size is LayerLab's, split across the processes so one step sees as many samples as in LayerLab.
    per_process = max(1, SETTINGS["batch_size"] // world)
    sampler = DistributedSampler(train_set, num_replicas=world, rank=rank, shuffle=True, seed=SETTINGS["seed"]) if distributed else None
    loader = DataLoader(train_set, batch_size=per_process, shuffle=sampler is None, sampler=sampler)
    val_loader = None
    if val_set is not None:
        val_sampler = DistributedSampler(val_set, num_replicas=world, rank=rank, shuffle=False) if distributed else None
        val_loader = DataLoader(val_set, batch_size=256, sampler=val_sampler)

    loss_fn = make_loss()
    optimizer = make_optimizer(net.parameters())
    steps_per_epoch = len(loader)
    total = steps_per_epoch * args.epochs
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: schedule_factor(s, steps_per_epoch, total))
    l1, l2 = SETTINGS["optimizer_params"].get("l1", 0.0), SETTINGS["optimizer_params"].get("l2", 0.0)
    started = time.time()
    for epoch in range(args.epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        net.train()
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = loss_fn(net(x), y)
            loss.backward()
            if l1 or l2:
                with torch.no_grad():
                    for w in net.parameters():
                        w.grad += l1 * torch.sign(w) + l2 * w
            if SETTINGS["clip_norm"] > 0:
                torch.nn.utils.clip_grad_norm_(net.parameters(), SETTINGS["clip_norm"])
            optimizer.step()
            scheduler.step()
        metrics = {"epoch": epoch + 1, "processes": world, "seconds": round(time.time() - started, 3)}
        metrics.update(evaluate(net, DataLoader(train_set, batch_size=256, sampler=DistributedSampler(train_set, world, rank, shuffle=False)
                                                if distributed else None), loss_fn, device, distributed))
        if val_loader is not None:
            metrics.update({"val_" + k: v for k, v in evaluate(net, val_loader, loss_fn, device, distributed).items()})
        if rank == 0:
            print("metrics " + json.dumps(metrics), flush=True)
    if rank == 0:
        torch.save(model.state_dict(), args.out)
    if distributed:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
