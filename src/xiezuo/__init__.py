"""Xiezuo (協作): the platform for East–West paired cooperation."""

import os

# polars allocates with its own jemalloc, which by default keeps freed pages for ten seconds: a registry import
# frees a chunk's columns every fraction of a second, so they would pile up (about 130 MB at 2,000,000 rows).
# Hand freed pages back at once; read when polars is first loaded, so it is set here, before any import of it.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
