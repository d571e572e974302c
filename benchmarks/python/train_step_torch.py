"""PyTorch baseline of the CoCa training-step benchmark (CocaTrainStepBenchmark): the same
architecture, batch and optimiser step (forward, backward, global-norm clip 0.5, AdamW with
open_clip's weight-decay exclusions) on the CPU, reporting steps per second.

    python3 train_step_torch.py --config tiny|small|full --batch 8 --threads 2 --steps 5

cpu_seconds_per_step is the CPU time of the whole process; with --threads 1 (and OMP_NUM_THREADS=1,
which also keeps the BLAS to one thread) it is the work of a step, which a busy machine disturbs
far less than the wall-clock rate (compare with org.ecgchat.benchmarks.CocaTrainStepCpuTime).

Needs torch and numpy only (Debian's python3-torch 1.13 works). Not part of the build.
"""
import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from coca_torch import Coca, param_groups  # noqa: E402

# the configurations of the Java benchmark (CocaTrainStepBenchmark), one file for both
CONFIGS = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources",
                                      "org", "ecgchat", "benchmarks", "coca-train-configs.json")))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="tiny", choices=sorted(CONFIGS))
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--text-length", type=int, default=32)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--steps", type=int, default=5)
    p.add_argument("--lock-text", action="store_true")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    cfg = CONFIGS[a.config]
    model = Coca(cfg)
    if a.lock_text:
        for n, q in model.text.transformer.named_parameters():
            q.requires_grad = "LayerNorm" in n.split(".")
    opt = torch.optim.AdamW(param_groups(model, 0.1), lr=1e-4, betas=(0.9, 0.98), eps=1e-6)
    e, t = cfg["ecg_cfg"], cfg["text_cfg"]
    ecg = torch.randn(a.batch, e["lead_num"], e["seq_length"])
    ids = torch.randint(5, t.get("vocab_size", 30522), (a.batch, a.text_length))
    ids[:, 0] = 1
    ids[:, -1] = 2

    def step():
        opt.zero_grad(set_to_none=True)
        clip, cap = model.losses(ecg, ids)
        (clip + cap).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5)
        opt.step()
        with torch.no_grad():
            model.logit_scale.clamp_(0, 4.605170185988091)
        return (clip + cap).item()

    for _ in range(a.warmup):
        step()
    start = time.perf_counter()
    cpu_start = time.process_time()  # all threads of the process, as CocaTrainStepCpuTime measures
    for _ in range(a.steps):
        step()
    seconds = (time.perf_counter() - start) / a.steps
    cpu_seconds = (time.process_time() - cpu_start) / a.steps
    params = sum(q.numel() for q in model.parameters())
    print(json.dumps({"config": a.config, "batch": a.batch, "text_length": a.text_length, "threads": a.threads,
                      "parameters": params, "seconds_per_step": seconds, "steps_per_second": 1 / seconds,
                      "cpu_seconds_per_step": cpu_seconds,
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
