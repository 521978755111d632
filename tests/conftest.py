"""Fixtures every test may use: the property-test profile and the demo drop folder."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from demo.generate import generate
from demo.records import DemoDropFolder

# Property tests (tests/unit/test_properties_*.py) run a fixed number of examples, derandomized
# and without an example database, so `make test` takes the same bounded time every run and
# a failure shows again on the next one. HYPOTHESIS_PROFILE=explore searches much further
# (random, remembering failures in .hypothesis/, which git ignores).
settings.register_profile(
    "podium", max_examples=40, deadline=2000, derandomize=True, database=None, print_blob=True
)
settings.register_profile("explore", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "podium"))


@pytest.fixture(scope="session")
def demo_generated(tmp_path_factory: pytest.TempPathFactory) -> DemoDropFolder:
    """The demo drop folder with what the generator meant each entry to be."""
    return generate(tmp_path_factory.mktemp("drop") / "demo", seed=7, scale=1)


@pytest.fixture(scope="session")
def demo_drop_folder(demo_generated: DemoDropFolder) -> Path:
    return demo_generated.target
