"""ECG-CoCa in plain PyTorch, written from the architecture description in docs/coca.md and
../shared/fixtures/README.md (open_clip CoCa: 1-D ViT ECG tower, Hugging Face BERT text tower,
multimodal decoder), with the project's state-dict names. Used as the PyTorch baseline of the
training-step benchmark (train_step_torch.py) and to cross-check the Java trainer.

Needs only torch and numpy (PyTorch 1.13 CPU as packaged by Debian works); not part of the build.
"""
import json
import math
import struct

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    out = {}
    types = {"F32": np.float32, "I64": np.int64, "F64": np.float64, "I32": np.int32}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        arr = np.frombuffer(data[8 + n + begin:8 + n + end], dtype=types[info["dtype"]])
        out[name] = torch.from_numpy(arr.reshape(info["shape"]).copy())
    return out


class Block(nn.Module):
    """open_clip ResidualAttentionBlock (pre-norm), optionally cross-attending (ln_1_kv)."""

    def __init__(self, width, heads, mlp, cross=False):
        super().__init__()
        self.ln_1 = nn.LayerNorm(width)
        self.attn = nn.MultiheadAttention(width, heads, batch_first=True)
        if cross:
            self.ln_1_kv = nn.LayerNorm(width)
        self.ln_2 = nn.LayerNorm(width)
        self.mlp = nn.Sequential()
        self.mlp.add_module("c_fc", nn.Linear(width, mlp))
        self.mlp.add_module("gelu", nn.GELU())
        self.mlp.add_module("c_proj", nn.Linear(mlp, width))
        self.cross = cross

    def forward(self, x, kv=None, attn_mask=None):
        q = self.ln_1(x)
        if self.cross:
            k = v = self.ln_1_kv(kv)
        else:
            k = v = q
        x = x + self.attn(q, k, v, need_weights=False, attn_mask=attn_mask)[0]
        return x + self.mlp(self.ln_2(x))


class Transformer(nn.Module):
    def __init__(self, width, layers, heads, mlp):
        super().__init__()
        self.resblocks = nn.ModuleList([Block(width, heads, mlp) for _ in range(layers)])

    def forward(self, x):
        for b in self.resblocks:
            x = b(x)
        return x


