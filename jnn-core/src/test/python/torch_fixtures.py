#!/usr/bin/python3
"""Writes the PyTorch reference fixtures of jnn's Keras-style layers and optimizers.

Run from the repository root with Debian's PyTorch 1.13 (apt-get install -y python3-torch):
    /usr/bin/python3 jnn-core/src/test/python/torch_fixtures.py
It writes jnn-core/src/test/resources/fixtures/torch/*.npz; the tests read only those files.

Layouts: jnn keeps images channels-last (height, width, channels) and a Conv2D kernel as (kh*kw*channels, filters);
PyTorch keeps NCHW and (filters, channels, kh, kw), and its Flatten orders (channel, row, column). The arrays
written here are already in jnn's layout, converted below; nothing is converted in Java.
"""
import os

import numpy as np
import torch
import torch.nn as nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures", "torch")


def conv_kernel(w):
    """(F, C, kh, kw) -> (kh*kw*C, F)."""
    f = w.shape[0]
    return w.detach().permute(2, 3, 1, 0).reshape(-1, f).numpy()


def nchw_to_rows(x):
    """(N, C, H, W) -> (N, H*W*C)."""
    return x.detach().permute(0, 2, 3, 1).reshape(x.shape[0], -1).numpy()


def lenet():
    """LeNet-5 of the course, float32, given weights: outputs, loss and every gradient for a batch of 8."""
    torch.manual_seed(5)
    model = nn.Sequential(
        nn.Conv2d(1, 6, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    model.eval()  # dropout passes through, so the reference is deterministic
    x = torch.rand(8, 1, 28, 28)
    y = torch.tensor([3, 1, 4, 1, 5, 9, 2, 6])
    logits = model(x)
    loss = nn.functional.cross_entropy(logits, y)
    loss.backward()
    c1, c2, d1, d2, d3 = model[0], model[3], model[7], model[10], model[12]

    def dense1(w):  # (120, 400) with inputs ordered (c, h, w) -> (400, 120) ordered (h, w, c)
        return w.detach().reshape(120, 16, 5, 5).permute(2, 3, 1, 0).reshape(400, 120).numpy()

    arrays = {"x": nchw_to_rows(x), "y": y.numpy().astype(np.int32),
              "probabilities": torch.softmax(logits, 1).detach().numpy(), "loss": np.array([loss.item()])}
    for name, layer, kernel in (("conv1", c1, conv_kernel), ("conv2", c2, conv_kernel), ("dense1", d1, dense1),
                                ("dense2", d2, lambda w: w.detach().t().numpy()),
                                ("dense3", d3, lambda w: w.detach().t().numpy())):
        arrays[name + "_kernel"] = kernel(layer.weight)
        arrays[name + "_bias"] = layer.bias.detach().numpy()
        arrays[name + "_kernel_grad"] = kernel(layer.weight.grad)
        arrays[name + "_bias_grad"] = layer.bias.grad.numpy()
    np.savez_compressed(os.path.join(OUT, "lenet5.npz"), **arrays)


def trajectories():
    """10 full-batch steps of Adam and of SGD with Nesterov momentum on a small float64 network."""
    torch.manual_seed(11)
    x = torch.randn(16, 4, dtype=torch.float64)
    y = torch.randint(0, 3, (16,))
    arrays = {"x": x.numpy(), "y": y.numpy().astype(np.int32)}
    for name, make in (("adam", lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.9, 0.999), eps=1e-8)),
                       ("nesterov", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True))):
        torch.manual_seed(12)
        model = nn.Sequential(nn.Linear(4, 5), nn.Tanh(), nn.Linear(5, 3)).double()
        arrays[name + "_w0"] = model[0].weight.detach().t().numpy().copy()
        arrays[name + "_b0"] = model[0].bias.detach().numpy().copy()
        arrays[name + "_w1"] = model[2].weight.detach().t().numpy().copy()
        arrays[name + "_b1"] = model[2].bias.detach().numpy().copy()
        opt = make(model.parameters())
        losses, w0, w1 = [], [], []
        for _ in range(10):
            opt.zero_grad()
            loss = nn.functional.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            losses.append(loss.item())
            w0.append(model[0].weight.detach().t().numpy().copy())
            w1.append(model[2].weight.detach().t().numpy().copy())
        arrays[name + "_losses"] = np.array(losses)
        arrays[name + "_w0_steps"] = np.stack(w0)
        arrays[name + "_w1_steps"] = np.stack(w1)
    np.savez_compressed(os.path.join(OUT, "optimizers.npz"), **arrays)


def batchnorm():
    """BatchNorm on features and on channels-last images, train then eval, float64; PyTorch momentum 0.1 = Keras 0.9."""
    torch.manual_seed(21)
    arrays = {}
    for name, bn, shape in (("flat", nn.BatchNorm1d(4, eps=1e-3, momentum=0.1), (6, 4)),
                            ("image", nn.BatchNorm2d(2, eps=1e-3, momentum=0.1), (3, 2, 3, 3))):
        bn = bn.double()
        with torch.no_grad():
            bn.weight.copy_(torch.rand(bn.num_features, dtype=torch.float64) + 0.5)
            bn.bias.copy_(torch.randn(bn.num_features, dtype=torch.float64))
        x = (torch.randn(*shape, dtype=torch.float64) * 2 + 1).requires_grad_(True)
        r = torch.randn(*shape, dtype=torch.float64)
        bn.train()
        out = bn(x)
        (out * r).sum().backward()
        rows = (lambda t: t.detach().numpy()) if len(shape) == 2 else nchw_to_rows
        dims = (0,) if len(shape) == 2 else (0, 2, 3)
        biased = x.detach().var(dim=dims, unbiased=False).numpy()
        arrays.update({name + "_x": rows(x), name + "_r": rows(r), name + "_gamma": bn.weight.detach().numpy(),
                       name + "_beta": bn.bias.detach().numpy(), name + "_train_out": rows(out),
                       name + "_dx": rows(x.grad), name + "_dgamma": bn.weight.grad.numpy(),
                       name + "_dbeta": bn.bias.grad.numpy(), name + "_moving_mean": bn.running_mean.numpy(),
                       # Keras keeps the biased batch variance in its moving estimate; PyTorch the unbiased one.
                       name + "_moving_variance": 0.9 * 1.0 + 0.1 * biased})
        bn.eval()
        with torch.no_grad():
            bn.running_var.copy_(torch.tensor(arrays[name + "_moving_variance"]))
            arrays[name + "_eval_out"] = rows(bn(x))
    np.savez_compressed(os.path.join(OUT, "batchnorm.npz"), **arrays)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    lenet()
    trajectories()
    batchnorm()
    print("wrote", sorted(os.listdir(OUT)))
