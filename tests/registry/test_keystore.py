"""The on-disk store of every row's keys: equal keys meet in one partition, nothing is lost or added twice."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xiezuo.registry.importing.keystore import Store


@settings(max_examples=30, deadline=None)
@given(chunks=st.lists(st.lists(st.tuples(st.sampled_from(["户1", "户2", "户3", "T9-5205", "", None]),
                                          st.integers(0, 10**6)), max_size=40), max_size=6))
def test_rows_come_back_once_each_with_equal_keys_in_one_partition(tmp_path_factory, chunks):
    store = Store(tmp_path_factory.mktemp("keys"), "households", "number", parts=4)
    for rows in chunks:
        store.add(pl.DataFrame(rows, schema={"number": pl.String, "row": pl.Int64}, orient="row"))
    parts = list(store)
    back = pl.concat(parts) if parts else pl.DataFrame(schema={"number": pl.String, "row": pl.Int64})
    given_rows = [r for rows in chunks for r in rows if r[0] is not None]  # a row without a key is left out
    assert sorted(back.rows()) == sorted(given_rows)
    seen = [set(p["number"]) for p in parts]
    assert all(not (a & b) for i, a in enumerate(seen) for b in seen[i + 1:]), "a key in two partitions"


def test_nothing_may_be_added_once_reading_began(tmp_path):
    store = Store(tmp_path, "people", "id", parts=2)
    store.add(pl.DataFrame({"id": [1, 2, 3]}))
    assert sum(p.height for p in store) == 3
    with pytest.raises(RuntimeError):
        store.add(pl.DataFrame({"id": [4]}))
