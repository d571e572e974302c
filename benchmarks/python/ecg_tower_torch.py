"""PyTorch baseline for EcgTowerBenchmark: forward throughput of the full-size ECG-CoCa ECG tower.

Not part of the build. Run on the same machine as the JMH benchmark, e.g. with Debian's
python3-torch:  /usr/bin/python3 benchmarks/python/ecg_tower_torch.py --threads 2 --batch 8
The architecture is the open_clip 1-D ViT the project implements (see docs/coca.md).
"""
import argparse
import time

import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.ln_1 = nn.LayerNorm(width)
        self.attn = nn.MultiheadAttention(width, heads, batch_first=True)
        self.ln_2 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(nn.Linear(width, 4 * width), nn.GELU(), nn.Linear(4 * width, width))

    def forward(self, x):
        y = self.ln_1(x)
        x = x + self.attn(y, y, y, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class EcgTower(nn.Module):
    def __init__(self, leads=12, length=5000, patch=50, width=768, layers=12, heads=12, embed=512):
        super().__init__()
        self.conv1 = nn.Conv1d(leads, width, patch, stride=patch, bias=False)
        self.class_embedding = nn.Parameter(torch.randn(width))
        self.positional_embedding = nn.Parameter(torch.randn(length // patch + 1, width))
        self.ln_pre = nn.LayerNorm(width)
        self.blocks = nn.ModuleList(Block(width, heads) for _ in range(layers))
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Parameter(torch.randn(width, embed) * width ** -0.5)

    def forward(self, ecg):
        x = self.conv1(ecg).transpose(1, 2)
        cls = self.class_embedding.expand(x.shape[0], 1, -1)
        x = torch.cat([cls, x], dim=1) + self.positional_embedding
        x = self.ln_pre(x)
        for block in self.blocks:
            x = block(x)
        x = self.ln_post(x)
        return x[:, 0] @ self.proj, x[:, 1:]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--seconds", type=float, default=30.0)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = EcgTower().eval()
    x = torch.randn(a.batch, 12, 5000)
    with torch.inference_mode():
        for _ in range(3):
            model(x)
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < a.seconds:
            model(x)
            n += 1
        dt = time.perf_counter() - t0
    ecgs = n * a.batch / dt
    # multiply-adds: conv (100*768*600) + per block qkv/out (4*101*768^2) + attention (2*101^2*768) + mlp (2*101*768*3072)
    macs = 100 * 768 * 600 + 12 * (4 * 101 * 768 ** 2 + 2 * 101 ** 2 * 768 + 2 * 101 * 768 * 3072) + 768 * 512
    print(f"torch {torch.__version__} threads={a.threads} batch={a.batch}: {ecgs:.2f} ECGs/s, "
          f"{ecgs * 2 * macs / 1e9:.1f} GFLOP/s")


if __name__ == "__main__":
    main()