class EcgTower(nn.Module):
    def __init__(self, c, embed_dim):
        super().__init__()
        w = c["width"]
        n = c["seq_length"] // c["patch_size"]
        scale = w ** -0.5
        self.conv1 = nn.Conv1d(c["lead_num"], w, c["patch_size"], c["patch_size"], bias=False)
        self.class_embedding = nn.Parameter(scale * torch.randn(w))
        self.positional_embedding = nn.Parameter(scale * torch.randn(n + 1, w))
        self.ln_pre = nn.LayerNorm(w)
        self.transformer = Transformer(w, c["layers"], w // c.get("head_width", 64), 4 * w)
        self.ln_post = nn.LayerNorm(w)
        self.proj = nn.Parameter(scale * torch.randn(w, embed_dim))

    def forward(self, x):
        x = self.conv1(x).permute(0, 2, 1)
        cls = self.class_embedding.to(x.dtype) + torch.zeros(x.shape[0], 1, x.shape[-1], dtype=x.dtype)
        x = torch.cat([cls, x], dim=1) + self.positional_embedding
        x = self.transformer(self.ln_pre(x))
        x = self.ln_post(x)
        return x[:, 0] @ self.proj, x[:, 1:]


class BertLayer(nn.Module):
    def __init__(self, w, heads, inter, eps):
        super().__init__()
        self.attention = nn.Module()
        self.attention.self = nn.Module()
        self.attention.self.query = nn.Linear(w, w)
        self.attention.self.key = nn.Linear(w, w)
        self.attention.self.value = nn.Linear(w, w)
        self.attention.output = nn.Module()
        self.attention.output.dense = nn.Linear(w, w)
        self.attention.output.LayerNorm = nn.LayerNorm(w, eps=eps)
        self.intermediate = nn.Module()
        self.intermediate.dense = nn.Linear(w, inter)
        self.output = nn.Module()
        self.output.dense = nn.Linear(inter, w)
        self.output.LayerNorm = nn.LayerNorm(w, eps=eps)
        self.heads = heads

    def forward(self, x, mask):
        b, t, w = x.shape
        d = w // self.heads
        s = self.attention.self

        def split(y):
            return y.view(b, t, self.heads, d).transpose(1, 2)

        q, k, v = split(s.query(x)), split(s.key(x)), split(s.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(d) + mask
        ctx = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, w)
        h = self.attention.output.LayerNorm(x + self.attention.output.dense(ctx))
        return self.output.LayerNorm(h + self.output.dense(F.gelu(self.intermediate.dense(h))))


class Bert(nn.Module):
    def __init__(self, c):
        super().__init__()
        w, eps = c["width"], 1e-12
        self.embeddings = nn.Module()
        self.embeddings.word_embeddings = nn.Embedding(c.get("vocab_size", 30522), w, padding_idx=c.get("pad_id", 0))
        self.embeddings.position_embeddings = nn.Embedding(c["max_position"], w)
        self.embeddings.token_type_embeddings = nn.Embedding(2, w)
        self.embeddings.LayerNorm = nn.LayerNorm(w, eps=eps)
        self.encoder = nn.Module()
        self.encoder.layer = nn.ModuleList([BertLayer(w, c["heads"], c["intermediate"], eps) for _ in range(c["layers"])])
        self.pad = c.get("pad_id", 0)
        self.causal = c.get("causal", False)

    def forward(self, ids):
        e = self.embeddings
        pos = torch.arange(ids.shape[1])
        x = e.word_embeddings(ids) + e.position_embeddings(pos)[None] + e.token_type_embeddings.weight[0]
        x = e.LayerNorm(x)
        mask = (ids == self.pad).float()[:, None, None, :] * torch.finfo(torch.float32).min
        if self.causal:  # text_cfg.causal (CocaConfig): attention to earlier positions only
            t = ids.shape[1]
            mask = mask + torch.full((t, t), torch.finfo(torch.float32).min).triu_(1)
        for layer in self.encoder.layer:
            x = layer(x, mask)
        return x


class TextTower(nn.Module):
    def __init__(self, c, embed_dim):
        super().__init__()
        self.transformer = Bert(c)
        self.proj = nn.Linear(c["width"], embed_dim, bias=False)
        self.mean = c.get("hf_pooler_type", "cls_pooler") == "mean_pooler"

    def forward(self, ids):
        h = self.transformer(ids)
        if self.mean:  # mean over non-padding tokens; the decoder sees every token
            keep = (ids != self.transformer.pad).float()[..., None]
            return self.proj((h * keep).sum(1) / keep.sum(1)), h
        return self.proj(h[:, 0]), h[:, 1:]


class Decoder(nn.Module):
    def __init__(self, c, vocab):
        super().__init__()
        w, heads, layers = c["width"], c["heads"], c["layers"]
        self.resblocks = nn.ModuleList([Block(w, heads, 4 * w) for _ in range(layers)])
        self.cross_attn = nn.ModuleList([Block(w, heads, 4 * w, cross=True) for _ in range(layers)])
        self.ln_final = nn.LayerNorm(w)
        self.text_projection = nn.Parameter(torch.randn(w, vocab) * w ** -0.5)

    def forward(self, memory, x):
        t = x.shape[1]
        mask = torch.full((t, t), float("-inf")).triu_(1)
        for sa, ca in zip(self.resblocks, self.cross_attn):
            x = sa(x, attn_mask=mask)
            x = ca(x, kv=memory)
        return self.ln_final(x) @ self.text_projection


class Coca(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        e = cfg["embed_dim"]
        self.ecg = EcgTower(cfg["ecg_cfg"], e)
        self.text = TextTower(cfg["text_cfg"], e)
        # as open_clip (and CocaConfig): without text_cfg.vocab_size BERT keeps 30522 words, the decoder 49408
        self.text_decoder = Decoder(cfg["multimodal_cfg"], cfg["text_cfg"].get("vocab_size", 49408))
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))
        self.pad = cfg["text_cfg"].get("pad_id", 0)

    def losses(self, ecg, ids, clip_weight=1.0, caption_weight=2.0):
        ecg_pooled, ecg_tokens = self.ecg(ecg)
        text_pooled, text_tokens = self.text(ids)
        ecg_latent = F.normalize(ecg_pooled, dim=-1)
        text_latent = F.normalize(text_pooled, dim=-1)
        logits = self.text_decoder(ecg_tokens, text_tokens[:, :-1])
        labels = ids[:, 1 + ids.shape[1] - text_tokens.shape[1]:]
        s = self.logit_scale.exp() * ecg_latent @ text_latent.T
        target = torch.arange(s.shape[0])
        clip = clip_weight * (F.cross_entropy(s, target) + F.cross_entropy(s.T, target)) / 2
        caption = caption_weight * F.cross_entropy(logits.permute(0, 2, 1), labels, ignore_index=self.pad)
        return clip, caption


def param_groups(model, wd):
    """open_clip's split: no decay for ndim < 2, 'bn'/'ln'/'bias'/'logit_scale' names."""
    exclude = lambda n, p: p.ndim < 2 or "bn" in n or "ln" in n or "bias" in n or "logit_scale" in n
    named = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    return [{"params": [p for n, p in named if exclude(n, p)], "weight_decay": 0.0},
            {"params": [p for n, p in named if not exclude(n, p)], "weight_decay": wd}]
