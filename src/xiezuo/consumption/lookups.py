"""What the consumption forms and `clean` methods look up, asked through here so that a whole file can share it.

Validating one record (a page, the API) asks the database directly. Validating a file of thousands of rows (the
product catalogue a province publishes, a market's monthly sheet) would then ask the same questions once per
row: which product already holds this certificate number, which regions a channel serves, which region or
organisation a product points at. Inside `batch()` each answer is asked once — the certificate numbers of every
product in one query, a channel's served regions once per channel, a region or organisation once per key — and
what the batch writes is added to it, so that a later row of the same file sees an earlier one.

    with batch():
        for row in rows:
            form = ProductForm(data=row, user=user)   # no query of its own per row for what is cached here
            ...

An importer (core/importer.py) enters the batch of a record type's form around a whole file when the form has
one: `getattr(rt.form, "import_batch", None)`. Outside a batch nothing is cached: a page always sees the
database as it is.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps

_BATCH: ContextVar[dict | None] = ContextVar("consumption_lookup_batch", default=None)


@contextmanager
def batch():
    """Share lookups between the validations inside (nested batches share the outer one)."""
    if _BATCH.get() is not None:
        yield
        return
    token = _BATCH.set({})
    try:
        yield
    finally:
        _BATCH.reset(token)


def active() -> bool:
    return _BATCH.get() is not None


def _memo(kind: str, key, load):
    cache = _BATCH.get()
    if cache is None:
        return load()
    store = cache.setdefault(kind, {})
    if key not in store:
        store[key] = load()
    return store[key]


# --- certificate numbers --------------------------------------------------------------------------------------

def _certificates() -> dict[str, tuple[int, str, str]]:
    """Every certificate number held by a product: number → (product key, name, county code). One query."""
    product = apps.get_model("consumption", "Product")
    return {no: (pk, name, region) for no, pk, name, region in product._base_manager.exclude(certificate_no="")
            .values_list("certificate_no", "pk", "name", "region_id")}


def certificate_holder(number: str, exclude_pk=None) -> tuple[int, str, str] | None:
    """(key, name, county code) of the product that holds `number`, other than `exclude_pk`; None when free."""
    if not number:
        return None
    cache = _BATCH.get()
    if cache is None:
        product = apps.get_model("consumption", "Product")
        row = product._base_manager.filter(certificate_no=number).exclude(pk=exclude_pk) \
            .values_list("pk", "name", "region_id").first()
        return tuple(row) if row else None
    if "certificates" not in cache:
        cache["certificates"] = _certificates()
    holder = cache["certificates"].get(number)
    return holder if holder is not None and holder[0] != exclude_pk else None


def note_certificate(product) -> None:
    """A product just saved inside a batch: its number is taken for the rows after it."""
    cache = _BATCH.get()
    if cache is not None and "certificates" in cache and product.certificate_no:
        cache["certificates"][product.certificate_no] = (product.pk, product.name, product.region_id)


# --- regions, organisations, channels -------------------------------------------------------------------------

def region(code: str):
    model = apps.get_model("geo", "Region")
    return _memo("region", code, lambda: model.objects.filter(code=code).first())


def organisation(pk: int):
    model = apps.get_model("partners", "Organisation")
    return _memo("organisation", pk, lambda: model._base_manager.filter(pk=pk).first())


def served_regions(channel) -> list:
    """The regions whose products `channel` sells (empty: from anywhere)."""
    if not channel.pk:
        return []
    return _memo("served", channel.pk, lambda: list(channel.served_regions.all()))
