"""Fuzz every list endpoint's filters and every create endpoint's body: never a server error."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from xiezuo.core.registry import REGISTRY

pytestmark = pytest.mark.django_db
TEXT = st.one_of(st.text(max_size=20), st.sampled_from(["", "0", "-1", "2021-13-01", "522700000000", "true", "x" * 300]))


@pytest.fixture
def api(user):
    client = APIClient()
    client.force_authenticate(user("qiannan"))
    return client


@pytest.mark.parametrize("key", sorted(REGISTRY))
def test_list_filters_never_fail(api, key):
    rt = REGISTRY[key]
    params = sorted(rt.filterset.base_filters)

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=FIXED)
    @given(st.dictionaries(st.sampled_from(params), TEXT, max_size=3), st.integers(-5, 10**6))
    def check(query, offset):
        response = api.get(f"/api/{rt.app_label}/{rt.model_name}/", {**query, "offset": offset})
        assert response.status_code in (200, 400), (query, response.status_code)

    check()


@pytest.mark.parametrize("key", sorted(REGISTRY))
def test_create_with_junk_is_refused_cleanly(api, key):
    rt = REGISTRY[key]
    fields = sorted(rt.serializer().get_fields())
    value = st.one_of(TEXT, st.integers(-10**12, 10**12), st.none(), st.booleans(), st.lists(st.integers(), max_size=3))

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=FIXED)
    @given(st.dictionaries(st.sampled_from(fields), value, max_size=6))
    def check(body):
        response = api.post(f"/api/{rt.app_label}/{rt.model_name}/", body, format="json")
        assert response.status_code in (201, 400, 403), (body, response.status_code, response.content[:300])

    check()



# --- schemathesis: the whole API from its own OpenAPI schema, every check on, no 5xx -------------------------

def _schema():
    """The schema the site serves at /api/schema/, made without a request (no database needed to collect)."""
    from drf_spectacular.generators import SchemaGenerator
    from schemathesis.checks import CHECKS, load_all_checks

    from xiezuo.wsgi import application

    load_all_checks()
    # Every check is on. A request the schema allows may still be refused for what no schema can say (the
    # organisation must exist and be in the user's area; a return needs a reason): positive data may answer
    # any documented refusal, but never a 5xx or an undocumented status. An edit must name its version in the
    # If-Match header or the body, which OpenAPI cannot require as "one of the two": 428 when neither is there.
    config = SchemathesisConfig.from_dict({"checks": {
        "positive_data_acceptance": {"expected-statuses": ["2XX", "400", "401", "403", "404", "409", "412", "428"]},
    }})
    loaded = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True), config=config)
    loaded.app = application
    operations = {}
    for result in loaded.get_all_operations():
        op = result.ok()
        operations[op.label] = op
    return operations, list(CHECKS.get_all())


import schemathesis  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.config import SchemathesisConfig  # noqa: E402

OPERATIONS, ALL_CHECKS = _schema()
FIGURES = {"requests": 0, "refused": 0, "5xx": 0}
# Examples per operation: a few in CI (the suite runs twice); XIEZUO_FUZZ_EXAMPLES=200 for a deep sweep.
# CI runs a fixed sample, so a run can be repeated exactly; other runs draw new examples each time.
FIXED = os.environ.get("CI", "").lower() == "true" and not os.environ.get("XIEZUO_FUZZ_RANDOM")
EXAMPLES = int(os.environ.get("XIEZUO_FUZZ_EXAMPLES", "5"))
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


@pytest.fixture
def wsgi_in_test_transaction():
    """Requests run inside this test's transaction (rolled back at the end): Django must not close the
    connection between them, as it does for a real server."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_api_operation_conforms_to_the_schema(label, user, wsgi_in_test_transaction):
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=user("qiannan"))
    headers = {"Authorization": f"Token {token.key}"}
    op = OPERATIONS[label]
    strategy = st.one_of(op.as_strategy(GenerationMode.POSITIVE), op.as_strategy(GenerationMode.NEGATIVE))

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=FIXED, database=None)
    @given(strategy)
    def check(case):
        response = case.call(headers=headers)
        FIGURES["requests"] += 1
        FIGURES["refused"] += 400 <= response.status_code < 500
        FIGURES["5xx"] += response.status_code >= 500
        # A negative example whose body is None goes out as an empty form (no fields), which is a valid body
        # for an operation whose fields are all optional (a transition's reason): accepting it is right, so
        # that one example is not held to "negative data is refused". Unreadable bodies are refused (see
        # test_api_everyday: parts that name no field, JSON that is not an object).
        checks = ALL_CHECKS
        if case.body is None and case.media_type in FORM_TYPES:
            checks = [c for c in ALL_CHECKS if c.__name__ != "negative_data_rejection"]
        case.validate_response(response, checks=checks, headers=headers, transport_kwargs={"headers": headers})

    check()


def test_zz_api_figures():
    print(f"\napi fuzz: {FIGURES['requests']} requests, {FIGURES['refused']} refused (4xx), {FIGURES['5xx']} 5xx")
    assert FIGURES["5xx"] == 0
