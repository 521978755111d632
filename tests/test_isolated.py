"""A step run in a child process hands back its result, or its exception, to the caller."""

import os

import pytest

from orchestration.isolated import run_isolated


def _pid_and_sum(*numbers: int) -> tuple[int, int]:
    return os.getpid(), sum(numbers)


def _fail(message: str) -> None:
    raise ValueError(message)


def test_the_result_comes_back_from_another_process():
    pid, total = run_isolated(_pid_and_sum, 1, 2, 3)
    assert total == 6
    assert pid != os.getpid()


def test_the_exception_comes_back_as_raised():
    with pytest.raises(ValueError, match="unreadable drop folder"):
        run_isolated(_fail, "unreadable drop folder")
